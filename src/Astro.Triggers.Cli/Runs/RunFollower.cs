using System.Text.Json.Nodes;
using Astro.Triggers.Cli.Commands;
using Astro.Triggers.Cli.Output;
using Astro.Triggers.Sdk;
using Spectre.Console;

namespace Astro.Triggers.Cli.Runs;

/// <summary>Reports a started run, and with --wait follows it to the end: a live Spectre status line on a terminal,
/// one plain line per status change otherwise (CI logs), then one summary line or the --json document. The exit code
/// says how it ended: 0 succeeded, 1 failed or cancelled, 3 still running at --timeout, 130/143 interrupted. Neither a
/// timeout nor a signal touches the run: the message says it goes on and how to follow it again.</summary>
internal static class RunFollower
{
    /// <summary>Follows one run and prints its document. <paramref name="justStarted"/>: the command started the run
    /// (start, re-ingest, execute), so its resume token is printed first, before any waiting, so that a wait cut short by a
    /// signal or a dropped CI step can be resumed from the log.</summary>
    public static async Task<int> ReportAsync(Invocation invocation, TriggeredRun run, bool wait, string resumeHint, bool justStarted = false)
    {
        var (code, document) = await FollowAsync(invocation, run, wait, resumeHint, live: invocation.Out.Interactive, justStarted).ConfigureAwait(false);
        if (invocation.Out.Json)
        {
            invocation.Out.Document(document);
        }

        return code;
    }

    /// <summary>Follows one run (several may be followed at once, each with <paramref name="live"/> false) and returns
    /// its exit code and document without printing the document.</summary>
    public static async Task<(int Code, JsonObject Document)> FollowAsync(Invocation invocation, TriggeredRun run, bool wait, string resumeHint, bool live, bool justStarted = false)
    {
        var (code, document) = await FollowCoreAsync(invocation, run, wait, FollowAgain(invocation, run, resumeHint), live, justStarted || !wait).ConfigureAwait(false);
        if (invocation.Offline)
        {
            // The in-process fakes of --offline end with this command: a token would name a run that no longer exists.
            document["resumeToken"] = null;
        }

        return (code, document);
    }

    /// <summary>What a user runs to follow the run again: its resume token where it has one (any service, any SDK, no
    /// ids to remember), else <paramref name="fallback"/>; null with --offline, whose fakes end with this command.</summary>
    internal static string? FollowAgain(Invocation invocation, TriggeredRun run, string fallback) =>
        invocation.Offline ? null : run.ResumeToken is { } token ? $"astro-triggers wait --token {token}" : fallback;

    /// <summary>Said instead of a way to follow the run again when it ran on --offline's in-process fake.</summary>
    /// <summary>Why a wait ended at --timeout with the run still going, and how to follow it again
    /// (<paramref name="followAgain"/> null: it ran on --offline's fake, so there is nothing to follow).</summary>
    internal static string StillGoing(TriggeredRun run, TimeSpan timeout, string? followAgain) => followAgain is null
        ? $"still {Describe(run)} after {Format(timeout)}: {OfflineGone}"
        : $"still {Describe(run)} after {Format(timeout)}: the run goes on; follow it again with `{followAgain}`";

    /// <summary>Why a wait ended on a signal with the run still going (it was not cancelled), and how to follow it again.</summary>
    internal static string StoppedWaiting(TriggeredRun run, string? followAgain) => followAgain is null
        ? $"stopped waiting (interrupted) while {Describe(run)}: {OfflineGone}"
        : $"stopped waiting (interrupted) while {Describe(run)}: the run was NOT cancelled and goes on; follow it again with `{followAgain}`";

    internal const string OfflineGone = "it ran on an --offline in-process fake, which stops with this command, so there is nothing to follow later";

