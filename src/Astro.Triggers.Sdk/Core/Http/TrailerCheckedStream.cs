using System.Buffers.Binary;
using System.IO.Compression;

namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>A gzip or zlib ("deflate") body decoded with the framework's decoder, which ends quietly when its input ends
/// early; so the decoded bytes are checksummed as they pass and, at their end, compared with the trailer that closed the
/// input (gzip: CRC-32 and size, little-endian; zlib: Adler-32, big-endian). A body whose last bytes are not that trailer
/// did not arrive whole: <see cref="TruncatedBodyException"/>. An empty input is an empty body, as the framework reads it.</summary>
/// <remarks>A multi-member gzip body (several gzip streams back to back, which HTTP servers do not send) fails the check:
/// the trailer covers only its last member.</remarks>
internal sealed class TrailerCheckedStream : ReadOnlyStream
{
    private readonly TailStream _input;
    private readonly Stream _decoder;
    private readonly bool _gzip;
    private uint _checksum;
    private long _length;
    private bool _verified;

    private TrailerCheckedStream(Stream encoded, bool gzip)
    {
        _gzip = gzip;
        _input = new TailStream(encoded);
        _decoder = gzip ? new GZipStream(_input, CompressionMode.Decompress) : new ZLibStream(_input, CompressionMode.Decompress);
        _checksum = gzip ? 0u : 1u;
    }

    public static Stream Gzip(Stream encoded) => new TrailerCheckedStream(encoded, gzip: true);

    /// <summary>HTTP's "deflate" is the zlib format (RFC 9110 §8.4.1.2), whose Adler-32 trailer is checked.</summary>
    public static Stream Zlib(Stream encoded) => new TrailerCheckedStream(encoded, gzip: false);

    public override int Read(Span<byte> buffer)
    {
        var read = _decoder.Read(buffer);
        return Decoded(buffer[..read], buffer.IsEmpty);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _decoder.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Decoded(buffer.Span[..read], buffer.IsEmpty);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _decoder.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _decoder.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Decoded(ReadOnlySpan<byte> bytes, bool emptyBuffer)
    {
        if (bytes.Length > 0)
        {
            _checksum = _gzip ? BodyChecksums.Crc32(_checksum, bytes) : BodyChecksums.Adler32(_checksum, bytes);
            _length += bytes.Length;
        }
        else if (!emptyBuffer && !_verified)
        {
            _verified = true;
            if (_input.Total > 0 && !TrailerMatches())
            {
                throw new TruncatedBodyException(_gzip ? "gzip" : "deflate");
            }
        }

        return bytes.Length;
    }

    private bool TrailerMatches()
    {
        var tail = _input.Tail;
        if (_gzip)
        {
            return tail.Length == 8
                && BinaryPrimitives.ReadUInt32LittleEndian(tail) == _checksum
                && BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]) == unchecked((uint)_length);
        }

        return tail.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(tail[^4..]) == _checksum;
    }

    /// <summary>The encoded input, remembering how many bytes it gave and its last eight.</summary>
    private sealed class TailStream(Stream inner) : ReadOnlyStream
    {
        private readonly byte[] _tail = new byte[8];
        private int _tailLength;

        public long Total { get; private set; }

        public ReadOnlySpan<byte> Tail => _tail.AsSpan(0, _tailLength);

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            Remember(buffer[..read]);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            Remember(buffer.Span[..read]);
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Remember(ReadOnlySpan<byte> read)
        {
            Total += read.Length;
            if (read.Length >= _tail.Length)
            {
                read[^_tail.Length..].CopyTo(_tail);
                _tailLength = _tail.Length;
                return;
            }

            // Keep the newest eight of what was kept and what was just read.
            var keep = Math.Min(_tailLength, _tail.Length - read.Length);
            _tail.AsSpan(_tailLength - keep, keep).CopyTo(_tail);
            read.CopyTo(_tail.AsSpan(keep));
            _tailLength = keep + read.Length;
        }
    }
}
