using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Json;

namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>The one place a response is read: status check and typed errors, then a streaming
/// deserialization with the service's source-generated context (never Refit's buffered path). Bodies are
/// decoded by <see cref="ResponseBody"/>, so framing, a byte-order mark or a declared charset never change the result.</summary>
internal static class ResponseReader
{
    /// <summary>Reads a success body that must be present.</summary>
    public static async ValueTask<T> ReadAsync<T>(
        HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CallContext call, CancellationToken cancellationToken)
    {
        using (response)
        {
            await EnsureSuccessAsync(response, call, cancellationToken).ConfigureAwait(false);
            var value = await DeserializeAsync(response, typeInfo, call, cancellationToken).ConfigureAwait(false);
            return value ?? throw new ResponseDeserializationException(
                call.Operation, (int)response.StatusCode, "the body was empty or the JSON literal null", innerException: null);
        }
    }

    /// <summary>Reads a success body that may legitimately be absent (204, or a 200 with no content).</summary>
    public static async ValueTask<T?> ReadOptionalAsync<T>(
        HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CallContext call, CancellationToken cancellationToken)
        where T : class
    {
        using (response)
        {
            await EnsureSuccessAsync(response, call, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return null;
            }

            return await DeserializeAsync(response, typeInfo, call, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a success body that must be present, with the model's generated reader.</summary>
    public static async ValueTask<T> ReadAsync<T>(
        HttpResponseMessage response, ModelReader<T> model, CallContext call, CancellationToken cancellationToken)
        where T : class
    {
        using (response)
        {
            await EnsureSuccessAsync(response, call, cancellationToken).ConfigureAwait(false);
            var value = await DeserializeAsync(response, model, call, cancellationToken).ConfigureAwait(false);
            return value ?? throw new ResponseDeserializationException(
                call.Operation, (int)response.StatusCode, "the body was empty or the JSON literal null", innerException: null);
        }
    }

    /// <summary>Reads a success body that may legitimately be absent (204, or a 200 with no content), with the model's
    /// generated reader.</summary>
    public static async ValueTask<T?> ReadOptionalAsync<T>(
        HttpResponseMessage response, ModelReader<T> model, CallContext call, CancellationToken cancellationToken)
        where T : class
    {
        using (response)
        {
            await EnsureSuccessAsync(response, call, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return null;
            }

            return await DeserializeAsync(response, model, call, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Checks the status of an operation whose success has no body; returns true.</summary>
    public static async ValueTask<bool> ReadEmptyAsync(
        HttpResponseMessage response, CallContext call, CancellationToken cancellationToken)
    {
        using (response)
        {
            await EnsureSuccessAsync(response, call, cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>Reads a text success body (e.g. CSV), refusing one above the client's <c>MaxResponseBytes</c>.</summary>
    public static async ValueTask<string> ReadTextAsync(
        HttpResponseMessage response, CallContext call, CancellationToken cancellationToken)
    {
        using (response)
        {
            await EnsureSuccessAsync(response, call, cancellationToken).ConfigureAwait(false);
            try
            {
                var stream = await ResponseBody.OpenAsync(response, call, cancellationToken).ConfigureAwait(false);
                if (stream is null)
                {
                    return string.Empty;
                }

                await using (stream.ConfigureAwait(false))
                {
                    using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
                    return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (IsBodyFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                throw BodyFailed(call, ex);
            }
        }
    }

    /// <summary>The body's JSON, or default when the body holds nothing (no bytes, or only whitespace), in any framing.</summary>
    private static async ValueTask<T?> DeserializeAsync<T>(
        HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CallContext call, CancellationToken cancellationToken)
    {
        // Values the lenient converters cannot read are reported against this call; the scope ends with this method.
        LenientReadScope.Begin(call);
        try
        {
            var stream = await ResponseBody.OpenAsync(response, call, cancellationToken).ConfigureAwait(false);
            if (stream is null)
            {
                return default;
            }

            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException ex)
        {
            throw new ResponseDeserializationException(call.Operation, (int)response.StatusCode, call.Secrets.Mask(ex.Message)!, ex);
        }
        catch (Exception ex) when (IsBodyFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw BodyFailed(call, ex);
        }
    }

    /// <summary>As the metadata overload, but the body is read whole into a pooled buffer and handed to the model's
    /// generated reader; only a body the reader declines goes through the metadata, from the same bytes, so the value,
    /// the lenient warnings (logged once, by that path alone) and any exception are exactly the metadata path's.</summary>
    private static async ValueTask<T?> DeserializeAsync<T>(
        HttpResponseMessage response, ModelReader<T> model, CallContext call, CancellationToken cancellationToken)
        where T : class
    {
        LenientReadScope.Begin(call);
        try
        {
            var stream = await ResponseBody.OpenAsync(response, call, cancellationToken).ConfigureAwait(false);
            if (stream is null)
            {
                return default;
            }

            PooledBody body;
            await using (stream.ConfigureAwait(false))
            {
                body = await PooledBody.ReadAsync(stream, response.Content.Headers.ContentLength, cancellationToken).ConfigureAwait(false);
            }

            using (body)
            {
                if (model.TryReadDocument(body.Span, out var value))
                {
                    return value;
                }

                using var buffered = body.AsStream();
                return await JsonSerializer.DeserializeAsync(buffered, model.Metadata, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException ex)
        {
            throw new ResponseDeserializationException(call.Operation, (int)response.StatusCode, call.Secrets.Mask(ex.Message)!, ex);
        }
        catch (Exception ex) when (IsBodyFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw BodyFailed(call, ex);
        }
    }

    /// <summary>The status line arrived, so the server received (and may have acted on) the request. Safe
    /// operations retry this like a failure before the headers (CallRunner); others throw it.</summary>
    private static ServiceTransportException BodyFailed(CallContext call, Exception ex) =>
        new(call.Operation, ex switch
        {
            TruncatedBodyException truncated => $"the {truncated.Coding} response body was cut short (it ended before its end marker)",
            _ when IsUndecodable(ex) => "the compressed response body could not be decoded",
            _ => "the connection failed while the response body was being read",
        }, mayHaveBeenProcessed: true, ex);

    /// <summary>The body did not arrive whole: the connection failed, the compressed stream is corrupt, or it ended
    /// before its end marker (<see cref="TruncatedBodyException"/>, an IOException) — damage in transit, retried on reads
    /// like a reset.</summary>
    internal static bool IsBodyFailure(Exception ex) => ex is IOException or HttpRequestException || IsUndecodable(ex);

    /// <summary>gzip/deflate data that does not decode throws InvalidDataException; BrotliStream throws
    /// InvalidOperationException ("Decoder ran into invalid data"), told apart from any other by the assembly it comes from.</summary>
    private static bool IsUndecodable(Exception ex) =>
        ex is InvalidDataException || (ex is InvalidOperationException && ex.Source == "System.IO.Compression.Brotli");

    /// <summary>The typed exception of an error answer, else the per-call <c>OnResponse</c> is told about the success,
    /// before its body is read.</summary>
    private static async ValueTask EnsureSuccessAsync(HttpResponseMessage response, CallContext call, CancellationToken cancellationToken)
    {
        await ErrorMapper.ThrowIfErrorAsync(response, call, cancellationToken).ConfigureAwait(false);
        call.Notify(response);
    }
}
