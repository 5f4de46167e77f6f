using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>Settings of a <see cref="MixpeekClient"/>. Bind from configuration (e.g. section "Mixpeek").
/// <see cref="ServiceClientOptions.ApiKey"/> is sent as <c>Authorization: Bearer</c>.</summary>
public sealed class MixpeekClientOptions : ServiceClientOptions
{
    /// <summary>Mixpeek's public API address.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.mixpeek.com");

    /// <summary>Creates options with Mixpeek's public base address.</summary>
    public MixpeekClientOptions()
    {
        BaseAddress = DefaultBaseAddress;
    }

    /// <summary>The namespace every call is scoped to (<c>X-Namespace</c>): an id ("ns_…") or a name; 1–128 letters,
    /// digits, '_', '-' or '.'. A call may name another with <see cref="MixpeekRequestOptions.Namespace"/>.</summary>
    /// <value>The default value is <see langword="null"/>: every call must name one.</value>
    public string? Namespace { get; set; }

    /// <summary>The shortest interval an interval schedule (and a conditional schedule's check interval) may have;
    /// checked before sending. Mixpeek does not publish its limit (openapi/README.md), so lower it if your plan allows.</summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan MinimumInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate()
    {
        var errors = base.Validate().ToList();
        if (Namespace is not null && !NamespaceRule.IsValid(Namespace))
        {
            errors.Add($"{nameof(Namespace)} must be {NamespaceRule.Description}.");
        }

        if (MinimumInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{nameof(MinimumInterval)} must be at least 1 second.");
        }

        return errors;
    }
}
