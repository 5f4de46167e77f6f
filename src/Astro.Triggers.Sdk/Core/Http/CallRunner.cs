using System.Net.Sockets;
using Astro.Triggers.Sdk.Core.Errors;
using Polly.Timeout;

namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>Runs one generated call under the call's overall timeout and turns transport failures into the
/// SDK's exceptions. A caller's own cancellation passes through as a plain OperationCanceledException.</summary>
internal static class CallRunner
{
    /// <summary>Sends, then reads the response, both under the call's overall budget; the body read (after the
    /// headers arrived) also under the attempt timeout, so a body that stalls cannot hang the caller.</summary>
    public static async Task<T> RunAsync<T>(
        OperationInfo operation,
        CallContext call,
        Func<CancellationToken, Task<HttpResponseMessage>> send,
        Func<HttpResponseMessage, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        call.Operation = operation;
        using var budget = call.Timeout == Timeout.InfiniteTimeSpan
            ? new CancellationTokenSource()
            : new CancellationTokenSource(call.Timeout, call.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        // Armed once the headers are in; on the call's clock so tests can drive it.
        using var bodyTimeout = new CancellationTokenSource(Timeout.InfiniteTimeSpan, call.TimeProvider);
        try
        {
            var response = await send(linked.Token).ConfigureAwait(false);
            bodyTimeout.CancelAfter(call.Retry.AttemptTimeout);
            using var reading = CancellationTokenSource.CreateLinkedTokenSource(linked.Token, bodyTimeout.Token);
            return await read(response, reading.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException ex)
        {
            throw new ServiceTimeoutException(operation, call.Retry.AttemptTimeout, mayHaveReachedServer: true, ex);
        }
        catch (OperationCanceledException ex) when (bodyTimeout.IsCancellationRequested && !budget.IsCancellationRequested)
        {
            // The headers arrived, so the server got the request; its body stopped coming.
            throw new ServiceTimeoutException(operation, call.Retry.AttemptTimeout, mayHaveReachedServer: true, ex);
        }
        catch (OperationCanceledException ex)
        {
            // Not the caller's token: the overall budget ran out.
            throw new ServiceTimeoutException(operation, call.Timeout, mayHaveReachedServer: call.Attempts > 0, ex);
        }
        catch (HttpRequestException ex)
        {
            var reached = !NeverConnected(ex);
            throw new ServiceTransportException(operation, Describe(ex), reached, ex);
        }
        catch (IOException ex)
        {
            throw new ServiceTransportException(operation, "the connection failed: " + ex.Message, mayHaveReachedServer: true, ex);
        }
    }

    /// <summary>True only when the request certainly never left: no address, or the connection was refused.</summary>
    public static bool NeverConnected(Exception exception)
    {
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError })
        {
            return true;
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
                    or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain;
            }
        }

        return false;
    }

    private static string Describe(HttpRequestException ex) => ex.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "the host name could not be resolved",
        HttpRequestError.ConnectionError when NeverConnected(ex) => "the connection was refused",
        HttpRequestError.ConnectionError => "the connection failed",
        HttpRequestError.ResponseEnded => "the connection closed before a complete response",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed",
        _ => "the request failed: " + ex.Message,
    };
}
