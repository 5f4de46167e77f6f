using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Agentset;

/// <summary>Per-call settings of an Agentset call.</summary>
public sealed class AgentsetRequestOptions : RequestOptions
{
    /// <summary>The namespace of this call, instead of the client's.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="AgentsetClientOptions.NamespaceId"/>.</value>
    public string? NamespaceId { get; set; }

    /// <summary>The tenant of this call (<c>x-tenant-id</c>, <c>^[A-Za-z0-9]{1,64}$</c>), instead of the client's.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="AgentsetClientOptions.TenantId"/>, if any.</value>
    public string? TenantId { get; set; }
}
