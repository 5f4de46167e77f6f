using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Tests.Infrastructure;

namespace Astro.Triggers.Sdk.Tests.Agentset;

/// <summary>A real AgentsetClient against WireMock on loopback, in virtual time.</summary>
public abstract class AgentsetClientTestBase : ClientTestBase
{
    protected AgentsetClient CreateClient(Action<AgentsetClientOptions>? configure = null) =>
        new(Configure(new AgentsetClientOptions { NamespaceId = "ns_123" }, configure));

    /// <summary>Asserts the client waits exactly <paramref name="expected"/> (±100 ms of virtual time) between
    /// the first and the second request: still one request just before, two just after.</summary>
    protected async Task AssertRetriedAfterAsync(Task task, TimeSpan expected)
    {
        await WaitUntilAsync(() => Server.LogEntries.Count == 1);
        await Task.Delay(400); // let the retry layer read the response and start its timer
        Clock.Advance(expected - TimeSpan.FromMilliseconds(100));
        await Task.Delay(400);
        Server.LogEntries.Should().HaveCount(1, $"the retry must not be sent before {expected}");
        Clock.Advance(TimeSpan.FromMilliseconds(200));
        await task.WaitAsync(TimeSpan.FromSeconds(30));
        Server.LogEntries.Should().HaveCount(2);
    }
}
