namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>The one place the SDK's read-only body wrappers say they cannot seek or write, so each wrapper holds only
/// what it does to the bytes. Wrappers implement the span and memory reads and the array overloads forward to them:
/// Stream's own defaults would run an array ReadAsync through BeginRead/EndRead, and a span read through a rented copy,
/// on the per-call hot path.</summary>
/// <remarks>Everything here is sealed, so a wrapper cannot drift from the others by accident; <see cref="Position"/> is
/// left open because <see cref="BoundedReadStream"/> reports how much it has counted. Dispose stays with each wrapper:
/// what it owns (and in what order it lets go of it) differs.</remarks>
internal abstract class ReadOnlyStream : Stream
{
    public sealed override bool CanRead => true;

    public sealed override bool CanSeek => false;

    public sealed override bool CanWrite => false;

    public sealed override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public sealed override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public abstract override int Read(Span<byte> buffer);

    public abstract override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default);

    public sealed override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Nothing is buffered for writing, so there is nothing to flush; throwing here would break callers that flush
    // every stream they are handed.
    public sealed override void Flush()
    {
    }

    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public sealed override void SetLength(long value) => throw new NotSupportedException();

    public sealed override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
