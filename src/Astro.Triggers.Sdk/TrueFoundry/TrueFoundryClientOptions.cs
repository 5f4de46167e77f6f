using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.TrueFoundry;

/// <summary>Settings of a <see cref="TrueFoundryClient"/>. Bind from configuration (e.g. section "TrueFoundry").
/// TrueFoundry runs on each customer's own control plane, so <see cref="ServiceClientOptions.BaseAddress"/> has no
/// default and must be set (e.g. <c>https://acme.truefoundry.cloud</c>).</summary>
public sealed class TrueFoundryClientOptions : ServiceClientOptions
{
    /// <inheritdoc />
    public override IReadOnlyList<string> Validate()
    {
        if (BaseAddress is not null)
        {
            return base.Validate();
        }

        var errors = base.Validate().Where(e => !e.StartsWith(nameof(BaseAddress), StringComparison.Ordinal)).ToList();
        errors.Insert(0, $"{nameof(BaseAddress)} is required: your TrueFoundry control-plane URL (there is no public default).");
        return errors;
    }
}
