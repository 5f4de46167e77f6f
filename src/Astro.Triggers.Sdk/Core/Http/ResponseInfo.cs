using System.Globalization;
using System.Net.Http.Headers;

namespace Astro.Triggers.Sdk;

/// <summary>What a successful response said besides its body: given to <see cref="RequestOptions.OnResponse"/>.</summary>
public sealed class ResponseInfo
{
    /// <summary>Creates the information (also for users' own tests).</summary>
    /// <param name="service">The service that answered.</param>
    /// <param name="operationId">The OpenAPI operationId of the call.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="headers">Response and content headers by name (case-insensitive).</param>
    public ResponseInfo(string service, string operationId, int status, IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
    {
        Service = service;
        OperationId = operationId;
        Status = status;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
    }

    /// <summary>The service that answered, e.g. "Agentset".</summary>
    public string Service { get; }

    /// <summary>The OpenAPI operationId of the call, e.g. "getIngestJob".</summary>
    public string OperationId { get; }

    /// <summary>The HTTP status (2xx).</summary>
    public int Status { get; }

    /// <summary>Every response and content header, by name (case-insensitive), secrets masked.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The request id from <c>x-request-id</c> (or <c>request-id</c>, <c>x-correlation-id</c>,
    /// <c>x-amzn-requestid</c>); null when the service sent none.</summary>
    public string? RequestId => Core.Http.RequestIdHeaders.Names.Select(Header).FirstOrDefault(value => value is not null);

    /// <summary><c>X-RateLimit-Limit</c>: requests allowed per window, when sent (Agentset sends it on every answer).</summary>
    public long? RateLimitLimit => Number("X-RateLimit-Limit");

    /// <summary><c>X-RateLimit-Remaining</c>: requests left in the window, when sent.</summary>
    public long? RateLimitRemaining => Number("X-RateLimit-Remaining");

    /// <summary><c>X-RateLimit-Reset</c> as a moment: Unix milliseconds (Agentset) or seconds, read by size; null when
    /// absent or a delay rather than a moment.</summary>
    public DateTimeOffset? RateLimitReset => Number("X-RateLimit-Reset") switch
    {
        > Core.SdkConstants.MaxUnixMilliseconds => null,
        >= Core.SdkConstants.UnixMillisecondsThreshold and var ms => DateTimeOffset.FromUnixTimeMilliseconds(ms),
        >= Core.SdkConstants.UnixSecondsThreshold and var s => DateTimeOffset.FromUnixTimeSeconds(s),
        _ => null,
    };

    /// <summary>The first value of a header, or null.</summary>
    /// <param name="name">The header name (case-insensitive).</param>
    /// <returns>The value, or null when absent.</returns>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>The status and operation, for logs.</summary>
    /// <returns>E.g. <c>Agentset getIngestJob: HTTP 200</c>.</returns>
    public override string ToString() => $"{Service} {OperationId}: HTTP {Status}";

    internal static ResponseInfo From(HttpResponseMessage response, Core.Http.CallContext call)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        Add(headers, response.Headers, call);
        Add(headers, response.Content.Headers, call);
        return new ResponseInfo(call.Operation.Service, call.Operation.OperationId, (int)response.StatusCode, headers);
    }

    private static void Add(Dictionary<string, IReadOnlyList<string>> into, HttpHeaders headers, Core.Http.CallContext call)
    {
        foreach (var (name, values) in headers.NonValidated)
        {
            into[name] = values.Select(value => call.Secrets.Mask(value)!).ToArray();
        }
    }

    private long? Number(string name) =>
        Header(name) is { } raw && long.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
