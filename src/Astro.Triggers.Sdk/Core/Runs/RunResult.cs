namespace Astro.Triggers.Sdk;

/// <summary>How one run of a <see cref="RunGroup{TRun}"/> ended for the group: the run in its final observed state and,
/// unless it succeeded, why not: the exception a single <see cref="TriggeredRun.WaitForCompletionAsync(RunWaitOptions, IProgress{RunSnapshot}?, CancellationToken)"/>
/// would have thrown for it. A group never throws one run's failure at the caller of the whole wait.</summary>
/// <typeparam name="TRun">The run handle type.</typeparam>
public sealed class RunResult<TRun>
    where TRun : TriggeredRun
{
    /// <summary>Creates a result (the group makes them; public for tests of code that consumes a group).</summary>
    /// <param name="run">The run, in its final observed state.</param>
    /// <param name="error">Why it did not succeed; null when it succeeded.</param>
    /// <param name="noticedAt">When the group saw it end (from the group's <see cref="TimeProvider"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    public RunResult(TRun run, Exception? error, DateTimeOffset noticedAt)
    {
        Run = run ?? throw new ArgumentNullException(nameof(run));
        Error = error;
        NoticedAt = noticedAt;
    }

    /// <summary>The run, in its final observed state (<see cref="TriggeredRun.Current"/>; the typed handle's <c>Value</c> is
    /// the service's object as last read).</summary>
    public TRun Run { get; }

    /// <summary>The run's common status as last observed: succeeded, failed or cancelled, or a non-terminal status when
    /// the group stopped following it (<see cref="Error"/> says why).</summary>
    public RunStatus Status => Run.Status;

    /// <summary>True when the run ended succeeded (then <see cref="Error"/> is null).</summary>
    public bool Succeeded => Error is null;

    /// <summary>Why the run did not succeed; null when it did. A <see cref="RunFailedException"/> for a run that ended
    /// failed, a <see cref="RunCancelledException"/> (a subclass) for one that ended cancelled, a
    /// <see cref="RunWaitTimeoutException"/> when the group's <see cref="RunWaitOptions.Timeout"/> passed first (the run goes on),
    /// or the exception of a status read that failed (an <see cref="AstroTriggersException"/>, or an
    /// <see cref="InvalidOperationException"/> for a handle that cannot be read) — the group then stopped following it.</summary>
    public Exception? Error { get; }

    /// <summary>When the group saw the run end (or stopped following it), on the group's clock.</summary>
    public DateTimeOffset NoticedAt { get; }

    /// <summary>The run when it succeeded; otherwise throws <see cref="Error"/>, as a single wait would have.</summary>
    /// <returns>The run.</returns>
    /// <exception cref="RunFailedException">The run ended failed, or cancelled (a <see cref="RunCancelledException"/>).</exception>
    /// <exception cref="RunWaitTimeoutException">The group's timeout passed before the run ended.</exception>
    /// <exception cref="AstroTriggersException">A status read of the run failed.</exception>
    public TRun GetRunOrThrow()
    {
        if (Error is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(Error);
        }

        return Run;
    }

    /// <inheritdoc />
    public override string ToString() => Error is null ? Run.ToString() : $"{Run} — {Error.GetType().Name}: {Error.Message}";
}
