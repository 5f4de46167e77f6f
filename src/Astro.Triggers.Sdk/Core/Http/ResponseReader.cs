using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Astro.Triggers.Sdk.Core.Errors;

namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>The one place a response is read: status check and typed errors, then a streaming
/// deserialization with the service's source-generated context (never Refit's buffered path).</summary>
internal static class ResponseReader
{
    /// <summary>Reads a success body that must be present.</summary>
    public static async Task<T> ReadAsync<T>(
        HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CallContext call, CancellationToken cancellationToken)
    {
        var operation = call.Operation;
        using (response)
        {
            await ErrorMapper.ThrowIfErrorAsync(response, operation, cancellationToken).ConfigureAwait(false);
            var value = await DeserializeAsync(response, typeInfo, call, cancellationToken).ConfigureAwait(false);
            return value ?? throw new ResponseDeserializationException(
                operation, (int)response.StatusCode, "the body was empty or the JSON literal null", innerException: null);
        }
    }

    /// <summary>Reads a success body that may legitimately be absent (204, or an empty 200).</summary>
    public static async Task<T?> ReadOptionalAsync<T>(
        HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CallContext call, CancellationToken cancellationToken)
        where T : class
    {
        var operation = call.Operation;
        using (response)
        {
            await ErrorMapper.ThrowIfErrorAsync(response, operation, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
            {
                return null;
            }

            return await DeserializeAsync(response, typeInfo, call, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Checks the status of an operation whose success has no body; returns true.</summary>
    public static async Task<bool> ReadEmptyAsync(
        HttpResponseMessage response, CallContext call, CancellationToken cancellationToken)
    {
        var operation = call.Operation;
        using (response)
        {
            await ErrorMapper.ThrowIfErrorAsync(response, operation, cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>Reads a text success body (e.g. CSV), refusing one above the client's <c>MaxResponseBytes</c>.</summary>
    public static async Task<string> ReadTextAsync(
        HttpResponseMessage response, CallContext call, CancellationToken cancellationToken)
    {
        var operation = call.Operation;
        using (response)
        {
            await ErrorMapper.ThrowIfErrorAsync(response, operation, cancellationToken).ConfigureAwait(false);
            try
            {
                var stream = await OpenBoundedAsync(response, call, cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
                    return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                throw new ServiceTransportException(
                    operation, "the connection failed while the response body was being read", mayHaveReachedServer: true, ex);
            }
        }
    }

    private static async Task<T?> DeserializeAsync<T>(
        HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CallContext call, CancellationToken cancellationToken)
    {
        var operation = call.Operation;
        try
        {
            var stream = await OpenBoundedAsync(response, call, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException ex)
        {
            throw new ResponseDeserializationException(operation, (int)response.StatusCode, ex.Message, ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // The status line arrived, so the server received and very likely acted on the request.
            throw new ServiceTransportException(
                operation, "the connection failed while the response body was being read", mayHaveReachedServer: true, ex);
        }
    }

    /// <summary>The body as a stream that refuses to go past the limit: a declared length above it is refused
    /// before reading anything, an undeclared (chunked) one as soon as the count passes it, so nothing above
    /// the limit is ever buffered.</summary>
    private static async Task<Stream> OpenBoundedAsync(HttpResponseMessage response, CallContext call, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentLength is { } length && length > call.MaxResponseBytes)
        {
            throw new ResponseTooLargeException(call.Operation, status, call.MaxResponseBytes, length);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new BoundedReadStream(stream, call.MaxResponseBytes, () => new ResponseTooLargeException(call.Operation, status, call.MaxResponseBytes, null));
    }
}
