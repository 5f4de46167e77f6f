using System.Collections.Concurrent;
using System.Diagnostics;
using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Tests.Infrastructure;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>Runs a call against a scripted server on the virtual clock and collects everything a secret could leak
/// into: log lines at every level, exception text, Activity tags.</summary>
public abstract class FaultMatrixTestBase : ClientTestBase
{
    private static readonly ConcurrentBag<string> ActivityTags = [];

    private static readonly ActivityListener Listener = StartListener();

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
    protected async Task<Exception?> RunCallAsync(Func<Task> call)
    {
        Exception? error = null;
        try
        {
            await RunAsync(Task.Run(call), TimeSpan.FromMilliseconds(250));
        }
        catch (Exception ex)
        {
            error = ex;
        }

        error?.ToString().Should().NotContain(Secret);
        Logs.Lines.Should().NotContain(line => line.Contains(Secret, StringComparison.Ordinal));
        ActivityTags.Should().NotContain(tag => tag.Contains(Secret, StringComparison.Ordinal));
        Listener.Should().NotBeNull();
        return error;
    }

    private static ActivityListener StartListener()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Astro.Triggers.Sdk",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                foreach (var tag in activity.TagObjects)
                {
                    ActivityTags.Add($"{tag.Key}={tag.Value}");
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
