
using Astro.Triggers.Sdk;
using System.Diagnostics;

namespace Astro.Triggers.Sdk.Samples;

/// <summary>Prints each step with the time since the sample started.</summary>
internal sealed class Steps
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Say(string service, string text) =>
        Console.WriteLine(FormattableString.Invariant($"[{_clock.Elapsed.TotalMilliseconds,7:0} ms] {service,-11} {text}"));

    /// <summary>An environment variable, or null when unset or empty.</summary>
    public static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}

/// <summary>Reports a run's status each time it changes, on the polling thread (so lines stay in order).</summary>
internal sealed class StatusChanges(Action<string> say) : IProgress<RunSnapshot>
{
    private string? _last;

    public void Report(RunSnapshot value)
    {
        var status = value.RawStatus ?? "not yet visible";
        if (status != _last)
        {
            _last = status;
            say("  status: " + status);
        }
    }
}

/// <summary>How the samples wait for runs: short polls, so the offline flow takes about a second.</summary>
internal static class Wait
{
    public static RunWaitOptions Options => new() { PollInterval = TimeSpan.FromMilliseconds(100), MaxPollInterval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromMinutes(30) };
}
