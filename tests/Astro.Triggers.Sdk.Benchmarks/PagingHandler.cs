using System.Net;
using System.Net.Http.Headers;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>Serves <see cref="Pages"/> cursor pages of the same items without building each page: the items are one
/// shared byte array, only the small tail with the next cursor is made per page.</summary>
internal sealed class PagingHandler(int pages, int itemsPerPage) : HttpMessageHandler
{
    private readonly byte[] _items = Wire.Utf8(Wire.ListPagePrefix(itemsPerPage));

    public int Pages { get; } = pages;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var query = request.RequestUri!.Query;
        var at = query.IndexOf("cursor=p", StringComparison.Ordinal);
        var page = 0;
        if (at >= 0)
        {
            var digits = query.AsSpan(at + 8);
            var end = digits.IndexOf('&');
            page = int.Parse(end < 0 ? digits : digits[..end], System.Globalization.CultureInfo.InvariantCulture);
        }

        var tail = Wire.Utf8(Wire.ListPageSuffix(page + 1 < Pages ? "p" + (page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
        var content = new TwoPartContent(_items, tail);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }

    private sealed class TwoPartContent(byte[] head, byte[] tail) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(head);
            await stream.WriteAsync(tail);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = head.Length + tail.Length;
            return true;
        }
    }
}
