using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;

namespace Astro.Triggers.Sdk.Testing.Core;

/// <summary>One request as a fake sees it: method, raw path segments, query, headers and body.</summary>
internal sealed class FakeRequest
{
    private readonly IRequestMessage _message;
    private JsonNode? _json;
    private bool _jsonRead;

    internal FakeRequest(IRequestMessage message)
    {
        _message = message;
        // The raw (still escaped) path: an id such as "a%2Fb" must stay one segment.
        Segments = FakeRouter.Segments(new Uri(message.AbsoluteUrl).AbsolutePath);
    }

    /// <summary>Headers the answer to this request carries, whatever it is (set on admission, e.g. rate-limit counts).</summary>
    public IDictionary<string, string> ResponseHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The HTTP method, upper case.</summary>
    public string Method => _message.Method.ToUpperInvariant();

    /// <summary>The path segments, each unescaped once.</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>The request body as text, or an empty string.</summary>
    public string Body => _message.Body ?? string.Empty;

    /// <summary>A header's first value, or <see langword="null"/> (names are case-insensitive).</summary>
    public string? Header(string name)
    {
        foreach (var (key, values) in _message.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && values.Count > 0)
            {
                return values[0];
            }
        }

        return null;
    }

    /// <summary>A query parameter's values, split on commas when <paramref name="commaSeparated"/>; empty when absent.</summary>
    public IReadOnlyList<string> QueryValues(string name, bool commaSeparated = false)
    {
        if (_message.Query is null || !_message.Query.TryGetValue(name, out var values))
        {
            return [];
        }

        return commaSeparated
            ? values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToArray()
            : values.ToArray();
    }

    /// <summary>A query parameter's first value, or <see langword="null"/>.</summary>
    public string? Query(string name)
    {
        var values = QueryValues(name);
        return values.Count > 0 ? values[0] : null;
    }

    /// <summary>An integer query parameter from <paramref name="min"/> to <paramref name="max"/>, or <paramref name="fallback"/> when absent.</summary>
    public int IntegerQuery(string name, int fallback, int min, int max, Func<string, string, FakeRejection> invalid)
    {
        var text = Query(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw invalid(name, $"{name} must be an integer from {min} to {max}.");
    }

    /// <summary>The body parsed as JSON; <see langword="null"/> when empty. Throws <see cref="JsonException"/> when malformed.</summary>
    public JsonNode? Json
    {
        get
        {
            if (!_jsonRead)
            {
                _json = string.IsNullOrWhiteSpace(Body) ? null : JsonNode.Parse(Body);
                _jsonRead = true;
            }

            return _json;
        }
    }
}
