using Microsoft.Extensions.Time.Testing;

namespace Astro.Triggers.Sdk.Tests.Infrastructure;

/// <summary>A fake clock that moves only when a <see cref="RunGroup{TRun}"/> wait sleeps between cycles, by exactly that
/// sleep. The wait's progress (<see cref="DriveAsync{T}"/> passes it) is told at the end of every cycle through the SDK's
/// internal group observer; the next timer created after that is the group's sleep, so the cycle's real loopback I/O
/// has ended before time moves. Per-request timers are never advanced to.</summary>
public sealed class GroupWaitClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private TaskCompletionSource<TimeSpan> _next = New();
    private int _armed;

    /// <summary>The status reads of each cycle (list pages and single reads), in order; cycles that read nothing are left out.</summary>
    public List<int> ReadsPerCycle { get; } = [];

    /// <summary>Every sleep the driver advanced by, in order.</summary>
    public List<TimeSpan> Sleeps { get; } = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            Volatile.Read(ref _next).TrySetResult(dueTime);
        }

        return timer;
    }

    /// <summary>Runs the wait to its end (result or exception), advancing the clock by each sleep once it starts.</summary>
    /// <param name="wait">Starts the wait with the progress it is given.</param>
    /// <param name="reports">Told what the wait reports to its progress (changes), inline.</param>
    /// <param name="stopAfter">Stops advancing after this much virtual time (the wait is then left asleep).</param>
    public async Task<T> DriveAsync<T>(Func<IProgress<RunGroupProgress>, Task<T>> wait, Action<RunGroupProgress>? reports = null, TimeSpan? stopAfter = null)
    {
        var started = GetUtcNow();
        var pending = Volatile.Read(ref _next).Task;
        var waiting = wait(new Observer(this, reports));
        while (true)
        {
            var first = await Task.WhenAny(waiting, pending, Task.Delay(TimeSpan.FromSeconds(60)));
            if (first == waiting)
            {
                return await waiting;
            }

            first.Should().BeSameAs(pending, "the group should either end or start a sleep (real-time guard against a hang)");
            var due = await pending;
            var next = New();
            Volatile.Write(ref _next, next);
            pending = next.Task;
            if (stopAfter is { } limit && GetUtcNow() - started + due > limit)
            {
                return await waiting;
            }

            Sleeps.Add(due);
            Advance(due);
        }
    }

    private static TaskCompletionSource<TimeSpan> New() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Observer(GroupWaitClock clock, Action<RunGroupProgress>? reports) : IProgress<RunGroupProgress>, Sdk.Core.IRunGroupObserver
    {
        public void Report(RunGroupProgress value) => reports?.Invoke(value);

        public void CycleEnded(int requests, TimeSpan? sleep)
        {
            if (requests > 0)
            {
                clock.ReadsPerCycle.Add(requests);
            }

            if (sleep is not null)
            {
                Interlocked.Exchange(ref clock._armed, 1);
            }
        }
    }
}
