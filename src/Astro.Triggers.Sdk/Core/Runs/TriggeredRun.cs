using Astro.Triggers.Sdk.Core.Errors;

using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk;

/// <summary>A run a trigger started, with a status source to follow it: the service's id and status string,
/// the common <see cref="RunStatus"/>, polling to completion and, where the service can stop a run,
/// <see cref="CancelAsync"/>. The typed form, <see cref="TriggeredRun{T}"/>, adds the service's own object
/// (<see cref="TriggeredRun{T}.Value"/>). Members are virtual so tests can fake a run; the service model factories
/// (e.g. <c>AgentsetModelFactory.IngestJobRun</c>) build one in any state without a client.</summary>
public abstract class TriggeredRun
{
    private readonly TimeProvider _timeProvider;
    private RunSnapshot _current;

    /// <summary>Creates a run handle.</summary>
    /// <param name="service">The service name, e.g. "TrueFoundry".</param>
    /// <param name="id">The service's id of the run.</param>
    /// <param name="initial">The status known at creation (e.g. from the trigger's answer).</param>
    /// <param name="timeProvider">The clock for polling waits; null for the system clock.</param>
    protected TriggeredRun(string service, string id, RunSnapshot initial, TimeProvider? timeProvider)
    {
        Service = Guard.NotNullOrWhiteSpace(service);
        Id = Guard.NotNullOrWhiteSpace(id);
        _current = Guard.NotNull(initial);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The service that runs it, e.g. "TrueFoundry".</summary>
    public string Service { get; }

    /// <summary>The service's id of the run.</summary>
    public string Id { get; }

    /// <summary>The latest observation.</summary>
    public virtual RunSnapshot Current => Volatile.Read(ref _current);

    /// <summary>The common status of the latest observation.</summary>
    public RunStatus Status => Current.Status;

    /// <summary>The service's own status string of the latest observation; null while not yet visible.</summary>
    public string? RawStatus => Current.RawStatus;

    /// <summary>The service's error text, when the run failed and it gave one.</summary>
    public string? ErrorMessage => Current.ErrorMessage;

    /// <summary>True once the run succeeded, failed or was cancelled.</summary>
    public bool IsCompleted => Current.IsTerminal;

    /// <summary>Whether <see cref="CancelAsync"/> can stop this run: true only where the service has a call for it
    /// (TrueFoundry terminate, Mixpeek task kill).</summary>
    public virtual bool CanCancel => false;

    /// <summary>The run's resume token: one URL-safe string (<c>atr1.…</c>) naming the service, the run's ids and the per-call
    /// scope (Agentset namespace and tenant, Mixpeek namespace, …), never a credential. Any client of the service, in
    /// any language, resumes the run from it (<c>AgentsetClient.ResumeRun(token)</c>, the CLI's <c>wait --token</c>).
    /// Null when the handle cannot be resumed: a TrueFoundry run started by deployment id (its status is read under
    /// the application id), a handle a model factory built.</summary>
    public virtual string? ResumeToken => ResumeTokenWriter?.Invoke(this);

    /// <summary>Writes <see cref="ResumeToken"/>; set by the sub-client that made the handle (one delegate per sub-client).</summary>
    internal Func<TriggeredRun, string?>? ResumeTokenWriter { get; init; }

    /// <summary>Asks the service to stop the run, then reads its status once. Only where <see cref="CanCancel"/>;
    /// stopping is asynchronous on every service, so wait for completion to see the run end (cancelled).</summary>
    /// <param name="cancellationToken">Cancels the request (not the run).</param>
    /// <returns>A task that completes when the service accepted the request.</returns>
    /// <exception cref="NotSupportedException">The service has no call to stop a run (the message says what to do instead).</exception>
    /// <exception cref="AstroTriggersException">The request failed.</exception>
    public virtual Task CancelAsync(CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{Service} has no call to stop a run.");

    /// <summary>Reads many runs of this one's service at once (a <see cref="RunGroup{TRun}"/>); null when it is read on its own.</summary>
    internal virtual RunListReader? ListReader => null;

    /// <summary>The clock the run's waits use.</summary>
    internal TimeProvider Clock => _timeProvider;

    /// <summary>Takes an observation another read made (a list operation of a <see cref="RunGroup{TRun}"/>).</summary>
    internal void Observe(RunSnapshot observed) => Volatile.Write(ref _current, observed with { ObservedAt = _timeProvider.GetUtcNow() });

    /// <summary>Reads the run's status once from the service.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The common status now.</returns>
    public virtual async Task<RunStatus> UpdateStatusAsync(CancellationToken cancellationToken = default)
    {
        var observed = await FetchStatusAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _current, observed with { ObservedAt = _timeProvider.GetUtcNow() });
        return observed.Status;
    }

    /// <summary>Polls until the run ends. See <see cref="WaitForCompletionAsync(RunWaitOptions, IProgress{RunSnapshot}?, CancellationToken)"/>.</summary>
    /// <param name="pollInterval">The first and shortest wait between polls; null for 1 s. Later waits are a tenth of the
    /// time waited so far, up to a minute (see <see cref="RunWaitOptions"/>).</param>
    /// <param name="timeout">The longest the wait may take; null for 1 hour.</param>
    /// <param name="progress">Told the first status read and every change of status after it; see
    /// <see cref="WaitForCompletionAsync(RunWaitOptions, IProgress{RunSnapshot}?, CancellationToken)"/>.</param>
    /// <param name="cancellationToken">Stops waiting (the run itself goes on).</param>
    /// <returns>This run, completed.</returns>
    public virtual Task<TriggeredRun> WaitForCompletionAsync(
        TimeSpan? pollInterval = null, TimeSpan? timeout = null, IProgress<RunSnapshot>? progress = null, CancellationToken cancellationToken = default)
    {
        // A poll interval above MaxPollInterval is kept as is: the loop caps growth at the larger of the two.
        var options = new RunWaitOptions();
        options.PollInterval = pollInterval ?? options.PollInterval;
        options.Timeout = timeout ?? options.Timeout;
        return WaitForCompletionAsync(options, progress, cancellationToken);
    }

    /// <summary>Polls the status until the run succeeds, fails or is cancelled: reads, waits (at least the poll interval,
    /// growing with the time waited so far and by the backoff factor, at most the max poll interval; see
    /// <see cref="RunWaitOptions"/>; a 429/503 answer's <c>Retry-After</c> is waited instead when longer), reads again. All
    /// waiting uses the client's <see cref="TimeProvider"/>. <see cref="RunWaitOptions.Timeout"/> is kept to the letter: a
    /// wait that would end past it is cut to the time left, the run is read once more at the deadline, and a run that
    /// read shows ended is returned (or its failure thrown); only a run still going then is a timeout. No sleep inside a
    /// read passes the deadline either: the client does not retry a read when the retry's delay (backoff or the
    /// service's <c>Retry-After</c>) would end past it (the 429/503 is then waited by this loop, cut to the time left),
    /// and when the service's rate limit (<see cref="ServiceClientOptions.RateLimitPacing"/>) leaves no room before the
    /// deadline, the read at the deadline is not sent and the wait ends with <see cref="RunWaitTimeoutException"/> at the
    /// deadline. A request already sent is not cut short by it (the client's own timeouts bound it).</summary>
    /// <param name="options">Interval, backoff, timeout and whether failure throws.</param>
    /// <param name="progress">Told the run's status as the wait sees it: the first status read, then each read whose
    /// status differs from the last one reported (the service's own <see cref="RunSnapshot.RawStatus"/> or the common
    /// <see cref="RunSnapshot.Status"/>), so a run that goes QUEUED → PROCESSING → COMPLETED is reported three times
    /// however many polls it takes. An <see cref="IProgress{T}"/> of <see cref="RunSnapshot"/> (not of
    /// <see cref="RunStatus"/>), e.g. <c>new Progress&lt;RunSnapshot&gt;(s =&gt; Console.WriteLine($"{s.Status} ({s.RawStatus})"))</c>.
    /// <see cref="IProgress{T}.Report"/> is called synchronously on the polling loop, on whatever thread the read
    /// completed on (the SDK captures no context); <see cref="Progress{T}"/> posts each report to the
    /// <see cref="SynchronizationContext"/> it was created on (the thread pool when there is none), so its callbacks may
    /// run after the wait returned. A run already complete when the wait starts is not read and nothing is reported.
    /// Null to report nothing.</param>
    /// <param name="cancellationToken">Stops waiting with <see cref="OperationCanceledException"/> (the run goes on).</param>
    /// <returns>This run, completed.</returns>
    /// <exception cref="RunCancelledException">The run ended cancelled and <see cref="RunWaitOptions.ThrowOnFailure"/> is set.</exception>
    /// <exception cref="RunFailedException">The run ended failed and <see cref="RunWaitOptions.ThrowOnFailure"/> is set.</exception>
    /// <exception cref="RunWaitTimeoutException">The run was still going at the read at <see cref="RunWaitOptions.Timeout"/>
    /// (the last read), that read was throttled or not sent because the service's rate limit left no room before the
    /// deadline, or a read still under way when the deadline passed was abandoned.</exception>
    public virtual async Task<TriggeredRun> WaitForCompletionAsync(
        RunWaitOptions options, IProgress<RunSnapshot>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(options).Validate();
        var started = _timeProvider.GetTimestamp();
        // Aborts a read still under way at the deadline (a hung read cannot outlive the wait). The read at the deadline
        // itself is bounded by the client's own timeouts; the loop's sleeps are each cut to the time left, and the sleeps
        // inside every read (the client's retry delays, the rate-limit pacer's wait) by the delay limit below.
        var limit = options.Timeout == Timeout.InfiniteTimeSpan ? null : new WaitDelayLimit(_timeProvider, started, options.Timeout);
        using var deadline = options.Timeout == Timeout.InfiniteTimeSpan
            ? new CancellationTokenSource()
            : new CancellationTokenSource(options.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var bounded = options.Timeout != Timeout.InfiniteTimeSpan;
        TimeSpan? interval = null;
        var polls = 0;
        var deadlineRead = false;
        (RunStatus, string?)? reported = null;
        try
        {
            // A run already known to be over (e.g. built by a model factory, or tracked from a final answer) is not read again.
            if (IsCompleted)
            {
                return Status != RunStatus.Succeeded && options.ThrowOnFailure ? throw Failure() : this;
            }

            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // A sleep that overran the deadline by a timer's lateness: this read is the one at the deadline.
                deadlineRead |= deadline.IsCancellationRequested;
                TimeSpan? serverWait = null;
                try
                {
                    // No sleep inside the read may end past the deadline: a retry whose delay would is not made (its
                    // 429/503 comes back here, to be waited as the time left allows), and a pacer that would hold the
                    // read past it sends nothing (its paced 429 likewise). Scoped to the read alone.
                    using (WaitDelayLimit.Enter(limit))
                    {
                        await UpdateStatusAsync(deadlineRead ? cancellationToken : linked.Token).ConfigureAwait(false);
                    }

                    polls++;
                    var seen = Current;
                    (progress as IRunPollObserver)?.Polled(seen);
                    if (progress is not null && reported != (seen.Status, seen.RawStatus))
                    {
                        reported = (seen.Status, seen.RawStatus);
                        progress.Report(seen);
                    }
                }
                catch (ServiceRequestException ex) when (ex.Status is 429 or 503)
                {
                    // The status read itself was throttled after the client's own retries (or paced out before it was
                    // sent, a 429 too): back off and poll again; at the deadline read, the run goes on: the timeout.
                    serverWait = ex.RetryAfter;
                }

                if (IsCompleted)
                {
                    return Status != RunStatus.Succeeded && options.ThrowOnFailure ? throw Failure() : this;
                }

                var elapsed = _timeProvider.GetElapsedTime(started);
                var step = options.NextPoll(interval, elapsed, serverWait, bounded ? options.Timeout - elapsed : null);
                interval = step.Interval;
                if (deadlineRead || step.Sleep is not { } sleep)
                {
                    // The read at the deadline (or one that ended past it) did not see the run end; the run goes on.
                    throw new RunWaitTimeoutException(this, options.Timeout, polls);
                }

                deadlineRead = step.AtDeadline;
                await Task.Delay(sleep, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ServiceTimeoutException
            && !cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested && !deadlineRead)
        {
            // A read still under way at the deadline was abandoned there: that was the last read.
            throw new RunWaitTimeoutException(this, options.Timeout, polls);
        }
    }

    private RunFailedException Failure() =>
        Status == RunStatus.Cancelled ? new RunCancelledException(this) : new RunFailedException(this);

    /// <summary>Reads the status from the service (one request, through the client's retry policy).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>What the service reports now.</returns>
    protected abstract Task<RunSnapshot> FetchStatusAsync(CancellationToken cancellationToken);

    /// <summary>The current time on the run's clock, for snapshots built by subclasses.</summary>
    /// <returns>Now.</returns>
    protected DateTimeOffset Now() => _timeProvider.GetUtcNow();

    /// <inheritdoc />
    public override string ToString() => $"{Service} run {Id}: {Status} ({RawStatus ?? "not yet visible"})";
}
