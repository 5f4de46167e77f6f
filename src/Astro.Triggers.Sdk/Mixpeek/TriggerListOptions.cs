namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>Filters, sort and page size of a trigger list (sent in the JSON body of <c>POST /v1/triggers/list</c>).</summary>
public sealed class TriggerListOptions
{
    /// <summary>Only triggers of this action type, e.g. "cluster" (<c>action_type</c>).</summary>
    /// <value>The default value is <see langword="null"/>: every type.</value>
    public string? ActionType { get; set; }

    /// <summary>Only triggers of this schedule type, e.g. "cron" (<c>trigger_type</c>).</summary>
    /// <value>The default value is <see langword="null"/>: every type.</value>
    public string? TriggerType { get; set; }

    /// <summary>Only triggers in this status.</summary>
    /// <value>The default value is <see langword="null"/>: every status.</value>
    public TriggerStatus? Status { get; set; }

    /// <summary>Only triggers on this resource: a cluster or taxonomy id (<c>resource_id</c>).</summary>
    /// <value>The default value is <see langword="null"/>: any resource.</value>
    public string? ResourceId { get; set; }

    /// <summary>The field to sort by (<c>sort_by</c>), e.g. "created_at" or "next_scheduled_at".</summary>
    /// <value>The default value is <see langword="null"/>: the service's (created_at).</value>
    public string? SortBy { get; set; }

    /// <summary>The sort direction.</summary>
    /// <value>The default value is <see langword="null"/>: the service's (descending).</value>
    public Astro.Triggers.Sdk.SortDirection? Direction { get; set; }

    /// <summary>Triggers per page, 1–1000.</summary>
    /// <value>The default value is <see langword="null"/>: the service's default (50).</value>
    public int? PageSize { get; set; }

    /// <summary>Where to start, as a number of triggers to skip (also what a page's continuation token holds).</summary>
    /// <value>The default value is 0.</value>
    public int StartOffset { get; set; }
}
