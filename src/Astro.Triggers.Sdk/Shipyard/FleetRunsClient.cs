using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Shipyard.Generated;

using Astro.Triggers.Sdk.Core.Paging;
namespace Astro.Triggers.Sdk.Shipyard;

/// <summary>Shipyard fleet runs: start (with per-vessel environment overrides), get, list, track. Every argument is
/// checked before a request is sent. Members are virtual so tests can mock them.</summary>
public class FleetRunsClient
{
    private readonly ShipyardOperations _operations = null!;
    private readonly ShipyardClientOptions _options = null!;
    private readonly RunSource<FleetRunRecord?> _runs = null!;
    private readonly Func<FleetRunRecord?, DateTimeOffset, RunSnapshot> _snapshot = null!;

    /// <summary>For mocking.</summary>
    protected FleetRunsClient()
    {
    }

    internal FleetRunsClient(ShipyardOperations operations, ShipyardClientOptions options)
    {
        _operations = operations;
        _options = options;
        _snapshot = ShipyardFleetRun.Snapshotter(options.StatusMapping);
        _runs = new RunSource<FleetRunRecord?>(
            (run, ct) =>
            {
                var ids = ((ShipyardFleetRun)run).Ids;
                return GetAsync(ids.OrgId, ids.ProjectId, ids.FleetId, ids.FleetRunId, (RequestOptions?)run.SourceState, ct);
            },
            Cancel: null) { Lister = new FleetRunListReader(this) };
    }

    /// <summary>Schedules a fleet run now. Each override names a vessel (case-sensitive) and its variables: a value
    /// sets it, <c>""</c> sets it empty, <c>null</c> leaves the vessel's own value. Not idempotent: a timeout after
    /// sending or a 500 is thrown with <c>MayHaveBeenProcessed</c> and never repeated by the SDK.</summary>
    /// <param name="orgId">The organisation id.</param>
    /// <param name="projectId">The project id.</param>
    /// <param name="fleetId">The fleet id.</param>
    /// <param name="vesselOverrides">Per-vessel environment-variable overrides; null or empty for none.</param>
    /// <param name="options">Per-call retry and timeout; every status read of the returned run uses them too.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run; call <c>WaitForCompletionAsync</c> on it.</returns>
    /// <exception cref="BadRequestException">Shipyard refused it (its 400 carries only a request id).</exception>
    /// <exception cref="ArgumentException">An argument breaks its rule (the message names it); nothing was sent.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual async Task<ShipyardFleetRun> StartAsync(
        string orgId, string projectId, string fleetId, IEnumerable<VesselOverride>? vesselOverrides = null,
        RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckFleet(orgId, projectId, fleetId);
        var body = new TriggerFleetRunRequest { VesselOverrides = CheckOverrides(vesselOverrides) };
        var response = await _operations.TriggerFleetRunAsync(orgId, projectId, fleetId, body, options, cancellationToken)
            .ConfigureAwait(false);
        var runId = WireRunId.Required(response.Data?.FleetRunId, ShipyardOperations.TriggerFleetRunOperation, 201, "data.fleet_run_id");

