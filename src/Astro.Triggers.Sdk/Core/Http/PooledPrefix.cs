using System.Buffers;

namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>Bytes already read from a body while its start was looked at, in a pooled buffer, handed out before the rest
/// of the body and returned to the pool once drained (or when the stream is disposed). The one piece both body streams
/// use: <see cref="PrefixedStream"/> and <see cref="BoundedReadStream"/>. A mutable struct, held in a field.</summary>
internal struct PooledPrefix(byte[] pooled, int offset, int count)
{
    private byte[]? _buffer = pooled;
    private int _offset = offset;
    private int _count = count;

    /// <summary>Whether bytes remain to be handed out.</summary>
    public readonly bool IsPending => _buffer is not null;

    /// <summary>Copies as many remaining bytes as fit into <paramref name="destination"/>; returns how many.</summary>
    public int Take(Span<byte> destination)
    {
        var n = Math.Min(destination.Length, _count);
        _buffer.AsSpan(_offset, n).CopyTo(destination);
        _offset += n;
        _count -= n;
        if (_count == 0)
        {
            Return();
        }

        return n;
    }

    /// <summary>Gives the buffer back to the pool (once).</summary>
    public void Return()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
