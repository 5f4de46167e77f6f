namespace Astro.Triggers.Sdk.Agentset;

/// <summary>Filters and order of an ingest-job listing.</summary>
public sealed class IngestJobListOptions
{
    /// <summary>Only jobs in one of these statuses.</summary>
    /// <value>The default value is <see langword="null"/>: every status.</value>
    public IReadOnlyCollection<IngestJobStatus>? Statuses { get; set; }

    /// <summary>The sort order of <c>createdAt</c>.</summary>
    /// <value>The default value is <see langword="null"/>: the service's default, newest first.</value>
    public SortDirection? Order { get; set; }

    /// <summary>Which way to page from the starting cursor: forward follows <c>nextCursor</c>,
    /// backward follows <c>prevCursor</c>.</summary>
    /// <value>The default value is <see cref="CursorDirection.Forward"/>.</value>
    public CursorDirection Direction { get; set; } = CursorDirection.Forward;

    /// <summary>Jobs per page, 1 to 100.</summary>
    /// <value>The default value is <see langword="null"/>: the service's default, 30.</value>
    public int? PageSize { get; set; }

    /// <summary>A saved cursor to start from.</summary>
    /// <value>The default value is <see langword="null"/>: the first page.</value>
    public string? StartCursor { get; set; }
}
