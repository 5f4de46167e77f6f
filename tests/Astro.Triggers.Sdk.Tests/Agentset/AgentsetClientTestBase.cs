using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Tests.Infrastructure;

namespace Astro.Triggers.Sdk.Tests.Agentset;

/// <summary>A real AgentsetClient against WireMock on loopback, in virtual time.</summary>
public abstract class AgentsetClientTestBase : ClientTestBase
{
    protected AgentsetClient CreateClient(Action<AgentsetClientOptions>? configure = null) =>
        new(Configure(new AgentsetClientOptions { NamespaceId = "ns_123" }, configure));

    /// <summary>Asserts the client waits exactly <paramref name="expected"/> of virtual time between the first and the
    /// second request: a timer of exactly that length must be started (no real-time guessing), and the second
    /// request comes once it has run out.</summary>
    protected async Task AssertRetriedAfterAsync(Task task, TimeSpan expected)
    {
        await WaitUntilAsync(() => Server.LogEntries.Count == 1);
        await Clock.AdvanceWhenWaitingAsync(expected);
        await task.WaitAsync(TimeSpan.FromSeconds(30));
        Server.LogEntries.Should().HaveCount(2);
    }
}
