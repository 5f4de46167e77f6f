using Astro.Triggers.Sdk;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>Virtual time for <see cref="RunGroupFollowing"/>: a fake clock that moves only when a run group sleeps between
/// cycles, by exactly that sleep. The group's progress is told at the end of every cycle (the SDK's internal group
/// observer, with the cycle's status reads); the next timer created after that is the group's sleep.</summary>
internal sealed class GroupClock(DateTimeOffset start) : ArmedTimerClock(start)
{
    /// <summary>Status reads of each cycle that read anything.</summary>
    public List<int> ReadsPerCycle { get; } = [];

    public Task<T> DriveAsync<T>(Func<IProgress<RunGroupProgress>, Task<T>> wait) =>
        DriveAsync(() => wait(new Observer(this)), TimeSpan.FromMinutes(5), "The group neither ended nor started a sleep within 5 min of real time.");

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
                clock.Arm();
            }
        }
    }
}
