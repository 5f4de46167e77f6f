namespace Astro.Triggers.Sdk.Core.Retry;

/// <summary>One attempt ran past <see cref="RetryOptions.AttemptTimeout"/> (not the call's budget, not the caller's
/// cancellation). Internal: <see cref="Http.CallRunner"/> turns it into a <see cref="ServiceTimeoutException"/> that may
/// have been processed, with this as its inner exception.</summary>
internal sealed class AttemptTimeoutException : TimeoutException
{
    public AttemptTimeoutException(TimeSpan timeout, Exception? innerException)
        : base($"The attempt did not complete within its timeout of '{timeout}'.", innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The attempt timeout that ran out.</summary>
    public TimeSpan Timeout { get; }
}
