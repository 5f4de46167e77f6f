using System.Net;

namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>A response body with its last content coding decoded by the SDK (<see cref="TrailerCheckedStream"/>,
/// <see cref="BrotliBodyStream"/>), as SocketsHttpHandler's own decoding would hand it over: the same headers without
/// that coding and without Content-Length, so the response cap counts decoded bytes.</summary>
internal sealed class DecodedContent : HttpContent
{
    private readonly HttpContent _encoded;
    private readonly DecompressionMethods _coding;

    public DecodedContent(HttpContent encoded, DecompressionMethods coding)
    {
        _encoded = encoded;
        _coding = coding;
        foreach (var (name, values) in encoded.Headers.NonValidated)
        {
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                && !name.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                Headers.TryAddWithoutValidation(name, values);
            }
        }

        // Codings applied before the one decoded here stay listed, as the framework leaves them.
        var codings = encoded.Headers.ContentEncoding;
        var i = 0;
        foreach (var applied in codings)
        {
            if (++i < codings.Count)
            {
                Headers.ContentEncoding.Add(applied);
            }
        }
    }

    /// <summary>The coding the SDK decodes for a response's last <c>Content-Encoding</c>, if it is one it asked for.</summary>
    public static DecompressionMethods CodingOf(string contentEncoding, DecompressionMethods enabled)
    {
        var coding = contentEncoding.Trim().ToLowerInvariant() switch
        {
            "gzip" or "x-gzip" => DecompressionMethods.GZip,
            "deflate" => DecompressionMethods.Deflate,
            "br" => DecompressionMethods.Brotli,
            _ => DecompressionMethods.None,
        };
        return (enabled & coding) != 0 ? coding : DecompressionMethods.None;
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken)
    {
        var encoded = await _encoded.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return _coding switch
        {
            DecompressionMethods.GZip => TrailerCheckedStream.Gzip(encoded),
            DecompressionMethods.Deflate => TrailerCheckedStream.Zlib(encoded),
            _ => new BrotliBodyStream(encoded),
        };
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var decoded = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (decoded.ConfigureAwait(false))
        {
            await decoded.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _encoded.Dispose();
        }

        base.Dispose(disposing);
    }
}
