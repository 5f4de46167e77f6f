using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Astro.Triggers.Sdk.Testing.Core;

/// <summary>Builds the <see cref="RecordedRequest"/> of an arriving request and keeps the log a fake exposes.</summary>
internal sealed class RequestRecorder
{
    /// <summary>The most requests kept; the oldest go first, so a long load test does not grow without bound.</summary>
    public const int Capacity = 10_000;

    private const string Mask = "***";

    // Headers whose whole value is a credential, whatever the fake's key is.
    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "X-Shipyard-API-Key", "X-API-Key",
    };

    private readonly Queue<RecordedRequest> _log = new();

    /// <summary>The requests recorded so far, oldest first (a copy).</summary>
    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_log)
        {
            return [.. _log];
        }
    }

    public void Add(RecordedRequest request)
    {
        lock (_log)
        {
            if (_log.Count == Capacity)
            {
                _log.Dequeue();
            }

            _log.Enqueue(request);
        }
    }

    /// <summary>The raw (still escaped) path and query as the client sent them: ASP.NET Core's <c>Path</c> is
    /// unescaped, which would turn an id <c>a%2Fb</c> into two segments.</summary>
    public static (string Path, string Query) RawTarget(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
        {
            return (context.Request.PathBase + context.Request.Path, context.Request.QueryString.Value ?? string.Empty);
        }

        var q = target.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? (target, string.Empty) : (target[..q], target[q..]);
    }

    /// <summary>Reads the request (the body is buffered and rewound, so the fake's handler reads it again).</summary>
    public static async Task<RecordedRequest> ReadAsync(
        HttpContext context, string path, string query, string? operationId, DateTimeOffset receivedAt, IReadOnlyCollection<string> secrets)
    {
        context.Request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        context.Request.Body.Position = 0;

        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in context.Request.Headers)
        {
            headers[name] = values.Select(v => MaskHeader(name, v ?? string.Empty, secrets)).ToList();
        }

        return new RecordedRequest(
            context.Request.Method.ToUpperInvariant(),
            MaskText(path, secrets),
            RecordedRequest.Freeze(ParseQuery(query, secrets), StringComparer.Ordinal),
            RecordedRequest.Freeze(headers, StringComparer.OrdinalIgnoreCase),
            MaskText(body, secrets),
            receivedAt,
            operationId);
    }

    private static Dictionary<string, List<string>> ParseQuery(string query, IReadOnlyCollection<string> secrets)
    {
        var parsed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Unescape(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Unescape(pair[(eq + 1)..]);
            if (!parsed.TryGetValue(name, out var values))
            {
                parsed[name] = values = [];
            }

            values.Add(MaskText(value, secrets));
        }

        return parsed;
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static string MaskHeader(string name, string value, IReadOnlyCollection<string> secrets)
    {
        if (!SecretHeaders.Contains(name))
        {
            return MaskText(value, secrets);
        }

        // "Bearer <token>" keeps its scheme: a test can still see which scheme the client sent.
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return name.EndsWith("Authorization", StringComparison.OrdinalIgnoreCase) && space > 0 ? value[..space] + " " + Mask : Mask;
    }

    private static string MaskText(string text, IReadOnlyCollection<string> secrets)
    {
        foreach (var secret in secrets)
        {
            if (secret.Length > 0 && text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
