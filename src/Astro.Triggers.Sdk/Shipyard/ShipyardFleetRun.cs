using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Shipyard;

/// <summary>A triggered Shipyard fleet run. Its status is read from the fleet's runs CSV (the row whose "Fleet Log
/// ID" is <see cref="TriggeredRun.Id"/>); a run not in the CSV yet is queued with no raw status, not an error.
/// Mapping: <see cref="FleetRunStatusMap"/>.</summary>
public class ShipyardFleetRun : TriggeredRun<FleetRunRecord?>
{
    /// <summary>What to do instead of cancelling: Shipyard's API has no call that stops a fleet run.</summary>
    internal const string CannotCancel = "Shipyard's API has no call that stops a fleet run; stop it in the Shipyard app (Ids.LogUrl links to the run).";

    /// <summary>Creates a run handle.</summary>
    /// <param name="ids">The ids the trigger returned.</param>
    /// <param name="read">Reads the run's CSV row, with the caller's per-call options; null for a handle that cannot be updated.</param>
    /// <param name="mapping">Status mappings over the defaults.</param>
    /// <param name="timeProvider">The clock for polling waits.</param>
    protected internal ShipyardFleetRun(
        FleetRunIdentity ids, Func<CancellationToken, Task<FleetRunRecord?>>? read, IDictionary<string, RunStatus>? mapping, TimeProvider? timeProvider)
        : this(ids, null, read, mapping, timeProvider)
    {
    }

    /// <summary>Creates a run handle with a row already known (e.g. from a model factory).</summary>
    /// <param name="ids">The ids of the run.</param>
    /// <param name="record">The run's row; null while it is not visible.</param>
    /// <param name="read">Reads the run's CSV row; null for a handle that cannot be updated.</param>
    /// <param name="mapping">Status mappings over the defaults.</param>
    /// <param name="timeProvider">The clock for polling waits.</param>
    protected internal ShipyardFleetRun(
        FleetRunIdentity ids, FleetRunRecord? record, Func<CancellationToken, Task<FleetRunRecord?>>? read,
        IDictionary<string, RunStatus>? mapping, TimeProvider? timeProvider)
        : base(ShipyardClient.ServiceName, Guard.NotNull(ids).FleetRunId, record, Snapshotter(mapping), read, cancel: null, CannotCancel, timeProvider)
    {
        Ids = ids;
    }

    internal ShipyardFleetRun(
        FleetRunIdentity ids, Func<FleetRunRecord?, DateTimeOffset, RunSnapshot> snapshot, RunSource<FleetRunRecord?> source,
        RequestOptions? options, TimeProvider? timeProvider)
        : base(ShipyardClient.ServiceName, Guard.NotNull(ids).FleetRunId, null, snapshot, source, options, CannotCancel, timeProvider)
    {
        Ids = ids;
    }

    /// <summary>The ids of the run, its fleet, project and organisation, and the trigger's request id.</summary>
    public FleetRunIdentity Ids { get; }

    // A run not in the CSV yet is queued with no raw status, not an error. The CSV has no error column the docs
    // name; a failed run's error stays in Shipyard's logs (Ids.LogUrl).
    internal static Func<FleetRunRecord?, DateTimeOffset, RunSnapshot> Snapshotter(IDictionary<string, RunStatus>? mapping) =>
        (record, at) => new RunSnapshot(record is null ? RunStatus.Queued : FleetRunStatusMap.ToRunStatus(record.Status, mapping), record?.Status, null, at);
}