        var ids = new FleetRunIdentity(
            response.Request?.Id, response.Data!.OrgId ?? orgId, response.Data.ProjectId ?? projectId, response.Data.FleetId ?? fleetId, runId, response.Log);
        return Handle(ids, options);
    }

    /// <summary>Follows an existing run by id, e.g. one a previous CI step started (rehydration): no request is sent
    /// until its status is read.</summary>
    /// <param name="orgId">The organisation id.</param>
    /// <param name="projectId">The project id.</param>
    /// <param name="fleetId">The fleet id.</param>
    /// <param name="fleetRunId">The run id.</param>
    /// <param name="options">Per-call retry and timeout for every status read.</param>
    /// <returns>The run handle.</returns>
    /// <exception cref="ArgumentException">An id is empty, ".", "..", or holds a control character.</exception>
    public virtual ShipyardFleetRun Track(string orgId, string projectId, string fleetId, string fleetRunId, RequestOptions? options = null)
    {
        CheckFleet(orgId, projectId, fleetId);
        Guard.NotNullOrWhiteSpace(fleetRunId);
        return Handle(new FleetRunIdentity(null, orgId, projectId, fleetId, fleetRunId, null), options);
    }

    /// <summary>The fleet's runs, one record per row of the CSV Shipyard answers. Shipyard does not page this list:
    /// it is one page, fetched when enumerated.</summary>
    /// <param name="orgId">The organisation id.</param>
    /// <param name="projectId">The project id.</param>
    /// <param name="fleetId">The fleet id.</param>
    /// <param name="options">Per-call retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The runs, in the CSV's order.</returns>
    /// <exception cref="ArgumentException">An id is empty, ".", "..", or holds a control character.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual AsyncPageable<FleetRunRecord> ListAsync(
        string orgId, string projectId, string fleetId, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckFleet(orgId, projectId, fleetId);
        return SinglePage.Create(ct => ReadCsvAsync(orgId, projectId, fleetId, options, ct), cancellationToken);
    }

    /// <summary>One run's row of the fleet's runs CSV, or null when it is not visible there yet (Shipyard lists a
    /// run some time after it is scheduled).</summary>
    /// <param name="orgId">The organisation id.</param>
    /// <param name="projectId">The project id.</param>
    /// <param name="fleetId">The fleet id.</param>
    /// <param name="fleetRunId">The run id.</param>
    /// <param name="options">Per-call retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The row, or null.</returns>
    /// <exception cref="ArgumentException">An argument breaks its rule (the message names it); nothing was sent.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual async Task<FleetRunRecord?> GetAsync(
        string orgId, string projectId, string fleetId, string fleetRunId, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckFleet(orgId, projectId, fleetId);
        Guard.NotNullOrWhiteSpace(fleetRunId);
        var runs = await ReadCsvAsync(orgId, projectId, fleetId, options, cancellationToken).ConfigureAwait(false);
        return runs.FirstOrDefault(r => string.Equals(r.FleetLogId?.Trim(), fleetRunId, StringComparison.OrdinalIgnoreCase));
    }

    private static List<VesselOverride>? CheckOverrides(IEnumerable<VesselOverride>? vesselOverrides)
    {
        if (vesselOverrides is null)
        {
            return null;
        }

        var list = vesselOverrides.ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var where = $"vesselOverrides[{i}]";
            var vessel = Guard.NotNull(list[i], where);
            Guard.NotNullOrWhiteSpace(vessel.Name, $"{where}.Name");
            if (!names.Add(vessel.Name))
            {
                throw new ArgumentException($"'{where}.Name': vessel '{vessel.Name}' is overridden twice (names are case-sensitive).", nameof(vesselOverrides));
            }

            foreach (var variable in Guard.NotNull(vessel.EnvironmentVariableOverrides, $"{where}.EnvironmentVariableOverrides"))
            {
                Guard.NotNullOrWhiteSpace(variable.Key, $"{where}.EnvironmentVariableOverrides key");
                if (variable.Key.Contains('=', StringComparison.Ordinal))
                {
                    throw new ArgumentException($"'{where}.EnvironmentVariableOverrides': variable name '{variable.Key}' must not contain '='.", nameof(vesselOverrides));
                }
            }
        }

        return list.Count == 0 ? null : list;
    }

    private static void CheckFleet(string orgId, string projectId, string fleetId)
    {
        Guard.PathSegment(orgId);
        Guard.PathSegment(projectId);
        Guard.PathSegment(fleetId);
    }

    private async Task<IReadOnlyList<FleetRunRecord>> ReadCsvAsync(
        string orgId, string projectId, string fleetId, RequestOptions? options, CancellationToken cancellationToken)
    {
        var csv = await _operations.ListFleetRunsAsync(orgId, projectId, fleetId, options, cancellationToken).ConfigureAwait(false);
        return FleetRunCsv.Parse(csv);
    }

    // One status source and status mapping for every handle; the caller's per-call options travel with each run.
    private ShipyardFleetRun Handle(FleetRunIdentity ids, RequestOptions? options) =>
        new(ids, _snapshot, _runs, options, _options.TimeProvider) { ResumeTokenWriter = ResumeTokenWriter };

    private static readonly Func<TriggeredRun, string?> ResumeTokenWriter = run => ((ShipyardFleetRun)run).Ids is var ids
        ? ResumeTokens.TryEncode(ResumeTokens.Shipyard, ("org", ids.OrgId), ("project", ids.ProjectId), ("fleet", ids.FleetId), ("run", ids.FleetRunId))
        : null;
}
