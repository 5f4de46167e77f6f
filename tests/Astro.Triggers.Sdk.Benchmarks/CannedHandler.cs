using System.Net;
using System.Net.Http.Headers;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>Answers every request with the same bytes, in memory: what every variant of a benchmark shares.</summary>
internal sealed class CannedHandler(byte[] body, HttpStatusCode status = HttpStatusCode.OK, string mediaType = "application/json") : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = mediaType == "application/json" ? Json : new MediaTypeHeaderValue(mediaType);
        return Task.FromResult(new HttpResponseMessage(status) { Content = content, RequestMessage = request });
    }
}
