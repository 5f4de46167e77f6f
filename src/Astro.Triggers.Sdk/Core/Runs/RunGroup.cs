using System.Runtime.CompilerServices;
using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk;

/// <summary>Many runs followed together: wait for all (<see cref="WaitForAllAsync"/>), each as it ends
/// (<see cref="WhenEachAsync"/>), counts per status (<see cref="Progress"/>), stop them all (<see cref="CancelAllAsync"/>).
/// Statuses are read through the services' list operations where one exists — an Agentset namespace's job list, a
/// TrueFoundry application's runs, a Shipyard fleet's runs CSV, a Mixpeek trigger's execution history — so a cycle costs
/// about one request per page instead of one per run; a run no list shows (tracked without its scope, a handle a test
/// built, Astropod) is read on its own. Each run keeps the single-run poll schedule of <see cref="RunWaitOptions"/>
/// (first read one poll interval after it joined, then a tenth of the time followed so far, at most a minute apart), so
/// it is noticed within 10% of its length, and its timeout to the letter (no read is scheduled past it; a run still going
/// is read once more at its deadline, in that cycle's usual list and single reads, and given up only if that read does not
/// see it end); a cycle starts when the earliest run is due, and every run a list read shows counts as read. The group's
/// requests are the clients' own calls: retries, rate-limit pacing and telemetry apply, except that no sleep inside a read
/// (a retry's delay, the rate-limit pacer's wait) ends past the earliest deadline of the runs that read serves: a retry
/// that would is not made (the throttled runs back off, cut to their deadlines), and when the service's rate limit leaves
/// no room before a run's deadline, its read at the deadline is not sent and the run ends with
/// <see cref="RunWaitTimeoutException"/> at its deadline.
/// Runs of different services (or clients) may share a group — use <c>RunGroup&lt;TriggeredRun&gt;</c> — and are read per
/// service, client and scope.</summary>
/// <typeparam name="TRun">The run handle type, e.g. <c>IngestJobRun</c>, or <see cref="TriggeredRun"/> for a mixed group.</typeparam>
/// <remarks>A run that fails does not fail the group: each run ends with a <see cref="RunResult{TRun}"/> whose
/// <see cref="RunResult{TRun}.Error"/> is what a single wait would have thrown (<see cref="RunWaitOptions.ThrowOnFailure"/> is not
/// used). One wait at a time: a second concurrent <see cref="WaitForAllAsync"/> or <see cref="WhenEachAsync"/> throws
/// <see cref="InvalidOperationException"/>. Runs may be added while a wait goes on; they join its next cycle.</remarks>
public partial class RunGroup<TRun>
    where TRun : TriggeredRun
{
    private readonly object _gate = new();
    private readonly List<Entry> _entries = [];
    private readonly HashSet<TriggeredRun> _members = new(ReferenceEqualityComparer.Instance);
    private readonly RunWaitOptions _options;
    private readonly TimeProvider? _timeProvider;
    private TimeProvider? _clock;
    private long _origin;
    private long _reads;
    private long _endSequence;
    private int _waiting;
    private TaskCompletionSource _wake = NewSignal();

    /// <summary>Creates a group.</summary>
    /// <param name="runs">The runs to follow; null or empty to <see cref="Add"/> them later.</param>
    /// <param name="options">Each run's poll schedule and timeout (copied); null for the defaults of <see cref="RunWaitOptions"/>:
    /// first read after 1 s, then a tenth of the time followed so far, at most 60 s apart, timeout 1 hour per run.</param>
    /// <param name="timeProvider">The group's clock; null for the first run's (its client's <c>TimeProvider</c>), or the system clock.</param>
    /// <exception cref="ArgumentException">A run is null or given twice, or an option is out of its range.</exception>
    public RunGroup(IEnumerable<TRun>? runs = null, RunWaitOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new RunWaitOptions();
        options.Validate();
        _options = new RunWaitOptions
        {
            PollInterval = options.PollInterval,
            MaxPollInterval = options.MaxPollInterval,
            PollIntervalRatio = options.PollIntervalRatio,
            BackoffFactor = options.BackoffFactor,
            Timeout = options.Timeout,
        };
        _timeProvider = timeProvider;
        foreach (var run in runs ?? [])
        {
            Add(run);
        }
    }

    /// <summary>How many runs the group holds (ended ones included).</summary>
    public virtual int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The runs, in the order they were added.</summary>
    public virtual IReadOnlyList<TRun> Runs
    {
        get
        {
            lock (_gate)
            {
                return _entries.Select(e => e.Run).ToArray();
            }
        }
    }

    /// <summary>Where the group stands now: counts per status, the oldest run still followed, the status reads so far.
    /// Computed on each get (one pass over the runs).</summary>
    public virtual RunGroupProgress Progress
    {
        get
        {
            lock (_gate)
            {
                return Snapshot();
            }
        }
    }

    /// <summary>Adds a run to follow. A run already completed ends at once (its result comes first in the next
    /// <see cref="WhenEachAsync"/>); otherwise its first status read is due one poll interval from now (at the timeout when
    /// that is shorter). Safe while a wait goes on: the run joins its next cycle.</summary>
    /// <param name="run">The run.</param>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="run"/> is already in the group.</exception>
    public virtual void Add(TRun run)
    {
        Guard.NotNull(run);
        lock (_gate)
        {
            if (!_members.Add(run))
            {
                throw new ArgumentException($"'{nameof(run)}': {run.Service} run '{run.Id}' is already in the group.", nameof(run));
            }

            if (_clock is null)
            {
                _clock = _timeProvider ?? run.Clock;
                _origin = _clock.GetTimestamp();
            }

            var now = Now();
            var reader = run.ListReader;
            var scope = reader?.ScopeOf(run);
            // The first read is a poll interval away, or at the deadline when the timeout is shorter (then it is the last).
            var first = _options.NextPoll(null, TimeSpan.Zero, null, Remaining(TimeSpan.Zero));
            var entry = new Entry(run, now)
            {
                Due = now + first.Sleep!.Value,
                DeadlineRead = first.AtDeadline,
                Scope = scope is null ? null : (reader!, scope),
            };
            _entries.Add(entry);
            if (run.IsCompleted)
            {
                End(entry, Failure(run));
            }

            _wake.TrySetResult();
        }
    }

    /// <summary>Follows every run until each has ended (or the group stopped following it), then returns their results in
    /// the order the runs were added. Failed and cancelled runs do not throw: see <see cref="RunResult{TRun}.Error"/>.</summary>
    /// <param name="progress">Told where the group stands after each cycle that changed a count or the oldest run
    /// (synchronously, on the waiting loop); null for none.</param>
    /// <param name="cancellationToken">Stops waiting with <see cref="OperationCanceledException"/> (the runs go on; results
    /// seen so far stay in the group, and a later wait goes on from there).</param>
    /// <returns>One result per run, in the order the runs were added.</returns>
    /// <exception cref="InvalidOperationException">Another wait of this group is going on.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual async Task<IReadOnlyList<RunResult<TRun>>> WaitForAllAsync(
        IProgress<RunGroupProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await foreach (var _ in WhenEachAsync(progress, cancellationToken).ConfigureAwait(false))
        {
        }

        lock (_gate)
        {
            return _entries.Select(e => e.Result!).ToArray();
        }
    }

    /// <summary>Each run's result as the group sees it end, in the order they end (like <c>Task.WhenEach</c>): runs that
    /// had already ended come first, then each cycle's in the order it noticed them. The next cycle starts when the
    /// consumer asks for the next result, so a slow consumer delays noticing. Ends when every run has ended.</summary>
    /// <param name="progress">Told where the group stands after each cycle that changed a count or the oldest run; null for none.</param>
    /// <param name="cancellationToken">Stops the enumeration with <see cref="OperationCanceledException"/> (the runs go on).</param>
    /// <returns>The results, as the runs end.</returns>
    /// <exception cref="InvalidOperationException">Another wait of this group is going on.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual async IAsyncEnumerable<RunResult<TRun>> WhenEachAsync(
        IProgress<RunGroupProgress>? progress = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _waiting, 1) == 1)
        {
            throw new InvalidOperationException("This group is already being waited on; one WaitForAllAsync or WhenEachAsync at a time.");
        }

        try
        {
            var yielded = 0L;
            var requests = 0;
            RunGroupProgress? reported = null;
            while (true)
            {
                RunResult<TRun>[] ended;
                bool pending;
                TimeSpan nextDue;
                Task wake;
                lock (_gate)
                {
                    // A run someone else read to its end (CancelAsync's read, the caller's UpdateStatusAsync) ends without a read.
                    foreach (var entry in _entries)
                    {
                        if (entry.Result is null && entry.Run.IsCompleted)
                        {
                            End(entry, Failure(entry.Run));
                        }
                    }

                    ended = _entries.Where(e => e.EndOrder > yielded).OrderBy(e => e.EndOrder).Select(e => e.Result!).ToArray();
                    yielded = _endSequence;
                    pending = _entries.Any(e => e.Result is null);
                    nextDue = pending ? _entries.Where(e => e.Result is null).Min(e => e.Due) : default;
                    if (_wake.Task.IsCompleted)
                    {
                        _wake = NewSignal();
                    }

                    wake = _wake.Task;
                    reported = Report(progress, reported);
                }

                foreach (var result in ended)
                {
                    yield return result;
                }

                if (!pending)
                {
                    (progress as IRunGroupObserver)?.CycleEnded(requests, null);
                    yield break;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var wait = nextDue - Now();
                if (wait > Tolerance)
                {
                    (progress as IRunGroupObserver)?.CycleEnded(requests, wait);
                    requests = 0;
                    await SleepAsync(wait, wake, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                requests += await CycleAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Volatile.Write(ref _waiting, 0);
        }
    }

    /// <summary>Asks the service to stop every run still followed that can be stopped (<see cref="TriggeredRun.CanCancel"/>:
    /// TrueFoundry terminate, Mixpeek task kill), one request per run through its client, each followed by one status read
    /// (as <see cref="TriggeredRun.CancelAsync"/> does). Runs of services without a stop call (Agentset, Shipyard) are left
    /// running. Stopping is asynchronous: keep waiting to see the runs end cancelled.</summary>
    /// <param name="cancellationToken">Cancels the requests not yet sent (not the runs).</param>
    /// <returns>How many runs the services were asked to stop.</returns>
    /// <exception cref="AggregateException">Some requests failed (each inner exception says which run); the others were sent.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual async Task<int> CancelAllAsync(CancellationToken cancellationToken = default)
    {
        TRun[] targets;
        lock (_gate)
        {
            targets = _entries.Where(e => e.Result is null && e.Run.CanCancel).Select(e => e.Run).ToArray();
        }

        var asked = 0;
        List<Exception>? errors = null;
        foreach (var run in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await run.CancelAsync(cancellationToken).ConfigureAwait(false);
                asked++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                (errors ??= []).Add(ex);
            }
        }

        lock (_gate)
        {
            _wake.TrySetResult();
        }

        return errors is null ? asked : throw new AggregateException($"{errors.Count} of {targets.Length} cancel requests failed; the other {asked} were sent.", errors);
    }
}
