using System.Globalization;
using System.Net.Http.Headers;

namespace Astro.Triggers.Sdk.Core.Retry;

/// <summary>One client's picture of the service's rate-limit window, from the <c>X-RateLimit-Limit</c>,
/// <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c> headers of its answers (and a 429's own hint), shared by
/// every concurrent call of that client (one credential: Agentset counts per organisation). Before each attempt a call
/// asks for a slot (<see cref="TryAcquire"/>).</summary>
/// <remarks>
/// <para>The rules, each for liveness or for the budget:</para>
/// <list type="bullet">
/// <item>The picture is the service's latest word: the <c>Remaining</c> and reset moment of the freshest answer. Fresher
/// is judged by the service's own reset moment (on its clock): a later reset is a later window, and within one window
/// the lower count is the later one. An answer that overtook a fresher one on another connection changes nothing.</item>
/// <item>What may be sent now is recomputed on every request from the attempts in flight now: <c>Remaining</c> minus
/// the attempts still without an answer (conservative: they may be missing from that count). Nothing is frozen from
/// an earlier moment; every answer, and every attempt that ends without one, wakes the queue.</item>
/// <item>A 429's explicit hint (<c>Retry-After</c>, else its reset) wins over an older window's reset: the window is
/// spent until then, and no longer.</item>
/// <item>Once the reset moment has passed the picture is stale: the reset frees at least one slot (a sliding window's
/// oldest request leaves), so one probe goes unless the attempts in flight may take that slot, and its answer releases
/// the rest (or, if it gets none within <see cref="ProbeGrace"/>, another probe may go).</item>
/// <item>A caller is held without a deadline of its own only while the picture says the window is spent; every timed
/// wait ends at the reset moment (or the probe's grace) and lasts at least <see cref="MinimumWait"/>, so no wait loops
/// without the clock moving.</item>
/// </list>
/// <para>Until an answer carries the headers the pacer is inactive and costs one interlocked increment per attempt.</para>
/// </remarks>
internal sealed class RateLimitPacer(TimeProvider timeProvider) : RateLimitBudget
{
    /// <summary>How long waiters wait for a probe's answer before letting another one go (the probe may have been
    /// cancelled without its outcome reaching the pacer, or its answer carried no headers).</summary>
    internal static readonly TimeSpan ProbeGrace = TimeSpan.FromSeconds(1);

