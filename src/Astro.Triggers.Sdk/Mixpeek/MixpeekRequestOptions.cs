using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>Per-call settings of a Mixpeek call. Mixpeek scopes calls by namespace (<c>X-Namespace</c>).</summary>
public sealed class MixpeekRequestOptions : RequestOptions
{
    /// <summary>The namespace of this call (<c>X-Namespace</c>), instead of the client's.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="MixpeekClientOptions.Namespace"/>.</value>
    public string? Namespace { get; set; }
}
