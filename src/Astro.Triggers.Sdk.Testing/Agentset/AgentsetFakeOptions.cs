using Astro.Triggers.Sdk.Testing.Core;

namespace Astro.Triggers.Sdk.Testing.Agentset;

/// <summary>Settings of an <see cref="AgentsetFake"/>.</summary>
public sealed class AgentsetFakeOptions : FakeServiceOptions
{
    /// <summary>The namespace the fake serves (more with <see cref="AgentsetFake.AddNamespace"/>). Default <c>ns_fake</c>.</summary>
    public string NamespaceId { get; set; } = "ns_fake";

    /// <summary>How long a new or re-ingested job stays queued. Default 1 s.</summary>
    public TimeSpan QueuedTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a job pre-processes. Default 500 ms.</summary>
    public TimeSpan PreProcessingTime { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a job processes before it completes (or fails). Default 2 s.</summary>
    public TimeSpan ProcessingTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a deleted job is visible (QUEUED_FOR_DELETE, then DELETING) before it is gone. Default 1 s.</summary>
    public TimeSpan DeletionTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The requests per minute reported in <c>X-RateLimit-Limit</c>. Default 60.</summary>
    public int RateLimit { get; set; } = 60;
}
