namespace Astro.Triggers.Sdk;

/// <summary>How one start of many ended (<see cref="StartOutcome{TRequest, TRun}.Kind"/>).</summary>
public enum StartOutcomeKind
{
    /// <summary>The run exists: the service answered, or reconciliation found it. <see cref="StartOutcome{TRequest, TRun}.Run"/> is set.</summary>
    Started,

    /// <summary>The service certainly did not act on the request: it refused it (a 4xx, a 429 the retries did not get
    /// past), the request broke an argument rule, or the connection never carried it.
    /// <see cref="StartOutcome{TRequest, TRun}.Error"/> is the typed error.</summary>
    Refused,

    /// <summary>The service may have acted on the request and reconciliation could not decide (or the service offers
    /// none): the request was not repeated. <see cref="StartOutcome{TRequest, TRun}.Error"/> is the ambiguous failure
    /// and <see cref="StartOutcome{TRequest, TRun}.Reconciliation"/> says why it stays open.</summary>
    Ambiguous,
}
