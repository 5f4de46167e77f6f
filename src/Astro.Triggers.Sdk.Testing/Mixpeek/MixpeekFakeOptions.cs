using Astro.Triggers.Sdk.Testing.Core;

namespace Astro.Triggers.Sdk.Testing.Mixpeek;

/// <summary>Settings of a <see cref="MixpeekFake"/>.</summary>
public sealed class MixpeekFakeOptions : FakeServiceOptions
{
    /// <summary>The namespace id the fake serves. Default <c>ns_fake</c>.</summary>
    public string NamespaceId { get; set; } = "ns_fake";

    /// <summary>The same namespace's name, also accepted in <c>X-Namespace</c>. Default <c>fake-namespace</c>.</summary>
    public string NamespaceName { get; set; } = "fake-namespace";

    /// <summary>How long an execution's task is PENDING, then PROCESSING, before COMPLETED (or FAILED). Default 500 ms each.</summary>
    public TimeSpan TaskStepTime { get; set; } = TimeSpan.FromMilliseconds(500);
}
