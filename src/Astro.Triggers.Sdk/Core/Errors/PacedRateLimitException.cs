using System.Globalization;
using Astro.Triggers.Sdk.Core.Http;

namespace Astro.Triggers.Sdk;

/// <summary>The client's own 429, raised before anything is sent: the service's last answer said this client's
/// rate-limit window is spent (<c>X-RateLimit-Remaining: 0</c>, or a 429 with its hint) until a moment the call cannot
/// wait for within what is left of its <c>Timeout</c> and <c>Retry.MaxElapsed</c> (or, for a status read of a run wait,
/// before the wait's deadline), or that time ran out while it queued behind the attempts in flight. Thrown only with <see cref="ServiceClientOptions.RateLimitPacing"/> on.</summary>
/// <remarks>
/// <para><see cref="AstroTriggersException.MayHaveBeenProcessed"/> is always false (nothing reached the service: a
/// create or trigger is safe to send again), <see cref="ServiceRequestException.Status"/> is 429,
/// <see cref="AstroTriggersException.ErrorCode"/> is <see cref="ErrorCodeValue"/> (<c>rate_limit_paced</c>), and
/// <see cref="ServiceRequestException.RetryAfter"/> is how long until the window resets (or until the client's picture
/// of it may change).</para>
/// <para>It derives from <see cref="RateLimitExceededException"/>, so code that handles the service's 429 handles this
/// one too; catch it by this type (or test <c>ErrorCode</c>) to tell "the client held it back" from "the service refused
/// it". It is never retried by the SDK: the wait did not fit the call's budget.</para>
/// </remarks>
public class PacedRateLimitException : RateLimitExceededException
{
    /// <summary>The <see cref="AstroTriggersException.ErrorCode"/> of a call ended by the client's pacing.</summary>
    public const string ErrorCodeValue = "rate_limit_paced";

    /// <summary>Creates the exception (for users' own tests; the SDK raises it itself).</summary>
    /// <param name="service">The service called, e.g. <c>Agentset</c>.</param>
    /// <param name="operationId">The OpenAPI operationId.</param>
    /// <param name="method">The HTTP method the request would have used.</param>
    /// <param name="retryAfter">How long until the window resets.</param>
    public PacedRateLimitException(string service, string operationId, string method, TimeSpan retryAfter)
        : base(new ServiceErrorInfo
        {
            Service = service,
            OperationId = operationId,
            Status = 429,
            ErrorCode = ErrorCodeValue,
            ServiceMessage = "not sent: the service's rate-limit budget for this client is spent",
            Method = method,
            RetryAfter = retryAfter,
            MayHaveBeenProcessed = false,
        })
    {
    }

    internal PacedRateLimitException(CallContext call, TimeSpan wait)
        : this(call.Operation.Service, call.Operation.OperationId, call.Operation.Method, wait)
    {
        _boundByWait = call.SleepBoundByWait;
    }

    // The wait that did not fit ended at a run wait's deadline rather than at the call's budget: the message says which.
    private readonly bool _boundByWait;

    /// <inheritdoc />
    public override string Message => string.Create(CultureInfo.InvariantCulture,
        $"{Info.Service} {Info.OperationId} was not sent (client-side rate-limit pacing, {ErrorCodeValue}): the service's rate-limit budget for this client is spent and resets in {Core.HumanDuration.Format(Info.RetryAfter ?? TimeSpan.Zero)}, later than {(_boundByWait ? "the deadline of the run wait this read was for" : "the call's remaining time budget")} allows. Nothing reached the service; it is safe to try again after the reset.");
}
