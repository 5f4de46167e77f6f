using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Astro.Triggers.Sdk.Tests.Infrastructure;

/// <summary>A fake clock that records the due time of every timer created on it, so a test can wait until the
/// code under test has really started a wait of a given length before moving time (no real-time guessing).</summary>
public sealed class ObservableClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentDictionary<TimeSpan, int> _created = new();
    private readonly ConcurrentDictionary<TimeSpan, int> _consumed = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _created.AddOrUpdate(dueTime, 1, (_, n) => n + 1);
        return timer;
    }

    /// <summary>Waits (in real time, bounded) for a timer of <paramref name="dueTime"/> not yet waited for, then
    /// advances the clock by <paramref name="advance"/> (default: the due time).</summary>
    public async Task AdvanceWhenWaitingAsync(TimeSpan dueTime, TimeSpan? advance = null)
    {
        var consumed = _consumed.GetValueOrDefault(dueTime);
        for (var i = 0; i < 2000 && _created.GetValueOrDefault(dueTime) <= consumed; i++)
        {
            await Task.Delay(10);
        }

        _created.GetValueOrDefault(dueTime).Should().BeGreaterThan(consumed, $"the code should have started a {dueTime} wait");
        _consumed[dueTime] = consumed + 1;
        Advance(advance ?? dueTime);
    }
}
