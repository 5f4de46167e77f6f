using System.Globalization;
using System.Net.Http.Headers;

namespace Astro.Triggers.Sdk.Core.Retry;

/// <summary>Reads how long a service asked the caller to wait: Retry-After as delta seconds or an HTTP date,
/// and Agentset's form, where Retry-After and X-RateLimit-Reset hold the reset moment in Unix milliseconds.</summary>
/// <remarks>An absolute moment (HTTP date, Unix seconds or milliseconds) is on the server's clock, so when the
/// response carries a <c>Date</c> the wait is that moment minus the <c>Date</c> (RFC 9110 §10.2.3, §6.6.1): a client
/// clock that is minutes off changes nothing. Without a <c>Date</c>, the client's clock is used.</remarks>
internal static class RetryAfterParser
{
    /// <summary>The wait the response asks for, never negative; null when the response does not say.</summary>
    /// <param name="headers">The response headers.</param>
    /// <param name="now">The client's current time, used when the response has no <c>Date</c>.</param>
    /// <param name="rateLimited">Whether the answer was a refusal for rate (429): only then is <c>X-RateLimit-Reset</c> a
    /// wait. Agentset sends it on every answer, where it only says when the window reopens, which a 404 or a 500
    /// must not report as "retry after".</param>
    public static TimeSpan? Parse(HttpResponseHeaders headers, DateTimeOffset now, bool rateLimited = true)
    {
        now = ServerNow(headers, now);
        if (TryGetRaw(headers, "Retry-After") is { } retryAfter && ParseValue(retryAfter, now, numericIsDelta: true) is { } fromRetryAfter)
        {
            return fromRetryAfter;
        }

        // A reset header alone only says when the window reopens; it is a moment, or (small numbers) a delta.
        return rateLimited && TryGetRaw(headers, "X-RateLimit-Reset") is { } reset ? ParseValue(reset, now, numericIsDelta: true) : null;
    }

    internal static TimeSpan? ParseValue(string raw, DateTimeOffset now, bool numericIsDelta)
    {
        raw = raw.Trim();
        // delta-seconds are digits only (RFC 9110 §10.2.3): NumberStyles.None takes no sign, exponent or space.
        if (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            if (number >= SdkConstants.UnixMillisecondsThreshold)
            {
                // Past the year 9999 it is garbage from the wire, not a wait of millennia (FromUnixTimeMilliseconds throws).
                return number <= SdkConstants.MaxUnixMilliseconds ? NonNegative(DateTimeOffset.FromUnixTimeMilliseconds(number) - now) : null;
            }

            if (number >= SdkConstants.UnixSecondsThreshold)
            {
                return NonNegative(DateTimeOffset.FromUnixTimeSeconds(number) - now);
            }

            return numericIsDelta ? TimeSpan.FromSeconds(number) : null;
        }

        // A fraction of seconds ("1.5", ".25"): digits and one point (AllowDecimalPoint alone), not ending with it ("5.");
        // waits are whole milliseconds, half up, as in every client.
        var point = raw.IndexOf('.', StringComparison.Ordinal);
        if (point >= 0 && point < raw.Length - 1
            && double.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds < SdkConstants.UnixSecondsThreshold)
        {
            return TimeSpan.FromMilliseconds(Math.Round(seconds * 1000, MidpointRounding.AwayFromZero));
        }

        return HttpDate.Parse(raw, now) is { } date ? NonNegative(date - now) : null;
    }

    /// <summary>The server's "now" for a moment it named. <c>Date</c> has whole seconds only, and is stamped before the
    /// answer travels, while a hint of a second or less needs better: when the client's clock is within a second before
    /// the <c>Date</c> to two seconds after it, the clocks agree to the header's precision plus the answer's travel and
    /// the client's (finer) time is used (taking the <c>Date</c> as is would add up to a second to every wait, more when
    /// the answer crossed a second's boundary on its way); otherwise the client's clock is off and the <c>Date</c> stands
    /// for the server's now (a wait is never shorter than the service asked). Without a <c>Date</c>, the client's clock.</summary>
    internal static DateTimeOffset ServerNow(HttpResponseHeaders headers, DateTimeOffset clientNow)
    {
        if (TryGetRaw(headers, "Date") is not { } raw || HttpDate.Parse(raw.AsSpan().Trim(), clientNow) is not { } date)
        {
            return clientNow;
        }

        return clientNow >= date - DateAgreement.Before && clientNow < date + DateAgreement.After ? clientNow : date;
    }

    // How far the client's clock may sit from a Date and still be taken as agreeing with it.
    private static readonly (TimeSpan Before, TimeSpan After) DateAgreement = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

    private static string? TryGetRaw(HttpResponseHeaders headers, string name) =>
        // NonValidated: a 13-digit Retry-After is not a valid delta to HttpHeaders, which would hide it.
        headers.NonValidated.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan NonNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
