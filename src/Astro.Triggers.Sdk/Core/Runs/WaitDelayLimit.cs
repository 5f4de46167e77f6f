namespace Astro.Triggers.Sdk.Core;

/// <summary>The deadline of the run wait a status read serves: no sleep inside that read — the retry layer's delay
/// (backoff or Retry-After) or the rate-limit pacer's wait before sending — may end past it. A wait keeps its timeout to
/// the letter, and a read that slept past its deadline would break that promise from inside the client (issue: an
/// Agentset 429 whose reset is a minute away held the read at a 2 s deadline for 60 s).</summary>
/// <remarks>Ambient (an <see cref="AsyncLocal{T}"/>) rather than a parameter: a wait reads through
/// <see cref="TriggeredRun.UpdateStatusAsync"/> and the services' list operations, public members whose signatures stay
/// as they are, so the wait sets it around its reads (<see cref="Enter"/>) and each call captures it when it starts
/// (<c>CallContext.Create</c>). Only sleeps are bounded: an attempt already being sent is not cut by it (the call's own
/// timeouts bound that).</remarks>
internal sealed class WaitDelayLimit
{
    private static readonly AsyncLocal<WaitDelayLimit?> Ambient = new();

    private readonly TimeProvider _clock;
    private readonly long _start;
    private readonly TimeSpan _after;

    /// <summary>A deadline <paramref name="after"/> past <paramref name="start"/> on <paramref name="clock"/>.</summary>
    /// <param name="clock">The wait's clock (it may differ from the client's: a group can have its own).</param>
    /// <param name="start">A timestamp of <paramref name="clock"/>.</param>
    /// <param name="after">How long after <paramref name="start"/> the deadline is.</param>
    public WaitDelayLimit(TimeProvider clock, long start, TimeSpan after)
    {
        _clock = clock;
        _start = start;
        _after = after;
    }

    /// <summary>The limit of the wait whose read is running on this flow, or null outside a wait's read.</summary>
    public static WaitDelayLimit? Current => Ambient.Value;

    /// <summary>The time left until the deadline (negative once it passed).</summary>
    public TimeSpan Left => _after - _clock.GetElapsedTime(_start);

    /// <summary>Makes <paramref name="limit"/> the current one until the scope is disposed (null: none).</summary>
    /// <param name="limit">The read's limit.</param>
    /// <returns>Restores the previous limit when disposed.</returns>
    public static Scope Enter(WaitDelayLimit? limit)
    {
        var previous = Ambient.Value;
        Ambient.Value = limit;
        return new Scope(previous);
    }

    /// <summary>Restores the limit that was current before <see cref="Enter"/>, so nothing the wait does between its
    /// reads (a progress callback's own calls) is bounded by it.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly WaitDelayLimit? _previous;

        internal Scope(WaitDelayLimit? previous) => _previous = previous;

        /// <inheritdoc />
        public void Dispose() => Ambient.Value = _previous;
    }
}
