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

    /// <summary>Whether timestamps are answered naive (<c>2026-11-20T08:00:00.000000</c>, no offset), as FastAPI can send
    /// them, instead of as the document's <c>date-time</c> (<c>2026-11-20T08:00:00.000000Z</c>): for testing that a
    /// client tolerates the naive form.</summary>
    /// <value>The default value is <see langword="false"/>: the fake answers as Mixpeek's document says.</value>
    public bool NaiveTimestamps { get; set; }
}
