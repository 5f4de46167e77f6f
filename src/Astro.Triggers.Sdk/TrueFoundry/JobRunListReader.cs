using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Paging;

namespace Astro.Triggers.Sdk.TrueFoundry;

/// <summary>Reads many job runs' statuses through the runs of their application (<see cref="JobRunsClient.ListAsync"/>),
/// 100 runs a page, newest first: a run group's cycle reads pages until every due run was shown or the page passed the
/// oldest of them. Scope: the application id (a run started by deployment id has none and is read on its own).</summary>
internal sealed class JobRunListReader(JobRunsClient client) : RunListReader<JobRun, JobRun>
{
    protected override object? Scope(TriggeredRun<JobRun> run) => ((TrueFoundryJobRun)run).ApplicationId;

    protected override AsyncPageable<JobRun> List(TriggeredRun<JobRun> sample, CancellationToken cancellationToken) =>
        client.ListAsync(
            ((TrueFoundryJobRun)sample).ApplicationId!,
            new JobRunListOptions { SortBy = JobRunSortBy.StartTime, Order = SortDirection.Descending, PageSize = PageSize },
            sample.SourceState as RequestOptions,
            cancellationToken);

    protected override string? IdOf(JobRun item) => item.Name;

    protected override bool Apply(TriggeredRun<JobRun> run, JobRun item)
    {
        // The list's row may leave out what the trigger's answer named (the application id the run is read under).
        item.ApplicationId ??= run.Value.ApplicationId;
        item.DeploymentId ??= run.Value.DeploymentId;
        run.Observe(item);
        return true;
    }

    protected override bool CannotShow(JobRun last, IEnumerable<TriggeredRun<JobRun>> waiting, int pages, int followed) =>
        PassedOldest(last.CreatedAtUtc, waiting, run => run.CreatedAtUtc, pages, followed);
}
