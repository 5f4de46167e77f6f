using System.Collections.ObjectModel;

namespace Astro.Triggers.Sdk.Testing.Core;

/// <summary>
/// One request a fake received, as it arrived, for a test to assert on (<see cref="FakeService.Requests"/>). Every
/// request is recorded when it arrives, before any injected fault, so a call the fake answered 429 or whose
/// connection it dropped is here too. Immutable; secrets are masked: the values of <c>Authorization</c>,
/// <c>Proxy-Authorization</c>, <c>X-Shipyard-API-Key</c> and <c>X-API-Key</c> become <c>***</c> (an
/// <c>Authorization</c> keeps its scheme: <c>Bearer ***</c>), and the fake's key (every token an Astropod fake
/// accepted) is replaced by <c>***</c> wherever else it appears: other headers, the path, the query and the body.
/// </summary>
public sealed class RecordedRequest
{
    internal RecordedRequest(
        string method,
        string path,
        IReadOnlyDictionary<string, IReadOnlyList<string>> query,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        string body,
        DateTimeOffset receivedAt,
        string? operationId)
    {
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
        ReceivedAt = receivedAt;
        OperationId = operationId;
    }

    /// <summary>The HTTP method, upper case (<c>GET</c>, <c>POST</c>, …).</summary>
    public string Method { get; }

    /// <summary>The path as sent, still escaped and without the query (<c>/v1/triggers/a%2Fb</c>).</summary>
    public string Path { get; }

    /// <summary>The query's parameters, unescaped (<c>+</c> read as a space), each with every value in the order
    /// sent (<c>?status=a&amp;status=b</c> gives two). Names are case-sensitive; empty when there is no query.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Query { get; }

    /// <summary>The request headers, names case-insensitive, secrets masked (see <see cref="RecordedRequest"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The body as UTF-8 text, with the fake's key masked; empty when there was none.</summary>
    public string Body { get; }

    /// <summary>When the request arrived, on the fake's <see cref="FakeService.TimeProvider"/>.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The operationId (from <c>openapi/*.yaml</c>, e.g. <c>createIngestJob</c>) of the route the request
    /// matched by method and path, or <see langword="null"/> when it matched none (the fake answered 404 or 405).</summary>
    public string? OperationId { get; }

    /// <summary>A header's first value, or <see langword="null"/> when absent.</summary>
    /// <param name="name">The header's name, case-insensitive.</param>
    /// <returns>The first value, masked as in <see cref="Headers"/>.</returns>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>A query parameter's first value, or <see langword="null"/> when absent.</summary>
    /// <param name="name">The parameter's name, case-sensitive.</param>
    /// <returns>The first value, unescaped.</returns>
    public string? QueryValue(string name) => Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>The method and path, for test output.</summary>
    /// <returns>E.g. <c>POST /v1/triggers (createTrigger)</c>.</returns>
    public override string ToString() => OperationId is null ? $"{Method} {Path}" : $"{Method} {Path} ({OperationId})";

    internal static IReadOnlyDictionary<string, IReadOnlyList<string>> Freeze(
        IEnumerable<KeyValuePair<string, List<string>>> values, StringComparer comparer)
    {
        var copy = new Dictionary<string, IReadOnlyList<string>>(comparer);
        foreach (var (name, list) in values)
        {
            copy[name] = new ReadOnlyCollection<string>([.. list]);
        }

        return new ReadOnlyDictionary<string, IReadOnlyList<string>>(copy);
    }
}
