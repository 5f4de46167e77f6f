namespace Astro.Triggers.Sdk.TrueFoundry;

/// <summary>Filters, order and page size of a run list.</summary>
public sealed class JobRunListOptions
{
    /// <summary>Only runs in these statuses.</summary>
    /// <value>The default value is <see langword="null"/>: every status.</value>
    public IReadOnlyCollection<JobRunStatus>? Statuses { get; set; }

    /// <summary>Only runs triggered by these subjects.</summary>
    /// <value>The default value is <see langword="null"/>: anyone.</value>
    public IReadOnlyCollection<string>? TriggeredBy { get; set; }

    /// <summary>Only runs of these deployment versions, sent as repeated keys (<c>versionNumbers=3&amp;versionNumbers=4</c>).</summary>
    /// <value>The default value is <see langword="null"/>: every version.</value>
    public IReadOnlyCollection<int>? VersionNumbers { get; set; }

    /// <summary>Only runs whose name starts with this.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? SearchPrefix { get; set; }

    /// <summary>The field to sort by.</summary>
    /// <value>The default value is <see langword="null"/>: the service's order.</value>
    public JobRunSortBy? SortBy { get; set; }

    /// <summary>The sort order.</summary>
    /// <value>The default value is <see langword="null"/>: the service's order.</value>
    public SortDirection? Order { get; set; }

    /// <summary>Runs per page, 1–1000.</summary>
    /// <value>The default value is <see langword="null"/>: the service's default (10).</value>
    public int? PageSize { get; set; }

    /// <summary>Where to start, as a number of runs to skip (also what a page's continuation token holds).</summary>
    /// <value>The default value is 0.</value>
    public int StartOffset { get; set; }
}
