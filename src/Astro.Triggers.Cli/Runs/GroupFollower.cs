using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Astro.Triggers.Cli.Commands;
using Astro.Triggers.Cli.Output;
using Astro.Triggers.Sdk;
using Astro.Triggers.Sdk.Core;
using Spectre.Console;

namespace Astro.Triggers.Cli.Runs;

/// <summary>Follows several runs at once through the SDK's <see cref="RunGroup{TRun}"/>, so a cycle costs about one
/// status read per list page (an Agentset namespace, a TrueFoundry application, a Shipyard fleet, a Mixpeek trigger)
/// instead of one per run. On a terminal: a live view (progress bar, a table of counts per status, the rate runs end at,
/// the time left at that rate, the oldest run still going). Redirected: one plain line per change — a line per run as it
/// ends and a progress line per cycle that changed a count. <c>--jsonl</c>: one run document per line as each ends.
/// The caller prints the --json summary from the documents returned (in the order the runs were given).</summary>
internal static class GroupFollower
{
    private const int BarWidth = 30;

    /// <summary>A run to follow and what a user runs to follow it again (its resume token, or its service's wait).</summary>
    public readonly record struct Member(TriggeredRun Run, string FollowAgain);

    /// <summary>Follows every member to its end (or --timeout, or a signal) and returns each one's exit code and run
    /// document, in the order given.</summary>
    public static async Task<IReadOnlyList<(int Code, JsonObject Document)>> FollowAsync(Invocation invocation, IReadOnlyList<Member> members, bool jsonl)
    {
        var output = invocation.Out;
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var hints = new Dictionary<TriggeredRun, string>(ReferenceEqualityComparer.Instance);
        foreach (var member in members)
        {
            hints[member.Run] = member.FollowAgain;
        }

        var group = new RunGroup<TriggeredRun>(members.Select(m => m.Run), new RunWaitOptions
        {
            PollInterval = invocation.PollInterval,
            PollIntervalRatio = invocation.PollIntervalRatio,
            Timeout = invocation.Timeout,
        });
        var results = new Dictionary<TriggeredRun, (int Code, JsonObject Document)>(ReferenceEqualityComparer.Instance);

        var failures = new List<string>();
        // A run still going at --timeout ends with RunWaitTimeoutException after the group read it once more at the deadline.
        void Ended(RunResult<TriggeredRun> result) => Report(result, Outcome(invocation, result, hints[result.Run], started));

        void Report(RunResult<TriggeredRun> result, (int Code, JsonObject Document) outcome)
        {
            results[result.Run] = outcome;
            var line = $"{result.Run.Service} {result.Run.Id}: {RunFollower.Describe(result.Run)}"
                + (outcome.Code == ExitCodes.Succeeded ? string.Empty : $": {outcome.Document["message"]?.GetValue<string>() ?? result.Error?.Message}");
            if (jsonl)
            {
                output.JsonLine(outcome.Document);
            }
            else if (output.Interactive)
            {
                // The live view shows counts only; which runs did not succeed, and why, is printed once it closes.
                if (outcome.Code != ExitCodes.Succeeded)
                {
                    failures.Add(line);
                }
            }
            else
            {
                output.Line($"{RunDocument.Time(result.NoticedAt)} {line}");
            }
        }

        try
        {
            if (output.Interactive && !jsonl)
            {
                var view = new LiveView(group.Progress, clock.Elapsed);
                await output.Console.Live(view.Render()).AutoClear(false).StartAsync(async context =>
                {
                    var progress = new Inline(p =>
                    {
                        view = new LiveView(p, clock.Elapsed);
                        context.UpdateTarget(view.Render());
                    });
                    await foreach (var result in group.WhenEachAsync(progress, invocation.Cancellation).ConfigureAwait(false))
                    {
                        Ended(result);
                        view = new LiveView(group.Progress, clock.Elapsed);
                        context.UpdateTarget(view.Render());
                    }
                }).ConfigureAwait(false);
            }
            else
            {
                // One line per cycle that changed a count (the group reports only changes); never with --jsonl, whose stdout
                // carries only run documents.
                var progress = jsonl ? null : new Inline(p => output.Line($"{RunDocument.Time(p.ObservedAt)} {LiveView.Summary(p, clock.Elapsed)}"));
                await foreach (var result in group.WhenEachAsync(progress, invocation.Cancellation).ConfigureAwait(false))
                {
                    Ended(result);
                }
            }
        }
        catch (OperationCanceledException) when (invocation.Interrupted)
        {
            // The runs go on; each still followed says so, with how to follow it again.
            foreach (var member in members.Where(m => !results.ContainsKey(m.Run)))
            {
                var run = member.Run;
                var message = RunFollower.StoppedWaiting(run, invocation.Offline ? null : member.FollowAgain);
                var document = RunDocument.Create(run, "interrupted", invocation.InterruptExitCode, started, message);
                results[run] = (invocation.InterruptExitCode, document);
                output.Log($"{run.Service} run {run.Id} {message}");
                if (jsonl)
                {
                    output.JsonLine(document);
                }
            }
        }

        foreach (var failure in failures)
        {
            output.Line(failure);
        }

        var final = group.Progress;
        var going = final.Pending + final.Abandoned;
        output.Log($"{members.Count} runs: {final.Succeeded} succeeded, {final.Failed} failed, {final.Cancelled} cancelled, "
            + $"{going} still going{(invocation.Interrupted ? " (interrupted: not cancelled)" : string.Empty)}; {final.StatusReads} status reads in {HumanDuration.Format(clock.Elapsed)}");
        return members.Select(m => Offline(invocation, results[m.Run])).ToList();
    }

