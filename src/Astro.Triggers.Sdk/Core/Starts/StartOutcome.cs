namespace Astro.Triggers.Sdk;

/// <summary>How one request of a start-many ended, reported as soon as it did (completion order, not input order).</summary>
/// <typeparam name="TRequest">The request type, e.g. <c>CreateIngestJobRequest</c>.</typeparam>
/// <typeparam name="TRun">The run handle a start returns, e.g. <c>IngestJobRun</c>.</typeparam>
public sealed class StartOutcome<TRequest, TRun>
    where TRun : class
{
    internal StartOutcome(long index, TRequest request, StartOutcomeKind kind, TRun? run, Exception? error, Reconciliation reconciliation, bool resent)
    {
        Index = index;
        Request = request;
        Kind = kind;
        Run = run;
        Error = error;
        Reconciliation = reconciliation;
        Resent = resent;
    }

    /// <summary>The request's position in the input, from 0.</summary>
    public long Index { get; }

    /// <summary>The request as given.</summary>
    public TRequest Request { get; }

    /// <summary>Started, refused or ambiguous.</summary>
    public StartOutcomeKind Kind { get; }

    /// <summary>The run when <see cref="Kind"/> is <see cref="StartOutcomeKind.Started"/>; otherwise <see langword="null"/>.</summary>
    public TRun? Run { get; }

    /// <summary>When <see cref="Kind"/> is <see cref="StartOutcomeKind.Refused"/>: the typed error (an
    /// <see cref="AstroTriggersException"/> subclass, or the <see cref="ArgumentException"/> of a request that broke a
    /// rule). When <see cref="StartOutcomeKind.Ambiguous"/>: the ambiguous failure (its <c>MayHaveBeenProcessed</c> is
    /// true). <see langword="null"/> when started.</summary>
    public Exception? Error { get; }

    /// <summary>What reconciling an ambiguous answer found; <see cref="Sdk.Reconciliation.None"/> when the first answer
    /// was clear. A <see cref="StartOutcomeKind.Started"/> outcome with <see cref="Sdk.Reconciliation.Created"/> is a
    /// run whose create answer was lost and that was found, not created twice.</summary>
    public Reconciliation Reconciliation { get; }

    /// <summary>True when the first attempt was proven not to have been acted on
    /// (<see cref="Sdk.Reconciliation.NotCreated"/>) and the request was sent once more — this outcome is that second
    /// send's. Never more than one resend.</summary>
    public bool Resent { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"#{Index} {Kind}" + (Reconciliation == Reconciliation.None ? "" : $" (reconciliation: {Reconciliation}{(Resent ? ", resent once" : "")})");
}
