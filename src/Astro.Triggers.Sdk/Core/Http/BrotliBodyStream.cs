using System.Buffers;
using System.IO.Compression;

namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>A brotli body decoded with <see cref="BrotliDecoder"/>, which says whether the stream reached its last block
/// (<see cref="OperationStatus.Done"/>): input that ends while the decoder still needs more is a body cut short
/// (<see cref="TruncatedBodyException"/>), where BrotliStream would end quietly. An empty input is an empty body. Bytes
/// after the last block are ignored.</summary>
internal sealed class BrotliBodyStream(Stream encoded) : ReadOnlyStream
{
    private const int InputSize = 16 * 1024;

    private BrotliDecoder _decoder;
    private byte[]? _input = ArrayPool<byte>.Shared.Rent(InputSize);
    private int _start;
    private int _end;
    private long _total;
    private bool _done;

    public override int Read(Span<byte> buffer)
    {
        while (true)
        {
            if (Decode(buffer, out var written))
            {
                return written;
            }

            Filled(encoded.Read(Refill().Span));
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (Decode(buffer.Span, out var written))
            {
                return written;
            }

            Filled(await encoded.ReadAsync(Refill(), cancellationToken).ConfigureAwait(false));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Release();
            encoded.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        Release();
        await encoded.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Decodes what input there is into <paramref name="output"/>; false when more input is needed first.</summary>
    private bool Decode(Span<byte> output, out int written)
    {
        written = 0;
        if (_done || output.IsEmpty)
        {
            return true;
        }

        ObjectDisposedException.ThrowIf(_input is null, this);
        var status = _decoder.Decompress(_input.AsSpan(_start, _end - _start), output, out var consumed, out written);
        _start += consumed;
        switch (status)
        {
            case OperationStatus.InvalidData:
                throw new InvalidDataException("The brotli response body is not valid brotli data.");
            case OperationStatus.Done:
                _done = true;
                return true;
            default:
                // DestinationTooSmall: the caller's buffer is full. NeedMoreData: read more, unless output is ready.
                return written > 0 || status == OperationStatus.DestinationTooSmall;
        }
    }

    /// <summary>Where the next encoded bytes go, after moving what is left to the front.</summary>
    private Memory<byte> Refill()
    {
        ObjectDisposedException.ThrowIf(_input is null, this);
        if (_start > 0)
        {
            _input.AsSpan(_start, _end - _start).CopyTo(_input);
            _end -= _start;
            _start = 0;
        }

        return _input.AsMemory(_end);
    }

    private void Filled(int read)
    {
        if (read > 0)
        {
            _end += read;
            _total += read;
            return;
        }

        // The input ended before the decoder's last block: cut short, unless nothing came at all.
        if (_total > 0)
        {
            throw new TruncatedBodyException("br");
        }

        _done = true;
    }

    private void Release()
    {
        _decoder.Dispose();
        if (_input is { } input)
        {
            _input = null;
            ArrayPool<byte>.Shared.Return(input);
        }
    }
}
