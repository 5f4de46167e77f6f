using System.Runtime.CompilerServices;

namespace Astro.Triggers.Sdk.Core;

/// <summary>Argument checks that run before any request is sent; messages name the argument and the rule.</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class =>
        value ?? throw new ArgumentNullException(name);

    public static string NotNullOrWhiteSpace(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"'{name}' must not be empty or whitespace.", name);
        }

        NoControlCharacters(value, name);
        return value;
    }

    /// <summary>Free text (a document's body): not null, not empty or whitespace; line breaks and tabs are fine.</summary>
    public static string HasText(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        return string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException($"'{name}' must not be empty or whitespace.", name)
            : value;
    }

    /// <summary>An absolute http or https URL, the only kind a service can fetch.</summary>
    public static Uri HttpUrl(Uri? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        return value.IsAbsoluteUri && (value.Scheme == Uri.UriSchemeHttps || value.Scheme == Uri.UriSchemeHttp)
            ? value
            : throw new ArgumentException($"'{name}' must be an absolute http(s) URL (was '{value.OriginalString}').", name);
    }

    /// <summary>An optional text: null is fine, anything else must not be empty, whitespace or hold control characters.</summary>
    public static string? NullOrNotWhiteSpace(string? value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is null ? null : NotNullOrWhiteSpace(value, name);

    /// <summary>A value that becomes one URL path segment. The generated requests escape '/', '?', '#' and the rest, but "." and ".."
    /// survive escaping and are resolved away by URI normalisation (GET /v1/triggers/.. would become GET /v1/),
    /// so they are refused.</summary>
    public static string PathSegment(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        NotNullOrWhiteSpace(value, name);
        return value is "." or ".."
            ? throw new ArgumentException($"'{name}' must not be '.' or '..' (a path segment that would change the route).", name)
            : value!;
    }

    /// <summary>An id the service prefixes, e.g. "job_"; a wrong id is refused before a request is wasted.</summary>
    public static string PrefixedId(string? value, string prefix, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        NotNullOrWhiteSpace(value, name);
        if (!value!.StartsWith(prefix, StringComparison.Ordinal) || value.Length == prefix.Length)
        {
            throw new ArgumentException($"'{name}' must be an id starting with '{prefix}' (was '{value}').", name);
        }

        return value;
    }

    public static int InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value < min || value > max
            ? throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be between {min} and {max}.")
            : value;

    /// <summary>A finite number within [<paramref name="min"/>, <paramref name="max"/>]; NaN is refused.</summary>
    public static double InRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        double.IsNaN(value) || value < min || value > max
            ? throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be between {min} and {max}.")
            : value;

    public static int AtLeast(int value, int min, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value < min
            ? throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be at least {min}.")
            : value;

    public static long AtLeast(long value, long min, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value < min
            ? throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be at least {min}.")
            : value;

    /// <summary>A finite number of at least <paramref name="min"/>; NaN and infinities are refused.</summary>
    public static double AtLeast(double value, double min, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        !double.IsFinite(value) || value < min
            ? throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be a finite number, at least {min}.")
            : value;

    public static TimeSpan Positive(TimeSpan value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan
            ? throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be positive.")
            : value;

    /// <summary>CR, LF and other control characters would let a value forge extra headers.</summary>
    public static string NoControlCharacters(string value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException($"'{name}' must not contain control characters such as CR or LF.", name);
            }
        }

        return value;
    }
}
