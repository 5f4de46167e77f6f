using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Retry;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Astro.Triggers.Sdk.Tests.Agentset;

/// <summary>A real AgentsetClient (own pipeline: retry, telemetry, auth) against WireMock on loopback,
/// on a fake clock so retry waits run in virtual time.</summary>
public abstract class AgentsetClientTestBase : WireMockTestBase
{
    protected const string Secret = "sk-live-SECRET-0123456789";

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    protected CapturingLoggerProvider Logs { get; } = new();

    protected AgentsetClient CreateClient(Action<AgentsetClientOptions>? configure = null)
    {
        var options = new AgentsetClientOptions
        {
            BaseAddress = BaseAddress,
            ApiKey = Secret,
            NamespaceId = "ns_123",
            TimeProvider = Clock,
            LoggerFactory = Logs,
            Retry = new RetryOptions { UseJitter = false, BaseDelay = TimeSpan.FromSeconds(1), AttemptTimeout = TimeSpan.FromMinutes(10) },
        };
        configure?.Invoke(options);
        return new AgentsetClient(options);
    }

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

    protected static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        condition().Should().BeTrue();
    }

    /// <summary>Drives the fake clock in small steps until the task ends; returns the virtual time that passed.</summary>
    protected async Task<TimeSpan> RunAsync(Task task, TimeSpan? step = null)
    {
        var start = Clock.GetUtcNow();
        for (var i = 0; i < 10_000 && !task.IsCompleted; i++)
        {
            await Task.Delay(2);
            if (!task.IsCompleted)
            {
                Clock.Advance(step ?? TimeSpan.FromMilliseconds(100));
            }
        }

        await task.WaitAsync(TimeSpan.FromSeconds(30));
        return Clock.GetUtcNow() - start;
    }
}
