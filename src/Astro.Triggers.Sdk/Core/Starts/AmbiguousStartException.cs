namespace Astro.Triggers.Sdk;

/// <summary>A reconciled start (<c>StartReconciledAsync</c>) whose create or trigger got an ambiguous answer that
/// reconciliation could not settle: the service may have acted on it, and the SDK did not repeat it.
/// <see cref="Exception.InnerException"/> is the ambiguous failure itself.</summary>
public sealed class AmbiguousStartException : AstroTriggersException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">The ambiguous failure of the create or trigger.</param>
    /// <param name="reconciliation">What reconciliation found (<see cref="Sdk.Reconciliation.Unknown"/>,
    /// <see cref="Sdk.Reconciliation.Unsupported"/>, or <see cref="Sdk.Reconciliation.NotCreated"/> when the one resend
    /// was ambiguous too and proven absent again).</param>
    public AmbiguousStartException(AstroTriggersException failure, Reconciliation reconciliation)
        : base(BuildMessage(failure ?? throw new ArgumentNullException(nameof(failure)), reconciliation), failure)
    {
        Failure = failure;
        Reconciliation = reconciliation;
    }

    /// <summary>The ambiguous failure of the create or trigger (also the <see cref="Exception.InnerException"/>).</summary>
    public AstroTriggersException Failure { get; }

    /// <summary>What reconciliation found.</summary>
    public Reconciliation Reconciliation { get; }

    /// <inheritdoc />
    public override string Service => Failure.Service;

    /// <inheritdoc />
    public override string OperationId => Failure.OperationId;

    /// <inheritdoc />
    public override int Status => Failure.Status;

    /// <inheritdoc />
    public override string? ErrorCode => Failure.ErrorCode;

    /// <summary>True unless reconciliation proved the request absent (<see cref="Sdk.Reconciliation.NotCreated"/>).</summary>
    public override bool MayHaveBeenProcessed => Reconciliation != Reconciliation.NotCreated;

    private static string BuildMessage(AstroTriggersException failure, Reconciliation reconciliation) =>
        $"{failure.Service} {failure.OperationId}: the answer was lost and reconciliation found {reconciliation} " + reconciliation switch
        {
            Reconciliation.Unsupported => "(the service has no key or history to look it up by); the request was not repeated.",
            Reconciliation.NotCreated => "after the one resend; it was not sent a third time.",
            _ => "; the request may have been processed and was not repeated.",
        };
}
