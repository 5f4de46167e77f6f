namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>A read-only view of a response stream that throws <see cref="ResponseTooLargeException"/> once more than the
/// call's <c>MaxResponseBytes</c> has been read (the call and status are held, not a closure: one object per body).
/// It can also hand back first the bytes already read past while the body's start was looked at (<see cref="Unread"/>),
/// so the common body needs one wrapper, not two.</summary>
internal sealed class BoundedReadStream(Stream inner, CallContext call, int status) : ReadOnlyStream
{
    private long _read;
    private PooledPrefix _prefix;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    /// <summary>Makes <paramref name="count"/> bytes of <paramref name="pooled"/> (an ArrayPool buffer, returned once
    /// they are drained or the stream is disposed) the next ones read. They were counted when first read.</summary>
    public void Unread(byte[] pooled, int offset, int count) => _prefix = new PooledPrefix(pooled, offset, count);

    public override int Read(Span<byte> buffer) => _prefix.IsPending ? _prefix.Take(buffer) : Count(inner.Read(buffer));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _prefix.IsPending ? ValueTask.FromResult(_prefix.Take(buffer.Span)) : ReadInnerAsync(buffer, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _prefix.Return();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        _prefix.Return();
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private async ValueTask<int> ReadInnerAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    private int Count(int read)
    {
        _read += read;
        return _read > call.MaxResponseBytes ? throw new ResponseTooLargeException(call.Operation, status, call.MaxResponseBytes, null) : read;
    }
}
