using Microsoft.Extensions.Time.Testing;

namespace Astro.Triggers.Sdk.Tests.Infrastructure;

/// <summary>A fake clock that moves only when a <c>WaitForCompletionAsync</c> sleeps on its poll wait, by exactly that
/// wait. The wait's progress (<see cref="DriveAsync{T}"/> passes it) is told after each read through the SDK's internal poll observer; the next timer created after
/// that is the poll wait, so the read's real loopback I/O has ended before time moves. Deadline and per-request timers
/// are never advanced to. (The benchmarks' <c>WaitClock</c> does the same for <c>--waits</c>.)</summary>
public sealed class PollWaitClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private TaskCompletionSource<TimeSpan> _next = New();
    private int _armed;

    /// <summary>Every poll wait the driver advanced by, in order.</summary>
    public List<TimeSpan> Waits { get; } = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            Volatile.Read(ref _next).TrySetResult(dueTime);
        }

        return timer;
    }

    /// <summary>Runs the wait to its end (result or exception), advancing the clock by each poll wait once it starts.</summary>
    /// <param name="wait">Starts the wait with the progress it is given.</param>
    /// <param name="reports">Told what the wait reports to its progress (status changes), inline.</param>
    public async Task<T> DriveAsync<T>(Func<IProgress<RunSnapshot>, Task<T>> wait, Action<RunSnapshot>? reports = null)
    {
        var pending = Volatile.Read(ref _next).Task;
        var waiting = wait(new PollObserver(() => Interlocked.Exchange(ref _armed, 1), reports));
        while (true)
        {
            var first = await Task.WhenAny(waiting, pending, Task.Delay(TimeSpan.FromSeconds(30)));
            if (first == waiting)
            {
                return await waiting;
            }

            first.Should().BeSameAs(pending, "the wait should either end or start a poll wait (real-time guard against a hang)");
            var due = await pending;
            var next = New();
            Volatile.Write(ref _next, next);
            pending = next.Task;
            Waits.Add(due);
            Advance(due);
        }
    }

    /// <summary>The public progress hears only status changes; the SDK's internal poll observer hears every read.</summary>
    private sealed class PollObserver(Action polled, Action<RunSnapshot>? reports) : IProgress<RunSnapshot>, Sdk.Core.IRunPollObserver
    {
        public void Report(RunSnapshot value) => reports?.Invoke(value);

        public void Polled(RunSnapshot snapshot) => polled();
    }

    private static TaskCompletionSource<TimeSpan> New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
