namespace Astro.Triggers.Sdk;

/// <summary>The service's paging broke its own contract (a cursor repeated, or "more" without a cursor);
/// enumeration stops instead of looping or silently ending early.</summary>
public class PagingException : AstroTriggersException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the service did wrong.</param>
    public PagingException(string message)
        : this(string.Empty, string.Empty, message)
    {
    }

    /// <summary>Creates the exception for one service's list.</summary>
    /// <param name="service">The service whose list broke its contract.</param>
    /// <param name="operationId">The list operation.</param>
    /// <param name="message">What the service did wrong.</param>
    public PagingException(string service, string operationId, string message)
        : base(message, innerException: null)
    {
        Service = service ?? string.Empty;
        OperationId = operationId ?? string.Empty;
    }

    /// <inheritdoc />
    public override string Service { get; }

    /// <inheritdoc />
    public override string OperationId { get; }

    /// <summary>Always 0: every page was answered with success; the pages together broke the contract.</summary>
    public override int Status => 0;

    /// <summary>Always false: lists only read.</summary>
    public override bool MayHaveBeenProcessed => false;
}
