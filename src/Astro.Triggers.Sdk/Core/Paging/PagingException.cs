namespace Astro.Triggers.Sdk;

/// <summary>The service's paging broke its own contract (a cursor repeated, or "more" without a cursor);
/// enumeration stops instead of looping or silently ending early.</summary>
public class PagingException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the service did wrong.</param>
    public PagingException(string message)
        : base(message)
    {
    }
}
