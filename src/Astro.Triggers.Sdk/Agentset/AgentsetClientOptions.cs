using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Agentset;

/// <summary>Settings of an <see cref="AgentsetClient"/>. Bind from configuration (e.g. section "Agentset").</summary>
public sealed class AgentsetClientOptions : ServiceClientOptions
{
    /// <summary>Agentset's public API address.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.agentset.ai");

    /// <summary>Creates options with Agentset's public base address.</summary>
    public AgentsetClientOptions()
    {
        BaseAddress = DefaultBaseAddress;
    }

    /// <summary>The namespace the client works in (prefixed "ns_"); a call may name another.</summary>
    /// <value>The default value is <see langword="null"/>: every call must name one.</value>
    public string? NamespaceId { get; set; }

    /// <summary>The tenant every call is scoped to (<c>x-tenant-id</c>), unless a call names another.</summary>
    /// <value>The default value is <see langword="null"/>: the namespace itself, no tenant.</value>
    public string? TenantId { get; set; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate()
    {
        var errors = base.Validate().ToList();
        if (NamespaceId is not null && (!NamespaceId.StartsWith("ns_", StringComparison.Ordinal) || NamespaceId.Any(char.IsControl)))
        {
            errors.Add($"{nameof(NamespaceId)} must be a namespace id starting with 'ns_'.");
        }

        if (TenantId is not null)
        {
            try
            {
                Core.Tenancy.TenantId.Validate(TenantId, nameof(TenantId));
            }
            catch (ArgumentException ex)
            {
                errors.Add(ex.Message);
            }
        }

        return errors;
    }
}
