namespace Astro.Triggers.Sdk;

/// <summary>The order of a sorted list, for every service that sorts (Agentset <c>order</c>, TrueFoundry <c>order</c>,
/// Mixpeek <c>direction</c>; all send <c>asc</c>/<c>desc</c>).</summary>
public enum SortDirection
{
    /// <summary>Oldest or smallest first (<c>asc</c>).</summary>
    Ascending,

    /// <summary>Newest or largest first (<c>desc</c>).</summary>
    Descending,
}