    /// <summary>The shortest timed wait: a wait always needs the clock to move.</summary>
    internal static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);

    // The reset is in whole milliseconds, rounded down by the server: a probe a fraction early finds the slot still taken.
    private static readonly TimeSpan ResetRounding = TimeSpan.FromMilliseconds(1);

    private readonly object _gate = new();
    private volatile bool _active;
    private long _issued;
    private int _inFlight;
    private int _remaining;
    private long _resetAt;
    private DateTimeOffset _serverReset = DateTimeOffset.MinValue;
    private TimeSpan _precision;
    private long _probe = -1;
    private long _probeSentAt;
    private bool _waiting;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether any answer so far carried the rate-limit headers.</summary>
    public bool IsActive => _active;

    /// <summary>Attempts sent and not yet answered (for tests and diagnostics).</summary>
    internal int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The picture, for a test's failure message.</summary>
    public override string ToString()
    {
        lock (_gate)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"remaining {_remaining}, in flight {_inFlight}, resets in {timeProvider.GetElapsedTime(timeProvider.GetTimestamp(), _resetAt).TotalMilliseconds} ms, probe {_probe}, issued {_issued}");
        }
    }

    /// <summary>Numbers an attempt that is sent without pacing (nothing known yet): it counts as in flight until its
    /// answer (<see cref="Observe"/>) or its failure (<see cref="Abandon"/>).</summary>
    public long Ticket()
    {
        Interlocked.Increment(ref _inFlight);
        return Interlocked.Increment(ref _issued);
    }

    /// <summary>Takes a slot for one attempt, or says how long the picture stays as it is and what to wait on.</summary>
    /// <param name="ticket">The attempt's number, for <see cref="Observe"/> and <see cref="Abandon"/>.</param>
    /// <param name="wait">When refused: how long until the reset (or until another probe may go); at least
    /// <see cref="MinimumWait"/>.</param>
    /// <param name="changed">When refused: completes when an answer arrives or an attempt ends.</param>
    /// <param name="spent">When refused: whether the service's latest word says the window is spent until
    /// <paramref name="wait"/> has passed (otherwise the caller is held only by attempts in flight or an unanswered probe,
    /// which may end any moment).</param>
    /// <returns>True when the attempt may be sent now.</returns>
    public bool TryAcquire(out long ticket, out TimeSpan wait, out Task changed, out bool spent)
    {
        wait = TimeSpan.Zero;
        changed = Task.CompletedTask;
        spent = false;
        if (!_active)
        {
            ticket = Ticket();
            return true;
        }

        lock (_gate)
        {
            var now = timeProvider.GetTimestamp();
            if (now < _resetAt)
            {
                if (_remaining - Math.Max(0, _inFlight) > 0)
                {
                    ticket = Ticket();
                    return true;
                }

                wait = timeProvider.GetElapsedTime(now, _resetAt);
                spent = _remaining <= 0;
            }
            else if (_remaining + 1 - Math.Max(0, _inFlight) <= 0)
            {
                // The reset frees at least one slot (a sliding window's oldest request leaves), but the attempts in flight
                // may take it: their answers will tell.
                wait = ProbeGrace;
            }
            else if (_probe < 0 || timeProvider.GetElapsedTime(_probeSentAt, now) >= ProbeGrace)
            {
                // The window has moved on, by how much is unknown: one probe goes, the rest wait for its answer.
                ticket = _probe = Ticket();
                _probeSentAt = now;
                return true;
            }
            else
            {
                wait = ProbeGrace - timeProvider.GetElapsedTime(_probeSentAt, now);
            }

            ticket = 0;
            wait = wait < MinimumWait ? MinimumWait : wait;
            _waiting = true;
            changed = _changed.Task;
            return false;
        }
    }

    /// <summary>The budget's form of <see cref="TryAcquire"/> (a refusal wakes on <c>changed</c>); never completes
    /// asynchronously.</summary>
    public override ValueTask<RateLimitTake> TakeAsync(CancellationToken cancellationToken = default) =>
        new(TryAcquire(out var ticket, out var wait, out var changed, out var spent) ? RateLimitTake.Go(ticket) : RateLimitTake.Refuse(wait, spent, changed));

    /// <summary>Reads an answer's rate-limit headers (every attempt that got an answer, success or error).</summary>
    /// <param name="headers">The answer's headers.</param>
    /// <param name="status">The answer's status: a 429's own hint wins over an older window's reset.</param>
    /// <param name="ticket">The attempt's number from <see cref="TryAcquire"/> or <see cref="Ticket"/>.</param>
    public override void Observe(HttpResponseHeaders headers, int status, long ticket)
    {
        var clientNow = timeProvider.GetUtcNow();
        var read = TryRead(headers, clientNow, out var window);
        TimeSpan? hint = status == 429 && (read || _active) ? RetryAfterParser.Parse(headers, clientNow) : null;
        if (!read && hint is null)
        {
            // No headers (another service, or a proxy's answer): nothing learned; the attempt is over.
            Abandon(ticket);
            return;
        }

        TaskCompletionSource? changed;
        lock (_gate)
        {
            _active = true;
            Interlocked.Decrement(ref _inFlight);
            var now = timeProvider.GetTimestamp();
            bool adopt;
            var rounding = ResetRounding;
            if (hint is { } wait)
            {
                // The refusal says when to come back: the window is spent until then, whatever an older answer said.
                // The retry layer sleeps exactly the hint; the pacer must not hold that retry a moment longer.
                window = new Window(0, window.Limit, wait, RetryAfterParser.ServerNow(headers, clientNow) + wait, SecondPrecision);
                rounding = TimeSpan.Zero;
                adopt = true;
            }
            else
            {
                var precision = Max(window.Precision, _precision);
                var later = window.ServerReset > _serverReset + precision;
                var sameWindow = !later && window.ServerReset >= _serverReset - precision;
                // Stale or not, a picture is only replaced by a fresher one, so an answer that overtook others on its way
                // never hands back slots they showed taken. Once the window's reset has passed, the probe's own answer
                // is taken whatever its reset says (a service counting per node may answer with an earlier window):
                // otherwise nothing could ever replace the stale picture.
                adopt = later || (sameWindow && window.Remaining < _remaining) || (now >= _resetAt && (ticket == _probe || _probe < 0));
            }

            if (adopt)
            {
                _remaining = Math.Clamp(window.Remaining, 0, Math.Max(window.Limit, 0));
                _resetAt = now + (long)((window.ResetIn + rounding).TotalSeconds * timeProvider.TimestampFrequency);
                _serverReset = window.ServerReset;
                _precision = window.Precision;
            }

            if (ticket == _probe || (adopt && now < _resetAt))
            {
                _probe = -1;
            }

            changed = TakeWaiters();
        }

        changed?.TrySetResult();
    }

    /// <summary>An attempt that got no answer (failed or cancelled before the headers): it is no longer in flight, and if
    /// it was the probe, the next caller may probe.</summary>
    public override void Abandon(long ticket)
    {
        if (!_active)
        {
            Interlocked.Decrement(ref _inFlight);
            return;
        }

        TaskCompletionSource? changed;
        lock (_gate)
        {
            Interlocked.Decrement(ref _inFlight);
            if (_probe == ticket)
            {
                _probe = -1;
            }

            changed = TakeWaiters();
        }

        changed?.TrySetResult();
    }

    // Under the gate. A new source only when someone waits on the current one: a paced call that never queues
    // allocates nothing here.
    private TaskCompletionSource? TakeWaiters()
    {
        if (!_waiting)
        {
            return null;
        }

        _waiting = false;
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return changed;
    }

    private static readonly TimeSpan SecondPrecision = TimeSpan.FromSeconds(1);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>One answer's window: the count left, the reset as a wait from now and as a moment on the server's clock
    /// (to order answers without the client's clock), and how precise that moment is (Unix milliseconds, or seconds).</summary>
    internal readonly record struct Window(int Remaining, int Limit, TimeSpan ResetIn, DateTimeOffset ServerReset, TimeSpan Precision);

    /// <summary>The three headers; false when Remaining or Reset is missing or unreadable.</summary>
    internal static bool TryRead(HttpResponseHeaders headers, DateTimeOffset clientNow, out Window window)
    {
        window = default;
        if (!headers.NonValidated.TryGetValues("X-RateLimit-Remaining", out var remainingValues)
            || !int.TryParse(remainingValues.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            || !headers.NonValidated.TryGetValues("X-RateLimit-Reset", out var resetValues))
        {
            return false;
        }

        var limit = headers.NonValidated.TryGetValues("X-RateLimit-Limit", out var limitValues)
            && int.TryParse(limitValues.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : int.MaxValue;
        var raw = resetValues.ToString().Trim();
        var serverNow = RetryAfterParser.ServerNow(headers, clientNow);
        if (RetryAfterParser.ParseValue(raw, serverNow, numericIsDelta: true) is not { } resetIn)
        {
            return false;
        }

        var precise = raw.Contains('.', StringComparison.Ordinal)
            || (long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= SdkConstants.UnixMillisecondsThreshold);
        window = new Window(remaining, limit, resetIn, serverNow + resetIn, precise ? ResetRounding : SecondPrecision);
        return true;
    }
}
