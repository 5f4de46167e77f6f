namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>Page size and start of a trigger's execution history.</summary>
public sealed class TriggerHistoryOptions
{
    /// <summary>Executions per page, 1–1000.</summary>
    /// <value>The default value is <see langword="null"/>: the service's default (50).</value>
    public int? PageSize { get; set; }

    /// <summary>Where to start, as a number of executions to skip (also what a page's continuation token holds).</summary>
    /// <value>The default value is 0.</value>
    public int StartOffset { get; set; }
}
