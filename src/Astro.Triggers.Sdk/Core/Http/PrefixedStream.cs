namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>A read-only stream that first yields bytes already read from <paramref name="inner"/> (a pooled buffer,
/// returned once drained), then the rest of it: how a body is handed on after its start was looked at.</summary>
internal sealed class PrefixedStream(byte[] pooled, int offset, int count, Stream inner) : Stream
{
    private PooledPrefix _prefix = new(pooled, offset, count);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => _prefix.IsPending ? _prefix.Take(buffer) : inner.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _prefix.IsPending ? ValueTask.FromResult(_prefix.Take(buffer.Span)) : inner.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _prefix.Return();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
