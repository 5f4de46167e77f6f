using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Astro.Triggers.Sdk.Core.Http;

namespace Astro.Triggers.Sdk.Core.Requests;

/// <summary>What every generated request method shares: the call's context on the request, header values, the JSON
/// body, and the send. The methods themselves (<c>&lt;Service&gt;Requests</c>, generated from openapi/) are straight-line
/// code: no attribute is read and no request builder is made at run time, which on a process's first call was Refit's
/// ~120 methods to compile and its reflection over the interface (issue 30).</summary>
internal static class GeneratedRequest
{
    /// <summary>A request for <paramref name="target"/>, carrying <paramref name="call"/> for the handlers below.</summary>
    public static HttpRequestMessage Create(HttpMethod method, in RequestTarget target, CallContext call)
    {
        var request = new HttpRequestMessage(method, target.ToUri());
        call.AttachTo(request);
        return request;
    }

    /// <summary>A header parameter's value; CR and LF removed (Refit's rule; tenants are checked before this).</summary>
    public static void Header(HttpRequestMessage request, string name, string value)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            value = value.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);
        }

        request.Headers.TryAddWithoutValidation(name, value);
    }

    /// <summary>A POST, PUT, PATCH or DELETE that carries a header parameter but no body still sends an empty body with
    /// <c>Content-Length: 0</c>, as it did through Refit (which made room for content headers that way).</summary>
    public static void EmptyBody(HttpRequestMessage request) => request.Content ??= new ByteArrayContent([]);

    /// <summary>The body, serialized up front with the service's source-generated context (a retried attempt builds its
    /// request again; the length is known, so the body is not sent chunked).</summary>
    public static void JsonBody<T>(HttpRequestMessage request, T body, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Content = content;
    }

    /// <summary>Sends with only the headers read: Core's ResponseReader reads the body, streaming.</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken) =>
        http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
}
