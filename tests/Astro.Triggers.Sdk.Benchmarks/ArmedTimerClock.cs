using Microsoft.Extensions.Time.Testing;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>
/// A fake clock that moves only by the sleep an SDK wait starts right after it was armed (<see cref="Arm"/>, called
/// from the SDK's internal observer once a read or cycle has ended): the next timer created after that is the sleep,
/// so the driver knows its length and that the real loopback I/O before it has finished. Other timers (deadlines,
/// per-request timeouts) are never advanced to. <see cref="WaitClock"/> arms it per poll, <see cref="GroupClock"/> per cycle.
/// </summary>
internal abstract class ArmedTimerClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private TaskCompletionSource<TimeSpan> _next = New();
    private int _armed;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            Volatile.Read(ref _next).TrySetResult(dueTime);
        }

        return timer;
    }

    /// <summary>The next timer created is the wait's sleep.</summary>
    protected void Arm() => Interlocked.Exchange(ref _armed, 1);

    /// <summary>
    /// Runs the wait <paramref name="start"/> begins to its end, advancing the clock by each armed sleep as soon as it
    /// starts; <paramref name="stalled"/> is thrown when neither happens within <paramref name="realLimit"/> of real time.
    /// </summary>
    protected async Task<T> DriveAsync<T>(Func<Task<T>> start, TimeSpan realLimit, string stalled)
    {
        var pending = Volatile.Read(ref _next).Task;
        var waiting = start();
        while (true)
        {
            var first = await Task.WhenAny(waiting, pending, Task.Delay(realLimit));
            if (first == waiting)
            {
                return await waiting;
            }

            if (first != pending)
            {
                throw new InvalidOperationException(stalled);
            }

            var due = await pending;
            var next = New();
            Volatile.Write(ref _next, next);
            pending = next.Task;
            Advance(due);
        }
    }

    private static TaskCompletionSource<TimeSpan> New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
