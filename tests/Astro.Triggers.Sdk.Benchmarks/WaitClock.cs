using Astro.Triggers.Sdk;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>
/// Virtual time for <see cref="WaitSchedules"/>: a fake clock that moves only when the wait is asleep on its poll timer.
/// The wait's <see cref="Progress"/> is told after each read (as the SDK's internal poll observer); the next timer created after that is the poll wait (nothing
/// else creates a timer between the report and <c>Task.Delay</c>), so the driver knows its length and that the read's real
/// loopback I/O has finished. The deadline and per-request timers are never advanced to: only poll waits move the clock.
/// </summary>
internal sealed class WaitClock(DateTimeOffset start) : ArmedTimerClock(start)
{
    /// <summary>Told every read of the wait; arms the clock to catch the poll wait that follows.</summary>
    public IProgress<RunSnapshot> Progress => new Armer(this);

    /// <summary>Runs <paramref name="wait"/> to its end, advancing the clock by each poll wait as soon as it starts.</summary>
    public Task<T> DriveAsync<T>(Func<IProgress<RunSnapshot>, Task<T>> wait) =>
        DriveAsync(() => wait(Progress), TimeSpan.FromSeconds(30),
            "The wait neither ended nor started a poll wait within 30 s of real time (a timer the driver does not know?).");

    /// <summary>The public progress hears only status changes; the internal poll observer hears every read.</summary>
    private sealed class Armer(WaitClock clock) : IProgress<RunSnapshot>, Core.IRunPollObserver
    {
        public void Report(RunSnapshot value)
        {
        }

        public void Polled(RunSnapshot snapshot) => clock.Arm();
    }
}
