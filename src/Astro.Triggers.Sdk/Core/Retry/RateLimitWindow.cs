using System.Net.Http.Headers;

namespace Astro.Triggers.Sdk;

/// <summary>What one answer says of the service's rate-limit window, read as the in-process budget reads it: for a
/// shared <see cref="RateLimitBudget"/> that applies the same rules elsewhere (<see cref="TryRead"/>).</summary>
public readonly struct RateLimitWindow
{
    private RateLimitWindow(int remaining, int limit, TimeSpan resetIn, DateTimeOffset serverReset, TimeSpan precision, bool isRefusal, bool hasHeaders)
    {
        Remaining = remaining;
        Limit = limit;
        ResetIn = resetIn;
        ServerReset = serverReset;
        Precision = precision;
        IsRefusal = isRefusal;
        HasHeaders = hasHeaders;
    }

    /// <summary>Requests left in the window (clamped to [0, <see cref="Limit"/>]); 0 for a refusal.</summary>
    public int Remaining { get; }

    /// <summary>Requests per window (<see cref="int.MaxValue"/> when the answer does not say).</summary>
    public int Limit { get; }

    /// <summary>How long from now until the reset (for a refusal, the 429's own hint).</summary>
    public TimeSpan ResetIn { get; }

    /// <summary>The reset moment on the service's clock, to order answers without the client's clock.</summary>
    public DateTimeOffset ServerReset { get; }

    /// <summary>How precise <see cref="ServerReset"/> is: 1 ms (Unix milliseconds) or 1 s.</summary>
    public TimeSpan Precision { get; }

    /// <summary>A 429 whose own hint (<c>Retry-After</c>, else its reset) wins over any older window.</summary>
    public bool IsRefusal { get; }

    /// <summary>Whether the answer carried readable <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c>; a refusal
    /// without them teaches something only to a budget that has seen them before.</summary>
    public bool HasHeaders { get; }
    /// <summary>Reads an answer's rate-limit headers.</summary>
    /// <param name="headers">The answer's headers.</param>
    /// <param name="status">The answer's status.</param>
    /// <param name="clientNow">The client's clock now (the answer's <c>Date</c> wins when they disagree).</param>
    /// <param name="window">What the answer says.</param>
    /// <returns>False when the answer says nothing of the window (no headers, and not a 429 with a hint).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is null.</exception>
    public static bool TryRead(HttpResponseHeaders headers, int status, DateTimeOffset clientNow, out RateLimitWindow window)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var read = Core.Retry.RateLimitPacer.TryRead(headers, clientNow, out var w);
        if (status == 429 && Core.Retry.RetryAfterParser.Parse(headers, clientNow) is { } hint)
        {
            window = new RateLimitWindow(0, read ? w.Limit : int.MaxValue, hint,
                Core.Retry.RetryAfterParser.ServerNow(headers, clientNow) + hint, TimeSpan.FromSeconds(1), true, read);
            return true;
        }

        window = read ? new RateLimitWindow(Math.Clamp(w.Remaining, 0, Math.Max(w.Limit, 0)), w.Limit, w.ResetIn, w.ServerReset, w.Precision, false, true) : default;
        return read;
    }
}
