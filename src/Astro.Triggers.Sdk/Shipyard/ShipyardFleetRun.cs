
namespace Astro.Triggers.Sdk.Shipyard;

/// <summary>A triggered Shipyard fleet run. Its status is read from the fleet's runs CSV (the row whose "Fleet Log
/// ID" is <see cref="TriggeredRun.Id"/>); a run not in the CSV yet is queued with no raw status, not an error.
/// Mapping: <see cref="FleetRunStatusMap"/>.</summary>
public class ShipyardFleetRun : TriggeredRun
{
    private readonly ShipyardClient? _client;
    private readonly IDictionary<string, RunStatus>? _mapping;
    private FleetRunRecord? _record;

    /// <summary>Creates a run handle (tests may create their own).</summary>
    /// <param name="ids">The ids the trigger returned.</param>
    /// <param name="client">The client to read the status with.</param>
    /// <param name="mapping">Status mappings over the defaults.</param>
    /// <param name="timeProvider">The clock for polling waits.</param>
    protected internal ShipyardFleetRun(FleetRunIdentity ids, ShipyardClient? client, IDictionary<string, RunStatus>? mapping, TimeProvider? timeProvider)
        : base(ShipyardClient.ServiceName, (ids ?? throw new ArgumentNullException(nameof(ids))).FleetRunId,
            new RunSnapshot(RunStatus.Queued, null, null, (timeProvider ?? TimeProvider.System).GetUtcNow()), timeProvider)
    {
        Ids = ids;
        _client = client;
        _mapping = mapping;
    }

    /// <summary>The ids of the run, its fleet, project and organisation, and the trigger's request id.</summary>
    public FleetRunIdentity Ids { get; }

    /// <summary>The run's CSV row as last read; null while it is not yet visible.</summary>
    public virtual FleetRunRecord? Record => Volatile.Read(ref _record);

    /// <inheritdoc />
    protected override async Task<RunSnapshot> FetchStatusAsync(CancellationToken cancellationToken)
    {
        if (_client is null)
        {
            throw new InvalidOperationException("This run was created without a client to read its status.");
        }

        var record = await _client.GetFleetRunAsync(Ids.OrgId, Ids.ProjectId, Ids.FleetId, Id, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        Volatile.Write(ref _record, record);
        var status = FleetRunStatusMap.ToRunStatus(record?.Status, _mapping);
        // The CSV has no error column the docs name; a failed run's error stays in Shipyard's logs (Ids.LogUrl).
        return new RunSnapshot(status, record?.Status, null, Now());
    }
}
