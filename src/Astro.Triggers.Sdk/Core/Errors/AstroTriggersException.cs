namespace Astro.Triggers.Sdk;

/// <summary>The root of every failure this SDK raises: a service's error answer (<see cref="ServiceRequestException"/>
/// and its per-status subclasses), no usable answer (<see cref="ServiceTransportException"/>,
/// <see cref="ServiceTimeoutException"/>), an unreadable or oversized body (<see cref="ResponseDeserializationException"/>,
/// <see cref="ResponseTooLargeException"/>), a broken paging contract (<see cref="PagingException"/>), a failed credential
/// refresh (<see cref="TokenRefreshException"/>) and the outcome of waiting on a run (<see cref="RunFailedException"/>,
/// <see cref="RunWaitTimeoutException"/>). Catch it for "anything that went wrong in a call", or filter:
/// <c>catch (AstroTriggersException ex) when (ex.Status == 404)</c>. Arguments that break a rule are refused before
/// any request with <see cref="ArgumentException"/>, which is not part of this hierarchy.</summary>
public abstract class AstroTriggersException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, secrets masked.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    protected AstroTriggersException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The service called, e.g. "Agentset".</summary>
    public abstract string Service { get; }

    /// <summary>The OpenAPI operationId of the call (e.g. "createIngestJob"); empty where no single call failed
    /// (a run that ended failed).</summary>
    public abstract string OperationId { get; }

    /// <summary>The HTTP status of the response the failure came from; 0 when no response arrived (transport
    /// failures, timeouts) or the failure is not about one response (paging, runs, credential refresh).</summary>
    public abstract int Status { get; }

    /// <summary>The service's own error code when its answer had one (e.g. "rate_limit_exceeded"); null otherwise.</summary>
    public virtual string? ErrorCode => null;

    /// <summary>True when the service may have acted on the request: a non-idempotent call (create, trigger) that
    /// got an ambiguous answer (500, 502, 504), no answer after the request may have been sent, or a success answer
    /// whose body could not be read. The SDK never repeats such a request on its own; check before starting again.</summary>
    public abstract bool MayHaveBeenProcessed { get; }
}
