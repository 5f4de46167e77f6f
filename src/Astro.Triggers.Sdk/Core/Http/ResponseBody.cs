using System.Buffers;
using System.Text;
using Astro.Triggers.Sdk.Core.Errors;

namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>The one way every body is decoded, success or error: bounded by the call's limit, transcoded to
/// UTF-8 from a declared charset, a byte-order mark and leading whitespace skipped. So the same bytes read the
/// same whatever the status and whatever the framing (Content-Length, chunked or close-delimited).</summary>
internal static class ResponseBody
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The body from its first significant byte, as UTF-8; null when it holds nothing but a byte-order
    /// mark and whitespace (including no bytes at all).</summary>
    public static async ValueTask<Stream?> OpenAsync(HttpResponseMessage response, CallContext call, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentLength is { } length && length > call.MaxResponseBytes)
        {
            throw new ResponseTooLargeException(call.Operation, status, call.MaxResponseBytes, length);
        }

        var raw = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        Stream stream = new BoundedReadStream(raw, call, status);
        if (DeclaredEncoding(response.Content) is { } encoding)
        {
            stream = Encoding.CreateTranscodingStream(stream, encoding, Utf8, leaveOpen: false);
        }

        return await SkipInsignificantAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An error body as text for the exception: at most <see cref="SdkConstants.MaxErrorBodyBytes"/>,
    /// decoded like a success body; null when the body could not be read (the status still counts).</summary>
    public static async Task<string?> ReadErrorTextAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return null;
        }

        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            if (DeclaredEncoding(content) is { } encoding)
            {
                stream = Encoding.CreateTranscodingStream(stream, encoding, Utf8, leaveOpen: false);
            }

            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[SdkConstants.MaxErrorBodyBytes + 1];
                var total = 0;
                int read;
                while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                var truncated = total > SdkConstants.MaxErrorBodyBytes;
                var text = Utf8.GetString(buffer, 0, Math.Min(total, SdkConstants.MaxErrorBodyBytes)).TrimStart('\uFEFF');
                return truncated ? text + "…(truncated)" : text;
            }
        }
        catch (Exception ex) when (ResponseReader.IsBodyFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            // The status is what matters; a body cut off mid-way or not decodable still gives the typed exception.
            return null;
        }
    }

    /// <summary>The declared charset when it is not UTF-8 (or its ASCII subset); an unknown name reads as UTF-8,
    /// which is what JSON must be in anyway (RFC 8259 §8.1).</summary>
    private static Encoding? DeclaredEncoding(HttpContent content)
    {
        var charset = content.Headers.ContentType?.CharSet?.Trim('"', ' ');
        if (string.IsNullOrEmpty(charset))
        {
            return null;
        }

        try
        {
            var encoding = Encoding.GetEncoding(charset);
            return encoding.CodePage is 65001 or 20127 ? null : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static async ValueTask<Stream?> SkipInsignificantAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var position = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                for (var i = 0; i < read; i++, position++)
                {
                    var b = buffer[i];
                    var inBom = position < Bom.Length && b == Bom[position];
                    if (!inBom && b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                    {
                        Stream body;
                        if (stream is BoundedReadStream bounded)
                        {
                            bounded.Unread(buffer, i, read - i);
                            body = bounded;
                        }
                        else
                        {
                            body = new PrefixedStream(buffer, i, read - i, stream);
                        }

                        buffer = null;
                        return body;
                    }
                }
            }
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        await stream.DisposeAsync().ConfigureAwait(false);
        return null;
    }
}
