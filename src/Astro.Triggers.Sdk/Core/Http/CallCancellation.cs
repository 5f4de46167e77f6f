namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>The source behind each call's token (its budget, and the caller's cancellation linked in). On the system
/// clock sources are pooled: a source that was never cancelled is reset (<see cref="CancellationTokenSource.TryReset"/>
/// stops its timer and drops its registrations, keeping both objects) and serves the next call, so a call does not
/// allocate a source, a timer and the registration list under it. A cancelled source, or one on another clock
/// (tests' virtual time: it cannot be reset), is disposed instead.</summary>
internal static class CallCancellation
{
    // A source that was cancelled, or whose timer could not be stopped, is refused (and disposed): a token that was
    // cancelled may still be held, e.g. by an OperationCanceledException, and must stay cancelled.
    private static readonly SmallPool<CancellationTokenSource> Pool = new(static () => new(), static source => source.TryReset());

    /// <summary>A source cancelled after <paramref name="timeout"/> on <paramref name="clock"/> (never, when infinite)
    /// and when <paramref name="callerToken"/> is; give both back with <see cref="Return"/>.</summary>
    public static CancellationTokenSource Rent(
        TimeProvider clock, TimeSpan timeout, CancellationToken callerToken, out CancellationTokenRegistration link)
    {
        var source = clock == TimeProvider.System ? Pool.Get() : new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock);
        link = callerToken.CanBeCanceled
            ? callerToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source)
            : default;
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            source.CancelAfter(timeout);
        }

        return source;
    }

    /// <summary>Ends the call's use of <paramref name="source"/> (rented on <paramref name="clock"/>): unlinks it from
    /// the caller's token first (after this no callback can cancel it), then pools or disposes it.</summary>
    public static void Return(TimeProvider clock, CancellationTokenSource source, CancellationTokenRegistration link)
    {
        link.Dispose();
        if (clock == TimeProvider.System)
        {
            Pool.Return(source);
        }
        else
        {
            source.Dispose();
        }
    }
}
