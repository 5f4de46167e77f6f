namespace Astro.Triggers.Sdk;

/// <summary>What reconciling an ambiguous start found out: whether the service acted on a create or trigger whose
/// answer was lost (a 500, a reset connection, a timeout after sending). README, "Start many, exactly once".</summary>
public enum Reconciliation
{
    /// <summary>Nothing was reconciled: the answer said what happened, or reconciliation was off
    /// (<see cref="StartManyOptions.Reconcile"/> null).</summary>
    None,

    /// <summary>The service did act: the run was found (Agentset: a job of the namespace with the request's
    /// <c>ExternalId</c>, created since just before the call; Mixpeek: the one execution of the trigger since the call).</summary>
    Created,

    /// <summary>Proven absent: the lookup covered every job or execution since just before the call and none was the
    /// request's. The SDK then sends the request once more — exactly once.</summary>
    NotCreated,

    /// <summary>The lookup could not decide: it failed itself, or (Mixpeek) more than one execution since the call could
    /// be this one. The request was not repeated.</summary>
    Unknown,

    /// <summary>The service has no natural key or attributable history to look in (Astropod, Shipyard, TrueFoundry), or the
    /// request has no key (an Agentset job without <c>ExternalId</c>): the outcome stays "may have been processed" and
    /// nothing is resent.</summary>
    Unsupported,
}
