using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Shipyard;

/// <summary>Builds Shipyard results for your own unit tests, e.g. what a substituted <see cref="FleetRunsClient"/>
/// returns: a runs-CSV row (<see cref="Shipyard.FleetRunRecord"/>) and the run handle, which only the SDK can
/// construct. <see cref="FleetRunIdentity"/> is a record and is built directly.</summary>
public static class ShipyardModelFactory
{
    /// <summary>One row of a fleet's runs CSV.</summary>
    /// <param name="fleetLogId">The "Fleet Log ID" column (the run id); the default (null) leaves the column out
    /// unless <paramref name="columns"/> has it.</param>
    /// <param name="status">The "Status" column, e.g. "Success"; the default (null) leaves the column out unless
    /// <paramref name="columns"/> has it.</param>
    /// <param name="columns">Further columns by header name (case-sensitive, as Shipyard sends them); the two above
    /// win over entries of the same name. Copied. The default is null: no further columns.</param>
    /// <returns>The row.</returns>
    public static FleetRunRecord FleetRunRecord(
        string? fleetLogId = null, string? status = null, IReadOnlyDictionary<string, string>? columns = null)
    {
        var row = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in columns ?? new Dictionary<string, string>())
        {
            row[name] = value;
        }

        if (fleetLogId is not null)
        {
            row[FleetRunCsv.FleetLogIdColumn] = fleetLogId;
        }

        if (status is not null)
        {
            row[FleetRunCsv.StatusColumn] = status;
        }

        return new FleetRunRecord(row);
    }

    /// <summary>A run handle in a given state, without a client. Its status comes from <paramref name="record"/>'s
    /// "Status" column through <see cref="FleetRunStatusMap"/> (a null record is a run not yet in the CSV: queued):
    /// for a succeeded, failed or cancelled run <c>WaitForCompletionAsync</c> returns at once (failed and cancelled
    /// throw <see cref="RunFailedException"/>, as from a client, unless <see cref="RunWaitOptions.ThrowOnFailure"/> is
    /// off); for any other state it throws <see cref="InvalidOperationException"/>, because there is no client to read
    /// the status with. <see cref="TriggeredRun.CanCancel"/> is false, as on a real Shipyard run.</summary>
    /// <param name="ids">The ids of the run; <see cref="FleetRunIdentity.FleetRunId"/> is the handle's id.</param>
    /// <param name="record">The run's CSV row; null while it is not visible.</param>
    /// <param name="statusMapping">Status mappings over the defaults, as <see cref="ShipyardClientOptions.StatusMapping"/>;
    /// the default is null: the defaults only.</param>
    /// <returns>The run handle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is null.</exception>
    /// <exception cref="ArgumentException">The run id is empty.</exception>
    public static ShipyardFleetRun ShipyardFleetRun(
        FleetRunIdentity ids, FleetRunRecord? record, IDictionary<string, RunStatus>? statusMapping = null)
    {
        Guard.NotNull(ids);
        return new ShipyardFleetRun(
            ids, record, DetachedRun.NoRead<FleetRunRecord?>(ShipyardClient.ServiceName, nameof(ShipyardModelFactory), ids.FleetRunId),
            statusMapping, timeProvider: null);
    }
}
