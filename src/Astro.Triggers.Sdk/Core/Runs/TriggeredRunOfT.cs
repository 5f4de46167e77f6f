using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk;

/// <summary>A run with the service's own object, like Azure's <c>Operation&lt;T&gt;</c>: <see cref="Value"/> is the
/// ingest job, job run, fleet-run record or task as last read, and <see cref="WaitForCompletionAsync(RunWaitOptions, IProgress{RunSnapshot}?, CancellationToken)"/>
/// returns this typed handle, so <c>(await run.WaitForCompletionAsync()).Value</c> needs no cast. The status source is
/// one function the client builds with the caller's per-call options captured, so every status read carries them.</summary>
/// <typeparam name="T">The service's object for the run.</typeparam>
public class TriggeredRun<T> : TriggeredRun
{
    private readonly Func<CancellationToken, Task<T>>? _read;
    private readonly Func<T, CancellationToken, Task>? _cancel;
    private readonly RunSource<T>? _source;
    private readonly Func<T, DateTimeOffset, RunSnapshot> _snapshot;
    private readonly string? _cannotCancel;

    // T is a reference type for every service (boxed otherwise): a reference swap is atomic without a holder object.
    private object? _value;

    /// <summary>Creates a run handle.</summary>
    /// <param name="service">The service name, e.g. "TrueFoundry".</param>
    /// <param name="id">The service's id of the run.</param>
    /// <param name="value">The service's object as known now.</param>
    /// <param name="snapshot">Reads the common and raw status out of the object, at a moment.</param>
    /// <param name="read">Reads the object again (one request through the client's retry policy); null for a handle
    /// that cannot be updated (e.g. from a model factory).</param>
    /// <param name="cancel">Asks the service to stop the run; null where the service cannot.</param>
    /// <param name="cannotCancel">The message of the <see cref="NotSupportedException"/> thrown by <see cref="CancelAsync"/>
    /// when <paramref name="cancel"/> is null: what to do instead.</param>
    /// <param name="timeProvider">The clock for polling waits; null for the system clock.</param>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    protected internal TriggeredRun(
        string service,
        string id,
        T value,
        Func<T, DateTimeOffset, RunSnapshot> snapshot,
        Func<CancellationToken, Task<T>>? read,
        Func<T, CancellationToken, Task>? cancel,
        string? cannotCancel,
        TimeProvider? timeProvider)
        : base(service, id, Guard.NotNull(snapshot)(value, (timeProvider ?? TimeProvider.System).GetUtcNow()), timeProvider)
    {
        _snapshot = snapshot;
        _read = read;
        _cancel = cancel;
        // The default message is made only when it is thrown, not for every run.
        _cannotCancel = cannotCancel;
        _value = value;
    }

    /// <summary>Creates a run handle whose status source is shared by every run its sub-client makes: no delegate per
    /// run, the per-call options travel as <paramref name="sourceState"/>.</summary>
    internal TriggeredRun(
        string service,
        string id,
        T value,
        Func<T, DateTimeOffset, RunSnapshot> snapshot,
        RunSource<T> source,
        object? sourceState,
        string? cannotCancel,
        TimeProvider? timeProvider)
        : this(service, id, value, snapshot, read: null, cancel: null, cannotCancel, timeProvider)
    {
        _source = source;
        SourceState = sourceState;
    }

    /// <summary>What the shared source needs besides the run (the caller's per-call options).</summary>
    internal object? SourceState { get; }

    /// <summary>The service's own object as last read (the trigger's answer until the first status read).</summary>
    public virtual T Value => (T)Volatile.Read(ref _value)!;

    /// <inheritdoc />
    public override bool CanCancel => _cancel is not null || _source?.Cancel is not null;

    /// <inheritdoc />
    public override async Task CancelAsync(CancellationToken cancellationToken = default)
    {
        if (_cancel is not null)
        {
            await _cancel(Value, cancellationToken).ConfigureAwait(false);
        }
        else if (_source?.Cancel is { } cancel)
        {
            await cancel(this, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new NotSupportedException(_cannotCancel ?? $"{Service} has no call to stop a run.");
        }

        if (_read is not null || _source is not null)
        {
            await UpdateStatusAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Polls until the run ends; see <see cref="WaitForCompletionAsync(RunWaitOptions, IProgress{RunSnapshot}?, CancellationToken)"/>.</summary>
    /// <param name="pollInterval">The first and shortest wait between polls; null for 1 s. Later waits are a tenth of the
    /// time waited so far, up to a minute (see <see cref="RunWaitOptions"/>).</param>
    /// <param name="timeout">The longest the wait may take; null for 1 hour.</param>
    /// <param name="progress">Told the first status read and every change of status after it; see
    /// <see cref="TriggeredRun.WaitForCompletionAsync(RunWaitOptions, IProgress{RunSnapshot}?, CancellationToken)"/>.</param>
    /// <param name="cancellationToken">Stops waiting (the run itself goes on).</param>
    /// <returns>This run, completed, with its final <see cref="Value"/>.</returns>
    /// <exception cref="RunFailedException">The run ended failed, or cancelled (then a <see cref="RunCancelledException"/>).</exception>
    /// <exception cref="RunWaitTimeoutException">The run did not end within the timeout.</exception>
    public new virtual async Task<TriggeredRun<T>> WaitForCompletionAsync(
        TimeSpan? pollInterval = null, TimeSpan? timeout = null, IProgress<RunSnapshot>? progress = null, CancellationToken cancellationToken = default) =>
        (TriggeredRun<T>)await base.WaitForCompletionAsync(pollInterval, timeout, progress, cancellationToken).ConfigureAwait(false);

    /// <summary>Polls until the run ends; see <see cref="TriggeredRun.WaitForCompletionAsync(RunWaitOptions, IProgress{RunSnapshot}?, CancellationToken)"/>.</summary>
    /// <param name="options">Interval, backoff, timeout and whether failure throws.</param>
    /// <param name="progress">Told the first status read and every change of status after it; see
    /// <see cref="TriggeredRun.WaitForCompletionAsync(RunWaitOptions, IProgress{RunSnapshot}?, CancellationToken)"/>.</param>
    /// <param name="cancellationToken">Stops waiting (the run itself goes on).</param>
    /// <returns>This run, completed, with its final <see cref="Value"/>.</returns>
    /// <exception cref="RunFailedException">The run ended failed, or cancelled (then a <see cref="RunCancelledException"/>), and <see cref="RunWaitOptions.ThrowOnFailure"/> is set.</exception>
    /// <exception cref="RunWaitTimeoutException">The run did not end within <see cref="RunWaitOptions.Timeout"/>.</exception>
    public new virtual async Task<TriggeredRun<T>> WaitForCompletionAsync(
        RunWaitOptions options, IProgress<RunSnapshot>? progress = null, CancellationToken cancellationToken = default) =>
        (TriggeredRun<T>)await base.WaitForCompletionAsync(options, progress, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    internal override RunListReader? ListReader => _source?.Lister;

    /// <summary>Takes the run's object as a list operation showed it (a <see cref="RunGroup{TRun}"/>'s read).</summary>
    internal void Observe(T value)
    {
        Volatile.Write(ref _value, value);
        Observe(_snapshot(value, Now()));
    }

    /// <inheritdoc />
    protected override async Task<RunSnapshot> FetchStatusAsync(CancellationToken cancellationToken)
    {
        var value = _read is not null ? await _read(cancellationToken).ConfigureAwait(false)
            : _source is not null ? await _source.Read(this, cancellationToken).ConfigureAwait(false)
            : throw new InvalidOperationException($"{Service} run '{Id}' was created without a client to read its status.");
        Volatile.Write(ref _value, value);
        return _snapshot(value, Now());
    }

}
