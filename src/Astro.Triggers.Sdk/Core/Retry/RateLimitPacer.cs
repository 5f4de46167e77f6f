using System.Globalization;
using System.Net.Http.Headers;

namespace Astro.Triggers.Sdk.Core.Retry;

/// <summary>One client's picture of the service's rate-limit window, from the <c>X-RateLimit-Limit</c>,
/// <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c> headers of its answers, shared by every concurrent call of
/// that client (one credential: Agentset counts per organisation). Before each attempt a call asks for a slot
/// (<see cref="TryAcquire"/>): while the known remaining budget is 0 before the reset moment it waits (a queue, not a
/// failure); after the reset one probe goes first and its answer tells the others how much the window freed.</summary>
/// <remarks>Until a response carries the headers the pacer is inactive and costs one volatile read per attempt.
/// Requests in flight are assumed not yet counted in an answer's <c>Remaining</c> (conservative: the budget is never
/// overdrawn on what is known; the next answer corrects the estimate).</remarks>
internal sealed class RateLimitPacer(TimeProvider timeProvider)
{
    // How long waiters wait for a probe's answer before letting another one go (the probe may have been cancelled
    // without its outcome reaching the pacer, or its answer carried no headers).
    private static readonly TimeSpan ProbeGrace = TimeSpan.FromSeconds(1);

    private readonly object _gate = new();
    private volatile bool _active;
    private int _remaining;
    private long _resetAt;
    private int _inFlight;
    private long _probeSentAt = -1;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether any answer so far carried the rate-limit headers.</summary>
    public bool IsActive => _active;

    /// <summary>Takes a slot for one attempt, or says how long to wait before asking again and what to wait on
    /// (an answer that changes the picture ends the wait early).</summary>
    /// <returns>True when the attempt may be sent now.</returns>
    public bool TryAcquire(out TimeSpan wait, out Task changed)
    {
        wait = TimeSpan.Zero;
        changed = Task.CompletedTask;
        if (!_active)
        {
            return true;
        }

        lock (_gate)
        {
            var now = timeProvider.GetTimestamp();
            if (_remaining > 0)
            {
                _remaining--;
                _inFlight++;
                return true;
            }

            if (now < _resetAt)
            {
                wait = timeProvider.GetElapsedTime(now, _resetAt);
                changed = _changed.Task;
                return false;
            }

            // The window has moved on, by how much is unknown: one probe goes, the rest wait for its answer.
            if (_probeSentAt < 0 || timeProvider.GetElapsedTime(_probeSentAt, now) >= ProbeGrace)
            {
                _probeSentAt = now;
                _inFlight++;
                return true;
            }

            wait = ProbeGrace - timeProvider.GetElapsedTime(_probeSentAt, now);
            changed = _changed.Task;
            return false;
        }
    }

    /// <summary>Reads an answer's rate-limit headers (every attempt that got an answer, success or error).</summary>
    public void Observe(HttpResponseHeaders headers)
    {
        if (!TryRead(headers, out var limit, out var remaining, out var resetIn))
        {
            if (_active)
            {
                Abandon();
            }

            return;
        }

        TaskCompletionSource changed;
        lock (_gate)
        {
            var now = timeProvider.GetTimestamp();
            _active = true;
            _inFlight = Math.Max(0, _inFlight - 1);
            // Conservative: the requests still in flight may not be in this answer's count yet.
            _remaining = Math.Clamp(remaining - _inFlight, 0, Math.Max(limit, 0));
            _resetAt = now + (long)(resetIn.TotalSeconds * timeProvider.TimestampFrequency);
            _probeSentAt = -1;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>An attempt that got no answer (failed or cancelled before the headers): its slot is not counted any
    /// longer, and a probe that failed lets the next caller probe.</summary>
    public void Abandon()
    {
        if (!_active)
        {
            return;
        }

        TaskCompletionSource changed;
        lock (_gate)
        {
            _inFlight = Math.Max(0, _inFlight - 1);
            _probeSentAt = -1;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>The three headers, the reset as a wait from now on the server's clock.</summary>
    internal bool TryRead(HttpResponseHeaders headers, out int limit, out int remaining, out TimeSpan resetIn)
    {
        limit = remaining = 0;
        resetIn = TimeSpan.Zero;
        if (!headers.NonValidated.TryGetValues("X-RateLimit-Remaining", out var remainingValues)
            || !int.TryParse(remainingValues.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out remaining)
            || !headers.NonValidated.TryGetValues("X-RateLimit-Reset", out var resetValues))
        {
            return false;
        }

        limit = headers.NonValidated.TryGetValues("X-RateLimit-Limit", out var limitValues)
            && int.TryParse(limitValues.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : int.MaxValue;
        var wait = RetryAfterParser.ParseValue(resetValues.ToString(), ServerNow(headers, timeProvider.GetUtcNow()), numericIsDelta: true);
        if (wait is null)
        {
            return false;
        }

        resetIn = wait.Value;
        return true;
    }

    /// <summary>The server's "now" for a reset moment. <c>Date</c> has whole seconds only, while a window of a second or
    /// less needs better: when the client's clock lies inside the second the <c>Date</c> names, the clocks agree to the
    /// header's precision and the client's (finer) time is used; otherwise the client's clock is off and the middle of
    /// the <c>Date</c>'s second stands for the server's now (as RetryAfterParser, within half a second).</summary>
    internal static DateTimeOffset ServerNow(HttpResponseHeaders headers, DateTimeOffset clientNow)
    {
        if (headers.Date is not { } date)
        {
            return clientNow;
        }

        return clientNow >= date && clientNow < date.AddSeconds(1) ? clientNow : date.AddMilliseconds(500);
    }
}
