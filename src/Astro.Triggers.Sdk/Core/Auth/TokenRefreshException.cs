namespace Astro.Triggers.Sdk;

/// <summary>The service rejected the credential (401) and the <see cref="TokenProvider"/> failed to refresh it. Every
/// call that was waiting on that one refresh gets its own instance of this exception;
/// <see cref="Exception.InnerException"/> is what the provider threw. The request was not repeated, and the service
/// did not act on it (it answered 401).</summary>
public class TokenRefreshException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">What the token provider threw.</param>
    public TokenRefreshException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
