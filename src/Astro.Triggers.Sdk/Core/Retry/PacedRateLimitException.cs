using System.Globalization;
using Astro.Triggers.Sdk.Core.Http;

namespace Astro.Triggers.Sdk.Core.Retry;

/// <summary>The client's own 429: the service's known rate-limit budget for this client is spent until a reset moment
/// the call cannot wait for within its Timeout / MaxElapsed, so the request was NOT sent (<see cref="AstroTriggersException.MayHaveBeenProcessed"/>
/// is false, <see cref="ServiceRequestException.RetryAfter"/> is the wait). Catch it as <see cref="RateLimitExceededException"/>.</summary>
internal sealed class PacedRateLimitException(CallContext call, TimeSpan wait) : RateLimitExceededException(new ServiceErrorInfo
{
    Service = call.Operation.Service,
    OperationId = call.Operation.OperationId,
    Status = 429,
    ErrorCode = ErrorCodeValue,
    ServiceMessage = "not sent: the service's rate-limit budget for this client is spent",
    Method = call.Operation.Method,
    RetryAfter = wait,
    MayHaveBeenProcessed = false,
})
{
    /// <summary>The <see cref="AstroTriggersException.ErrorCode"/> of a call ended by the client's pacing.</summary>
    public const string ErrorCodeValue = "rate_limit_paced";

    /// <inheritdoc />
    public override string Message => string.Create(CultureInfo.InvariantCulture,
        $"{Info.Service} {Info.OperationId} was not sent (client-side rate-limit pacing, {ErrorCodeValue}): the service's rate-limit budget for this client is spent and resets in {Info.RetryAfter}, later than the call's remaining time budget allows. Nothing reached the service; it is safe to try again after the reset.");
}
