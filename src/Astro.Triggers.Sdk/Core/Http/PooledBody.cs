using System.Buffers;

namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>A whole response body in a pooled buffer, for the generated model readers, which read from one span. The
/// body stream already enforces the size cap, so the buffer grows no larger than the call allows.</summary>
internal sealed class PooledBody : IDisposable
{
    // The serializer's own first buffer size: a typical response fits without growing.
    private const int InitialSize = 16 * 1024;

    private const int LargestFirst = 1024 * 1024;

    private byte[] _buffer;
    private int _length;

    private PooledBody(byte[] buffer) => _buffer = buffer;

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    /// <summary>A read-only stream over the same bytes, for the metadata path when a reader declines.</summary>
    public MemoryStream AsStream() => new(_buffer, 0, _length, writable: false);

    public static async ValueTask<PooledBody> ReadAsync(Stream stream, long? contentLength, CancellationToken cancellationToken)
    {
        // A declared length sizes the first buffer (one read, no copy), but only up to LargestFirst: a server may declare
        // up to the call's cap and send far less, and the buffer should follow the bytes that came, not the promise.
        var size = contentLength is > 0 ? (int)Math.Min(contentLength.Value + 1, LargestFirst) : InitialSize;
        var body = new PooledBody(ArrayPool<byte>.Shared.Rent(size));
        try
        {
            int read;
            while ((read = await stream.ReadAsync(body._buffer.AsMemory(body._length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                body._length += read;
                if (body._length == body._buffer.Length)
                {
                    body.Grow();
                }
            }

            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Grow()
    {
        var larger = ArrayPool<byte>.Shared.Rent(checked(_buffer.Length * 2));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