    /// <summary>A run's exit code and document from how it ended for the group: succeeded 0; failed or cancelled 1; still
    /// going at --timeout 3 (the run goes on); a status read that failed, as that error's code.</summary>
    private static (int Code, JsonObject Document) Outcome(Invocation invocation, RunResult<TriggeredRun> result, string followAgain, DateTimeOffset started)
    {
        var run = result.Run;
        switch (result.Error)
        {
            case null:
                return (ExitCodes.Succeeded, RunDocument.Create(run, RunDocument.Status(run.Status), ExitCodes.Succeeded, started));
            case RunFailedException:
                return (ExitCodes.RunFailed, RunDocument.Create(run, RunDocument.Status(run.Status), ExitCodes.RunFailed, started));
            case RunWaitTimeoutException:
                var message = RunFollower.StillGoing(run, invocation.Timeout, invocation.Offline ? null : followAgain);
                return (ExitCodes.WaitTimedOut, RunDocument.Create(run, "timed-out", ExitCodes.WaitTimedOut, started, message));
            case var error:
                // One run's failed read (an unknown id, the service down) is that run's outcome; the others are still followed.
                var (code, text, detail) = ErrorReport.Describe(error, run.Service, invocation.Interrupted, invocation.InterruptExitCode);
                invocation.Out.Log($"astro-triggers: {run.Service} run {run.Id}: {text}");
                return (code, RunDocument.Create(run, "error", code, started, text, detail));
        }
    }

    private static (int Code, JsonObject Document) Offline(Invocation invocation, (int Code, JsonObject Document) outcome)
    {
        if (invocation.Offline)
        {
            // The in-process fakes of --offline end with this command: a token would name a run that no longer exists.
            outcome.Document["resumeToken"] = null;
        }

        return outcome;
    }

    /// <summary>What the live view shows at one moment; also the plain progress line.</summary>
    private readonly record struct LiveView(RunGroupProgress Progress, TimeSpan Elapsed)
    {
        public Rows Render()
        {
            var p = Progress;
            var done = p.Total == 0 ? BarWidth : (int)Math.Round(BarWidth * (double)Finished(p) / p.Total);
            var bar = new Markup($"[green]{new string('━', done)}[/][grey]{new string('─', BarWidth - done)}[/] {Finished(p)}/{p.Total} ended");
            var table = new Table().Border(TableBorder.Rounded).AddColumn("status").AddColumn(new TableColumn("runs").RightAligned());
            foreach (var (name, count) in Counts(p))
            {
                table.AddRow(name, count.ToString(CultureInfo.InvariantCulture));
            }

            return new Rows(bar, table, new Text(Tail(p, Elapsed)));
        }

        public static string Summary(RunGroupProgress p, TimeSpan elapsed) =>
            $"{Finished(p)}/{p.Total} ended: " + string.Join(", ", Counts(p).Where(c => c.Count > 0).Select(c => $"{c.Count} {c.Name}")) + "; " + Tail(p, elapsed);

        private static IEnumerable<(string Name, int Count)> Counts(RunGroupProgress p) =>
        [
            ("queued", p.Queued), ("running", p.Running), ("unknown", p.Unknown), ("succeeded", p.Succeeded),
            ("failed", p.Failed), ("cancelled", p.Cancelled), ("still going, no longer followed", p.Abandoned),
        ];

        /// <summary>Runs that reached an end status. The group's <c>Ended</c> also counts runs it stopped following (a
        /// timeout, a failed read); those are still going, and the summary line after the view says so.</summary>
        private static int Finished(RunGroupProgress p) => p.Succeeded + p.Failed + p.Cancelled;

        /// <summary>Rate and time left at that rate (from the runs that ended so far), the oldest run still going, reads.</summary>
        private static string Tail(RunGroupProgress p, TimeSpan elapsed)
        {
            var minutes = Math.Max(elapsed.TotalMinutes, 1.0 / 60);
            var rate = Finished(p) / minutes;
            var left = p.Pending == 0 ? (p.Abandoned == 0 ? "none left" : "none left to follow") : rate > 0 ? $"about {HumanDuration.Format(TimeSpan.FromMinutes(p.Pending / rate))} left" : "time left not known yet";
            var oldest = p.OldestRunning is { } run ? $"; oldest still going: {run.Service} {run.Id} for {HumanDuration.Format(p.OldestRunningFor)}" : string.Empty;
            return $"{rate.ToString("0.#", CultureInfo.InvariantCulture)} ended/min, {left}{oldest}; {p.StatusReads} status reads";
        }
    }

    /// <summary>Reports synchronously on the group's loop, so lines stay in order.</summary>
    private sealed class Inline(Action<RunGroupProgress> report) : IProgress<RunGroupProgress>
    {
        public void Report(RunGroupProgress value) => report(value);
    }
}
