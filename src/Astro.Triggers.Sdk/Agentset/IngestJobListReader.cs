using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Paging;

namespace Astro.Triggers.Sdk.Agentset;

/// <summary>Reads many ingest jobs' statuses through the namespace's job list (<see cref="IngestJobsClient.ListAsync"/>),
/// 100 jobs a page, newest first: a run group's cycle reads pages until every due job was shown or the page passed the
/// oldest of them (jobs are ordered by <c>createdAt</c>). Scope: the namespace and tenant of the job's per-call options.</summary>
internal sealed class IngestJobListReader(IngestJobsClient client) : RunListReader<IngestJob, IngestJob>
{
    protected override object? Scope(TriggeredRun<IngestJob> run)
    {
        var options = run.SourceState as AgentsetRequestOptions;
        return (options?.NamespaceId, options?.TenantId);
    }

    protected override AsyncPageable<IngestJob> List(TriggeredRun<IngestJob> sample, CancellationToken cancellationToken) =>
        client.ListAsync(new IngestJobListOptions { Order = SortDirection.Descending, PageSize = PageSize }, sample.SourceState as AgentsetRequestOptions, cancellationToken);

    protected override string? IdOf(IngestJob item) => item.Id;

    protected override bool Apply(TriggeredRun<IngestJob> run, IngestJob item)
    {
        run.Observe(item);
        return true;
    }

    protected override bool CannotShow(IngestJob last, IEnumerable<TriggeredRun<IngestJob>> waiting, int pages, int followed) =>
        PassedOldest(last.CreatedAt, waiting, job => job.CreatedAt, pages, followed);
}
