using Astro.Triggers.Sdk;
using Microsoft.Extensions.Time.Testing;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>
/// Virtual time for <see cref="WaitSchedules"/>: a fake clock that moves only when the wait is asleep on its poll timer.
/// The wait's <see cref="Progress"/> is told after each read (as the SDK's internal poll observer); the next timer created after that is the poll wait (nothing
/// else creates a timer between the report and <c>Task.Delay</c>), so the driver knows its length and that the read's real
/// loopback I/O has finished. The deadline and per-request timers are never advanced to: only poll waits move the clock.
/// </summary>
internal sealed class WaitClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private TaskCompletionSource<TimeSpan> _next = New();
    private int _armed;

    /// <summary>Told every read of the wait; arms the clock to catch the poll wait that follows.</summary>
    public IProgress<RunSnapshot> Progress => new Arm(this);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            Volatile.Read(ref _next).TrySetResult(dueTime);
        }

        return timer;
    }

    /// <summary>Runs <paramref name="wait"/> to its end, advancing the clock by each poll wait as soon as it starts.</summary>
    public async Task<T> DriveAsync<T>(Func<IProgress<RunSnapshot>, Task<T>> wait)
    {
        var pending = Volatile.Read(ref _next).Task;
        var waiting = wait(Progress);
        while (true)
        {
            var first = await Task.WhenAny(waiting, pending, Task.Delay(TimeSpan.FromSeconds(30)));
            if (first == waiting)
            {
                return await waiting;
            }

            if (first != pending)
            {
                throw new InvalidOperationException("The wait neither ended nor started a poll wait within 30 s of real time (a timer the driver does not know?).");
            }

            var due = await pending;
            var next = New();
            Volatile.Write(ref _next, next);
            pending = next.Task;
            Advance(due);
        }
    }

    private static TaskCompletionSource<TimeSpan> New() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The public progress hears only status changes; the internal poll observer hears every read.</summary>
    private sealed class Arm(WaitClock clock) : IProgress<RunSnapshot>, Core.IRunPollObserver
    {
        public void Report(RunSnapshot value)
        {
        }

        public void Polled(RunSnapshot snapshot) => Interlocked.Exchange(ref clock._armed, 1);
    }
}
