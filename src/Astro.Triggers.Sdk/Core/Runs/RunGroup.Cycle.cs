using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk;

// The cycle: read every due run (through its scope's list where there is one, on its own otherwise), then end or
// reschedule every run a read showed.
public partial class RunGroup<TRun>
{
    // Runs due within this of the cycle's start are read in it (a timer never fires early, but clocks tick).
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(1);

    private async Task<int> CycleAsync(CancellationToken cancellationToken)
    {
        var now = Now();
        var due = new List<Entry>();
        var followed = new Dictionary<(RunListReader Reader, object Scope), List<Entry>>();
        lock (_gate)
        {
            foreach (var entry in _entries)
            {
                if (entry.Result is not null)
                {
                    continue;
                }

                if (entry.Due <= now + Tolerance)
                {
                    due.Add(entry);
                }

                if (entry.Scope is { } scope)
                {
                    if (!followed.TryGetValue(scope, out var list))
                    {
                        followed[scope] = list = [];
                    }

                    list.Add(entry);
                }
            }
        }

        var requests = 0;
        TimeSpan? serverWait = null;
        var observed = new HashSet<Entry>();
        var throttled = new HashSet<Entry>();
        var errors = new Dictionary<Entry, Exception>();
        var singles = new List<Entry>();
        foreach (var scoped in due.GroupBy(e => e.Scope))
        {
            if (scoped.Key is not { } scope)
            {
                singles.AddRange(scoped);
                continue;
            }

            var dueRuns = scoped.Select(e => (TriggeredRun)e.Run).ToArray();
            try
            {
                RunListRead read;
                // The list read counts for every run of the scope still followed: none of its sleeps may end past the
                // earliest of their deadlines (a single wait's rule, WaitDelayLimit).
                using (WaitDelayLimit.Enter(DelayLimit(followed[scope])))
                {
                    read = await scope.Reader.ReadAsync(dueRuns, followed[scope].Select(e => (TriggeredRun)e.Run).ToArray(), cancellationToken).ConfigureAwait(false);
                }

                requests += read.Requests;
                observed.UnionWith(followed[scope].Where(e => read.Shown.Contains(e.Run)));
                singles.AddRange(scoped.Where(e => !read.Shown.Contains(e.Run)));
            }
            catch (ServiceRequestException ex) when (ex.Status is 429 or 503)
            {
                // The list was throttled after the client's own retries: back off, as a single wait does.
                requests++;
                serverWait = Max(serverWait, ex.RetryAfter);
                throttled.UnionWith(scoped);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A list that cannot be read this cycle: each due run is read on its own, as a single wait would.
                requests++;
                singles.AddRange(scoped);
            }
        }

        foreach (var entry in singles)
        {
            try
            {
                using (WaitDelayLimit.Enter(DelayLimit([entry])))
                {
                    await entry.Run.UpdateStatusAsync(cancellationToken).ConfigureAwait(false);
                }

                requests++;
                observed.Add(entry);
            }
            catch (ServiceRequestException ex) when (ex.Status is 429 or 503)
            {
                requests++;
                serverWait = Max(serverWait, ex.RetryAfter);
                throttled.Add(entry);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // What a single wait would have thrown ends this run only.
                requests++;
                errors[entry] = ex;
            }
        }

        Interlocked.Add(ref _reads, requests);
        now = Now();
        lock (_gate)
        {
            foreach (var (entry, error) in errors)
            {
                entry.Reads++;
                End(entry, error);
            }

            foreach (var entry in observed)
            {
                entry.Reads++;
                Reschedule(entry, now, entry.Run.IsCompleted, null);
            }

            foreach (var entry in throttled)
            {
                Reschedule(entry, now, completed: false, serverWait);
            }
        }

        return requests;
    }

    private void Reschedule(Entry entry, TimeSpan now, bool completed, TimeSpan? serverWait)
    {
        if (entry.Result is not null)
        {
            return;
        }

        if (completed)
        {
            End(entry, Failure(entry.Run));
            return;
        }

        // The run's own schedule, as a single wait keeps it; a longer Retry-After is waited instead, once; both cut to its deadline.
        var followed = now - entry.Added;
        var step = _options.NextPoll(entry.Interval, followed, serverWait, Remaining(followed));
        entry.Interval = step.Interval;
        if (entry.DeadlineRead || step.Sleep is not { } sleep)
        {
            // The read at the deadline did not see it end: stop following it (the run goes on).
            End(entry, new RunWaitTimeoutException(entry.Run, _options.Timeout, entry.Reads));
            return;
        }

        entry.DeadlineRead = step.AtDeadline;
        entry.Due = now + sleep;
    }

