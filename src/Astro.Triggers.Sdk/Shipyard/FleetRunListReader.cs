using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Paging;

namespace Astro.Triggers.Sdk.Shipyard;

/// <summary>Reads many fleet runs' statuses from their fleet's runs CSV (<see cref="FleetRunsClient.ListAsync"/>): one
/// request shows every run of the fleet, so a run group's cycle costs one read per fleet. A run the CSV does not show is
/// not listed yet (queued), which a read of its own would not change. Scope: organisation, project and fleet.</summary>
internal sealed class FleetRunListReader(FleetRunsClient client) : RunListReader<FleetRunRecord?, FleetRunRecord>
{
    protected override StringComparer IdComparer => StringComparer.OrdinalIgnoreCase;

    protected override bool ListIsComplete => true;

    protected override object? Scope(TriggeredRun<FleetRunRecord?> run)
    {
        var ids = ((ShipyardFleetRun)run).Ids;
        return (ids.OrgId, ids.ProjectId, ids.FleetId);
    }

    protected override AsyncPageable<FleetRunRecord> List(TriggeredRun<FleetRunRecord?> sample, CancellationToken cancellationToken)
    {
        var ids = ((ShipyardFleetRun)sample).Ids;
        return client.ListAsync(ids.OrgId, ids.ProjectId, ids.FleetId, sample.SourceState as RequestOptions, cancellationToken);
    }

    protected override string? IdOf(FleetRunRecord item) => item.FleetLogId?.Trim();

    protected override bool Apply(TriggeredRun<FleetRunRecord?> run, FleetRunRecord item)
    {
        run.Observe(item);
        return true;
    }
}
