using Astro.Triggers.Sdk;
using Microsoft.Extensions.Time.Testing;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>Virtual time for <see cref="RunGroupFollowing"/>: a fake clock that moves only when a run group sleeps between
/// cycles, by exactly that sleep. The group's progress is told at the end of every cycle (the SDK's internal group
/// observer, with the cycle's status reads); the next timer created after that is the group's sleep.</summary>
internal sealed class GroupClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private TaskCompletionSource<TimeSpan> _next = New();
    private int _armed;

    /// <summary>Status reads of each cycle that read anything.</summary>
    public List<int> ReadsPerCycle { get; } = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            Volatile.Read(ref _next).TrySetResult(dueTime);
        }

        return timer;
    }

    public async Task<T> DriveAsync<T>(Func<IProgress<RunGroupProgress>, Task<T>> wait)
    {
        var pending = Volatile.Read(ref _next).Task;
        var waiting = wait(new Observer(this));
        while (true)
        {
            var first = await Task.WhenAny(waiting, pending, Task.Delay(TimeSpan.FromMinutes(5)));
            if (first == waiting)
            {
                return await waiting;
            }

            if (first != pending)
            {
                throw new InvalidOperationException("The group neither ended nor started a sleep within 5 min of real time.");
            }

            var due = await pending;
            var next = New();
            Volatile.Write(ref _next, next);
            pending = next.Task;
            Advance(due);
        }
    }

    private static TaskCompletionSource<TimeSpan> New() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Observer(GroupClock clock) : IProgress<RunGroupProgress>, Core.IRunGroupObserver
    {
        public void Report(RunGroupProgress value)
        {
        }

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
