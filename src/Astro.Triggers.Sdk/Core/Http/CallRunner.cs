using System.Diagnostics;
using System.Net.Sockets;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Retry;
using Astro.Triggers.Sdk.Core.Telemetry;

namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>Runs one generated call: every attempt (send, then body read) through the retry layer, all of it under
/// the call's overall budget, each attempt under the attempt timeout; turns what is left of a failure into the
/// SDK's exceptions. A caller's own cancellation passes through as a plain OperationCanceledException.</summary>
internal static class CallRunner
{
    /// <summary>Runs the call inside its operation span (when someone listens) and records its duration; a failure
    /// marks the span Error with <c>error.type</c> and is logged once at Warning.</summary>
    /// <remarks><paramref name="args"/> (the generated interface and the operation's arguments) is handed to a static
    /// <paramref name="send"/>, so a call allocates no closure or delegate of its own.</remarks>
    public static async ValueTask<T> RunAsync<TArgs, T>(
        ServiceClientOptions client,
        RequestOptions? options,
        OperationInfo operation,
        TArgs args,
        Func<TArgs, CallContext, CancellationToken, Task<HttpResponseMessage>> send,
        Func<HttpResponseMessage, CallContext, CancellationToken, ValueTask<T>> read,
        CancellationToken cancellationToken)
    {
        // Made here, inside the returned task: a per-call option that breaks a rule faults the task like any failure.
        var call = CallContext.Create(client, options, operation);
        using var activity = SdkTelemetry.ActivitySource.HasListeners()
            ? SdkTelemetry.ActivitySource.StartActivity(operation.SpanName, ActivityKind.Internal)
            : null;
        if (activity is not null)
        {
            activity.SetTag("astro.service", operation.Service);
            activity.SetTag("astro.operation", operation.OperationId);
            call.Activity = activity;
        }

        var started = call.TimeProvider.GetTimestamp();
        string? errorType = null;
        try
        {
            return await RunCoreAsync(call, args, send, read, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            errorType = SdkTelemetry.ErrorType(ex);
            if (activity is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, call.Secrets.Mask(ex.Message));
                activity.SetTag("error.type", errorType);
                if (ex is ServiceRequestException answered)
                {
                    activity.SetTag("http.response.status_code", answered.Status);
                }
            }

            OperationLog.Failed(call, ex);
            throw;
        }
        finally
        {
            activity?.SetTag("astro.attempts", call.Attempts);
            if (SdkTelemetry.OperationDuration.Enabled)
            {
                var tags = new TagList { { "astro.service", operation.Service }, { "astro.operation", operation.OperationId } };
                if (errorType is not null)
                {
                    tags.Add("error.type", errorType);
                }

                SdkTelemetry.OperationDuration.Record(call.TimeProvider.GetElapsedTime(started).TotalSeconds, tags);
            }

            // Every attempt has ended and nothing holds the context any more (see CallContext).
            CallContext.Release(call);
        }
    }

    // A ValueTask: completing synchronously (a canned or cached answer) it allocates nothing of its own.
    private static async ValueTask<T> RunCoreAsync<TArgs, T>(
        CallContext call,
        TArgs args,
        Func<TArgs, CallContext, CancellationToken, Task<HttpResponseMessage>> send,
        Func<HttpResponseMessage, CallContext, CancellationToken, ValueTask<T>> read,
        CancellationToken cancellationToken)
    {
        var operation = call.Operation;
        call.StartedAt = call.TimeProvider.GetTimestamp();
        var callSource = CallCancellation.Rent(call.TimeProvider, call.Timeout, cancellationToken, out var callerLink);
        try
        {
            return await RetryPipeline.ExecuteAsync(
                call,
                static async (state, token) =>
                {
                    try
                    {
                        state.call.NextAttempt();
                        HttpResponseMessage response;
                        try
                        {
                            response = await state.send(state.args, state.call, token).ConfigureAwait(false);
                        }
                        catch when (state.call.Pacer is { } pacer)
                        {
                            // No answer: the slot this attempt took no longer counts as in flight.
                            pacer.Abandon(state.call.PacingTicket);
                            throw;
                        }

                        // Every answer (success, 429 or any error) updates the client's rate-limit picture.
                        state.call.Pacer?.Observe(response.Headers, (int)response.StatusCode, state.call.PacingTicket);
                        return await state.read(response, state.call, token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (state.call.AttemptNeverSent && NeverSent(ex, state.call, token, state.callToken) is { } unsent)
                    {
                        // Not one byte of the request was written (connect, TLS or the wait for a connection failed or
                        // ran out of time): the service cannot have acted, so even a create may be tried again.
                        throw unsent;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException && token.IsCancellationRequested)
                    {
                        // A read cancelled mid-body can surface as an I/O error; what happened is the cancellation
                        // (attempt timeout, budget or caller), which the timeout layer and the mapping below tell apart.
                        throw new OperationCanceledException(token);
                    }
                },
                (call, args, send, read, callToken: callSource.Token),
                callSource.Token,
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (AttemptTimeoutException ex)
        {
            throw new ServiceTimeoutException(operation, call.Retry.AttemptTimeout, mayHaveBeenProcessed: true, ex);
        }
        catch (OperationCanceledException ex)
        {
            // Not the caller's token: the overall budget ran out.
            throw new ServiceTimeoutException(operation, call.Timeout, mayHaveBeenProcessed: call.Attempts > 0, ex);
        }
        catch (HttpRequestException ex)
        {
            var reached = !NeverConnected(ex);
            throw new ServiceTransportException(operation, call.Secrets.Mask(Describe(ex))!, reached, ex);
        }
        catch (IOException ex)
        {
            throw new ServiceTransportException(
                operation, call.Secrets.Mask("the connection failed: " + ex.Message)!, mayHaveBeenProcessed: true, ex);
        }
        finally
        {
            CallCancellation.Return(call.TimeProvider, callSource, callerLink);
        }
    }

    /// <summary>The "never sent" failure of an attempt that wrote nothing (<see cref="CallContext.AttemptNeverSent"/>):
    /// the connect timeout, the attempt timeout or call budget running out while connecting, or a connect/TLS failure;
    /// null for the caller's own cancellation, which passes through as it is.</summary>
    private static ServiceTransportException? NeverSent(Exception ex, CallContext call, CancellationToken attemptToken, CancellationToken callToken)
    {
        var operation = call.Operation;
        if (call.CallerToken.IsCancellationRequested)
        {
            return null;
        }

        if (attemptToken.IsCancellationRequested)
        {
            var (timeout, which) = callToken.IsCancellationRequested ? (call.Timeout, "call's timeout") : (call.Retry.AttemptTimeout, "attempt timeout");
            return new ServiceTimeoutException(
                operation, $"the {which} of {HumanDuration.Format(timeout)} ran out while the connection was still being established", timeout, mayHaveBeenProcessed: false, ex);
        }

        return ex switch
        {
            // SocketsHttpHandler's ConnectTimeout: a cancellation carrying a TimeoutException, on no token of ours.
            OperationCanceledException { InnerException: TimeoutException } => new ServiceTimeoutException(
                operation, $"no connection was established within the connect timeout of {HumanDuration.Format(call.ConnectTimeout)}", call.ConnectTimeout,
                mayHaveBeenProcessed: false, ex),
            HttpRequestException http => new ServiceTransportException(operation, call.Secrets.Mask(Describe(http))!, mayHaveBeenProcessed: false, ex),
            IOException => new ServiceTransportException(
                operation, call.Secrets.Mask("the connection failed before the request was sent: " + ex.Message)!, mayHaveBeenProcessed: false, ex),
            _ => null,
        };
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
