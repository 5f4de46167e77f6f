using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Retry;

namespace Astro.Triggers.Sdk.Tests.Infrastructure;

/// <summary>Real clients (own pipeline: retry, telemetry, auth) against WireMock on loopback, on a fake clock so
/// retry and polling waits run in virtual time.</summary>
public abstract class ClientTestBase : WireMockTestBase
{
    protected const string Secret = "sk-live-SECRET-0123456789";

    protected ObservableClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    protected override DateTimeOffset ServerNow => Clock.GetUtcNow();

    protected CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Points options at the stub, with the test clock, log capture and jitter-free 1 s retries.</summary>
    protected T Configure<T>(T options, Action<T>? configure = null)
        where T : ServiceClientOptions
    {
        options.BaseAddress = BaseAddress;
        options.ApiKey = Secret;
        options.TimeProvider = Clock;
        options.LoggerFactory = Logs;
        options.Retry = new RetryOptions { UseJitter = false, BaseDelay = TimeSpan.FromSeconds(1), AttemptTimeout = TimeSpan.FromMinutes(10) };
        configure?.Invoke(options);
        return options;
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
