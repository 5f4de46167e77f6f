
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

    /// <summary>A service's base URL from its <c>&lt;SERVICE&gt;_BASE_URL</c> variable (what <c>astro-triggers fakes
    /// --env-file</c> writes, or a proxy / regional endpoint), else <paramref name="fallback"/>, the service's public
    /// address. Every sample reads its base URL through this, so one set of variables points them all at the fakes.</summary>
    /// <exception cref="MissingSettingException">The variable is set but not an absolute http(s) URL; or it is unset and
    /// there is no fallback.</exception>
    public static Uri BaseUrl(string variable, Uri? fallback, string? why = null) => Env(variable) switch
    {
        null => fallback ?? throw new MissingSettingException($"Set {variable}{why}."),
        var url when Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" => uri,
        var url => throw new MissingSettingException($"{variable}: '{url}' is not an absolute http(s) URL."),
    };

    /// <summary>A required variable, or <see cref="MissingSettingException"/> saying which to set.</summary>
    public static string Need(string variable, string why) => Env(variable) ?? throw new MissingSettingException($"Set {variable}{why}.");
}

/// <summary>A service variable is missing or malformed: said before anything is sent (exit 2).</summary>
internal sealed class MissingSettingException(string message) : Exception(message);

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