    private static async Task<(int Code, JsonObject Document)> FollowCoreAsync(Invocation invocation, TriggeredRun run, bool wait, string? followAgain, bool live, bool announce)
    {
        var output = invocation.Out;
        if (announce)
        {
            if (!wait)
            {
                output.Line($"{run.Service} run {run.Id} started: {Describe(run)}");
            }

            if (invocation.Offline)
            {
                output.Line($"resume token: none (--offline: {OfflineGone})");
            }
            else if (run.ResumeToken is { } token)
            {
                output.Line($"resume token: {token} (follow it anywhere: astro-triggers wait --token {token})");
            }
        }

        if (!wait)
        {
            return (ExitCodes.Succeeded, RunDocument.Create(run, "started", ExitCodes.Succeeded, null));
        }

        var started = DateTimeOffset.UtcNow;
        var options = new RunWaitOptions
        {
            // The SDK's schedule (a tenth of the time waited, at most a minute apart) from the first interval given.
            PollInterval = invocation.PollInterval,
            PollIntervalRatio = invocation.PollIntervalRatio,
            Timeout = invocation.Timeout,
            // The outcome is read from the run and mapped to an exit code here.
            ThrowOnFailure = false,
        };

        try
        {
            try
            {
                if (live)
                {
                    await output.Console.Status().Spinner(Spinner.Known.Dots).StartAsync(
                        Markup.Escape(output.Mask(HasBeenRead(run) ? $"{run.Service} {run.Id}: {Describe(run)}" : $"{run.Service} {run.Id}: reading its status…")),
                        async context => await run.WaitForCompletionAsync(
                            options,
                            new Changes(run, snapshot => context.Status = Markup.Escape(output.Mask($"{run.Service} {run.Id}: {Describe(run)}"))),
                            invocation.Cancellation).ConfigureAwait(false)).ConfigureAwait(false);
                }
                else
                {
                    // A run tracked by id or token has not been read yet (its placeholder says "unknown"): only what was read
                    // is printed, so its first line comes from the first read.
                    if (HasBeenRead(run))
                    {
                        output.Line(Line(run));
                    }

                    await run.WaitForCompletionAsync(options, new Changes(run, _ => output.Line(Line(run))), invocation.Cancellation).ConfigureAwait(false);
                }
            }
            catch (RunWaitTimeoutException)
            {
                // The SDK kept --timeout to the letter: it read the run once more at the deadline and it was still going, or the
                // service's rate limit left no room for that read before the deadline (nothing sent; no sleep passes it).
                var message = StillGoing(run, invocation.Timeout, followAgain);
                return Finish(invocation, run, "timed-out", ExitCodes.WaitTimedOut, started, $"{run.Service} run {run.Id} {message}", message);
            }
        }
        catch (OperationCanceledException) when (invocation.Interrupted)
        {
            var message = StoppedWaiting(run, followAgain);
            return Finish(invocation, run, "interrupted", invocation.InterruptExitCode, started, $"{run.Service} run {run.Id} {message}", message);
        }

        var code = run.Status == RunStatus.Succeeded ? ExitCodes.Succeeded : ExitCodes.RunFailed;
        var summary = $"{run.Service} run {run.Id} {RunDocument.Status(run.Status)} ({run.RawStatus ?? "-"})"
            + (run.ErrorMessage is { Length: > 0 } error ? $": {error}" : string.Empty);
        return Finish(invocation, run, RunDocument.Status(run.Status), code, started, summary, null);
    }

    /// <summary>"running (PROCESSING)": the common status, then the service's own.</summary>
    public static string Describe(TriggeredRun run) =>
        $"{RunDocument.Status(run.Status)} ({run.RawStatus ?? "not yet visible"})";

    private static (int, JsonObject) Finish(Invocation invocation, TriggeredRun run, string outcome, int code, DateTimeOffset started, string line, string? message)
    {
        if (code == ExitCodes.Succeeded)
        {
            invocation.Out.Line(line);
        }
        else
        {
            invocation.Out.Log(line);
        }

        return (code, RunDocument.Create(run, outcome, code, started, message));
    }

    /// <summary>Whether the run's status was read from the service (a start's answer, or a poll) rather than being the
    /// placeholder of a handle tracked by id or token, which knows nothing until its first read.</summary>
    private static bool HasBeenRead(TriggeredRun run) => run.RawStatus is not null || run.Status != RunStatus.Unknown;

    private static string Line(TriggeredRun run) =>
        $"{RunDocument.Time(run.Current.ObservedAt)} {run.Service} {run.Id}: {Describe(run)}";

    private static string Format(TimeSpan span) => Astro.Triggers.Sdk.Core.HumanDuration.Format(span);

    /// <summary>Reports only changes of the service's status, synchronously on the polling loop (lines stay in order;
    /// <see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class Changes(TriggeredRun run, Action<RunSnapshot> changed) : IProgress<RunSnapshot>
    {
        // A handle not read yet has no status to compare with: its first read is always reported.
        private (RunStatus, string?)? _last = HasBeenRead(run) ? (run.Status, run.RawStatus) : null;

        public void Report(RunSnapshot value)
        {
            if (_last != (value.Status, value.RawStatus))
            {
                _last = (value.Status, value.RawStatus);
                changed(value);
            }
        }
    }
}
