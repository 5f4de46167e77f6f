using System.Globalization;
using System.Net.Http.Headers;

namespace Astro.Triggers.Sdk.Core.Retry;

/// <summary>One client's picture of the service's rate-limit window, from the <c>X-RateLimit-Limit</c>,
/// <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c> headers of its answers, shared by every concurrent call of
/// that client (one credential: Agentset counts per organisation). Before each attempt a call asks for a slot
/// (<see cref="TryAcquire"/>): while the known remaining budget is 0 before the reset moment it waits (a queue, not a
/// failure); after the reset one probe goes first and its answer tells the others how much the window freed.</summary>
/// <remarks>Until a response carries the headers the pacer is inactive and costs a volatile read and an interlocked
/// increment per attempt. Attempts are numbered in sending order; an answer only updates the picture when no fresher one
/// has, and every other attempt still in flight is assumed missing from its <c>Remaining</c> (conservative: the budget is
/// never overdrawn on what is known; the next answer corrects the estimate).</remarks>
internal sealed class RateLimitPacer(TimeProvider timeProvider)
{
    // How long waiters wait for a probe's answer before letting another one go (the probe may have been cancelled
    // without its outcome reaching the pacer, or its answer carried no headers).
    private static readonly TimeSpan ProbeGrace = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan ResetRounding = TimeSpan.FromMilliseconds(1);

    private readonly object _gate = new();
    private volatile bool _active;
    private long _issued;
    private int _inFlight;
    private long _freshest;
    private int _remaining;
    private long _resetAt;
    private long _probe = -1;
    private long _probeSentAt;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether any answer so far carried the rate-limit headers.</summary>
    public bool IsActive => _active;

    /// <summary>Numbers an attempt that is sent without pacing (nothing known yet): its answer is then placed in order.</summary>
    public long Ticket()
    {
        Interlocked.Increment(ref _inFlight);
        return Interlocked.Increment(ref _issued);
    }

    /// <summary>Takes a slot for one attempt, or says how long to wait before asking again and what to wait on
    /// (an answer that changes the picture ends the wait early).</summary>
    /// <param name="ticket">The attempt's number in sending order, for <see cref="Observe"/>.</param>
    /// <param name="wait">When refused: how long until the reset (or until another probe may go).</param>
    /// <param name="changed">When refused: completes when an answer changes the picture.</param>
    /// <returns>True when the attempt may be sent now.</returns>
    public bool TryAcquire(out long ticket, out TimeSpan wait, out Task changed)
    {
        wait = TimeSpan.Zero;
        changed = Task.CompletedTask;
        if (!_active)
        {
            ticket = Ticket();
            return true;
        }

        lock (_gate)
        {
            var now = timeProvider.GetTimestamp();
            if (_remaining > 0)
            {
                _remaining--;
                ticket = Ticket();
                return true;
            }

            if (now >= _resetAt)
            {
                // The window has moved on, by how much is unknown: one probe goes, the rest wait for its answer.
                if (_probe < 0 || timeProvider.GetElapsedTime(_probeSentAt, now) >= ProbeGrace)
                {
                    ticket = _probe = Ticket();
                    _probeSentAt = now;
                    return true;
                }

                wait = ProbeGrace - timeProvider.GetElapsedTime(_probeSentAt, now);
            }
            else
            {
                wait = timeProvider.GetElapsedTime(now, _resetAt);
            }

            ticket = 0;
            changed = _changed.Task;
            return false;
        }
    }

    /// <summary>Reads an answer's rate-limit headers (every attempt that got an answer, success or error).</summary>
    /// <param name="headers">The answer's headers.</param>
    /// <param name="ticket">The attempt's number from <see cref="TryAcquire"/> or <see cref="Ticket"/>.</param>
    public void Observe(HttpResponseHeaders headers, long ticket)
    {
        if (!TryRead(headers, out var limit, out var remaining, out var resetIn))
        {
            // No headers (another service, or a proxy's answer): nothing learned; the attempt is over.
            Abandon(ticket);
            return;
        }

        TaskCompletionSource changed;
        lock (_gate)
        {
            _active = true;
            var others = Math.Max(0, Interlocked.Decrement(ref _inFlight));
            if (ticket < _freshest)
            {
                // Answers overtake each other on separate connections: an older one would hand back slots that a
                // fresher answer already showed taken.
                return;
            }

            _freshest = ticket;
            // Conservative: every other attempt still in flight may be missing from this answer's count, those sent
            // before it too (they may reach the server after it, e.g. queued for a connection).
            var estimate = Math.Clamp(remaining - others, 0, Math.Max(limit, 0));
            // The reset is in whole milliseconds, rounded down by the server: a probe a fraction early finds the slot still taken.
            var resetAt = timeProvider.GetTimestamp() + (long)((resetIn + ResetRounding).TotalSeconds * timeProvider.TimestampFrequency);
            // Within one window the service's count only goes down: a fresher ticket whose request reached the server
            // before an older one's carries an older, higher count, and must not hand back slots already answered as
            // taken. Only an answer from a later window (its reset moved on) may raise the budget.
            var sameWindow = resetAt <= _resetAt + (long)(ResetRounding.TotalSeconds * timeProvider.TimestampFrequency);
            _remaining = sameWindow ? Math.Min(_remaining, estimate) : estimate;
            _resetAt = sameWindow ? Math.Max(_resetAt, resetAt) : resetAt;
            _probe = -1;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>An attempt that got no answer (failed or cancelled before the headers): if it was the probe, the next
    /// caller may probe.</summary>
    public void Abandon(long ticket)
    {
        Interlocked.Decrement(ref _inFlight);
        if (!_active || Volatile.Read(ref _probe) != ticket)
        {
            return;
        }

        TaskCompletionSource changed;
        lock (_gate)
        {
            if (_probe != ticket)
            {
                return;
            }

            _probe = -1;
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
