using System.Text.Json.Nodes;

namespace Astro.Triggers.Sdk.Testing.Core;

/// <summary>What a fake answers: a status, a body and its headers.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The body text; empty for none.</param>
/// <param name="ContentType">The body's media type, or <see langword="null"/> for no body.</param>
internal sealed record FakeResponse(int Status, string Body, string? ContentType)
{
    /// <summary>Extra response headers.</summary>
    public IDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>A JSON answer.</summary>
    public static FakeResponse Json(int status, JsonNode body) => new(status, body.ToJsonString(), "application/json");

    /// <summary>A text answer of the given media type.</summary>
    public static FakeResponse Text(int status, string body, string contentType = "text/plain") => new(status, body, contentType);

    /// <summary>An answer without a body (204 and the like).</summary>
    public static FakeResponse Empty(int status = 204) => new(status, string.Empty, null);

    /// <summary>This answer with one more header.</summary>
    public FakeResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}