    // The delay limit of a read serving these runs: the earliest of their deadlines, on the group's clock; null without a
    // timeout. Called with at least one run, after the clock was set (Add).
    private WaitDelayLimit? DelayLimit(IEnumerable<Entry> served) =>
        _options.Timeout == Timeout.InfiniteTimeSpan ? null : new WaitDelayLimit(_clock!, _origin, served.Min(e => e.Added) + _options.Timeout);

    // The time left of a run's wait after it was followed this long; null for a wait without timeout.
    private TimeSpan? Remaining(TimeSpan followed) =>
        _options.Timeout == Timeout.InfiniteTimeSpan ? null : _options.Timeout - followed;

    private void End(Entry entry, Exception? error)
    {
        entry.Result = new RunResult<TRun>(entry.Run, error, Clock.GetUtcNow());
        entry.EndOrder = ++_endSequence;
    }

    private static RunFailedException? Failure(TriggeredRun run) => run.Status switch
    {
        RunStatus.Succeeded => null,
        RunStatus.Cancelled => new RunCancelledException(run),
        _ => new RunFailedException(run),
    };

    private async Task SleepAsync(TimeSpan wait, Task wake, CancellationToken cancellationToken)
    {
        using var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(wait, Clock, sleep.Token);
        await Task.WhenAny(delay, wake).ConfigureAwait(false);
        await sleep.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    // Called under the gate: tells the progress when a count or the oldest run changed since the last report.
    private RunGroupProgress? Report(IProgress<RunGroupProgress>? progress, RunGroupProgress? last)
    {
        if (progress is null)
        {
            return null;
        }

        var now = Snapshot();
        if (last is not null && Same(last, now))
        {
            return last;
        }

        progress.Report(now);
        return now;
    }

    private static bool Same(RunGroupProgress a, RunGroupProgress b) =>
        a.Queued == b.Queued && a.Running == b.Running && a.Unknown == b.Unknown && a.Succeeded == b.Succeeded && a.Failed == b.Failed
        && a.Cancelled == b.Cancelled && a.Abandoned == b.Abandoned && ReferenceEquals(a.OldestRunning, b.OldestRunning);

    // Called under the gate.
    private RunGroupProgress Snapshot()
    {
        int queued = 0, running = 0, unknown = 0, succeeded = 0, failed = 0, cancelled = 0, abandoned = 0;
        Entry? oldest = null;
        foreach (var entry in _entries)
        {
            if (entry.Result is { } result)
            {
                _ = result.Error switch
                {
                    null => succeeded++,
                    RunCancelledException => cancelled++,
                    RunFailedException => failed++,
                    _ => abandoned++,
                };
                continue;
            }

            oldest ??= entry;
            _ = entry.Run.Status switch
            {
                RunStatus.Queued => queued++,
                RunStatus.Unknown => unknown++,
                _ => running++,
            };
        }

        var now = _clock is null ? TimeSpan.Zero : Now();
        return new RunGroupProgress(
            queued, running, unknown, succeeded, failed, cancelled, abandoned, oldest?.Run, oldest is null ? TimeSpan.Zero : now - oldest.Added,
            Interlocked.Read(ref _reads), Clock.GetUtcNow());
    }

    private TimeProvider Clock => _clock ?? _timeProvider ?? TimeProvider.System;

    private TimeSpan Now() => _clock is null ? TimeSpan.Zero : _clock.GetElapsedTime(_origin);

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>One run and its schedule. Fields other than <see cref="Run"/>, <see cref="Added"/> and <see cref="Scope"/>
    /// change under the group's gate only.</summary>
    private sealed class Entry(TRun run, TimeSpan added)
    {
        public TRun Run { get; } = run;

        public TimeSpan Added { get; } = added;

        public (RunListReader Reader, object Scope)? Scope { get; init; }

        public TimeSpan Due { get; set; }

        public TimeSpan? Interval { get; set; }

        /// <summary>The read at <see cref="Due"/> is the one at the run's deadline: its last.</summary>
        public bool DeadlineRead { get; set; }

        public int Reads { get; set; }

        public RunResult<TRun>? Result { get; set; }

        public long EndOrder { get; set; }
    }
}
