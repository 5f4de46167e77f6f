namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>A read-only stream that first yields bytes already read from <paramref name="inner"/> (a pooled buffer,
/// returned once drained), then the rest of it: how a body is handed on after its start was looked at.</summary>
internal sealed class PrefixedStream(byte[] pooled, int offset, int count, Stream inner) : ReadOnlyStream
{
    private PooledPrefix _prefix = new(pooled, offset, count);

    public override int Read(Span<byte> buffer) => _prefix.IsPending ? _prefix.Take(buffer) : inner.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _prefix.IsPending ? ValueTask.FromResult(_prefix.Take(buffer.Span)) : inner.ReadAsync(buffer, cancellationToken);

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
