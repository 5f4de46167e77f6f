using System.Collections.Concurrent;
using System.Diagnostics;
using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Tests.Infrastructure;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>Runs a call against a scripted server on the virtual clock and collects everything a secret could leak
/// into: log lines at every level, exception text, Activity tags.</summary>
public abstract class FaultMatrixTestBase : ClientTestBase
{
    // The tags of the activities started by this test's call only: the listener is process-wide, so a
    // process-wide bag would also fill up with every other test's activities (the load test's 20,000 calls).
    private static readonly AsyncLocal<ConcurrentBag<string>?> CurrentTags = new();

    private static readonly ActivityListener Listener = StartListener();

    private readonly ConcurrentBag<string> _activityTags = [];

    protected FaultMatrixTestBase()
    {
        // Registered before the first call of the first test, not lazily at the first assertion.
        GC.KeepAlive(Listener);
    }

    protected Func<ServiceClientOptions, ServiceClientOptions> Options(Uri baseAddress, Action<ServiceClientOptions>? tweak = null) =>
        options =>
        {
            Configure(options, o =>
            {
                o.BaseAddress = baseAddress;
                o.Retry.AttemptTimeout = TimeSpan.FromSeconds(20);
                o.Timeout = TimeSpan.FromSeconds(60);
                o.MaxResponseBytes = 4 * 1024 * 1024;
                tweak?.Invoke(o);
            });
            return options;
        };

    /// <summary>Runs the call to its end on the virtual clock; returns its exception (null on success) after
    /// checking that the secret appears nowhere.</summary>
    protected async Task<Exception?> RunCallAsync(Func<Task> call, TimeSpan? step = null)
    {
        Exception? error = null;
        CurrentTags.Value = _activityTags;
        try
        {
            await RunAsync(Task.Run(call), step ?? TimeSpan.FromMilliseconds(250));
        }
        catch (Exception ex)
        {
            error = ex;
        }

        error?.ToString().Should().NotContain(Secret);
        Logs.Lines.Should().NotContain(line => line.Contains(Secret, StringComparison.Ordinal));
        _activityTags.Should().NotBeEmpty("every attempt starts an activity").And
            .NotContain(tag => tag.Contains(Secret, StringComparison.Ordinal));
        return error;
    }

    private static ActivityListener StartListener()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Astro.Triggers.Sdk",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) =>
                CurrentTags.Value is null ? ActivitySamplingResult.None : ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                foreach (var tag in activity.TagObjects)
                {
                    CurrentTags.Value?.Add($"{tag.Key}={tag.Value}");
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
