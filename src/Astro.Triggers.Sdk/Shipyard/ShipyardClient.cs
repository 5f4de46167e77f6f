using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Http;
using Astro.Triggers.Sdk.Shipyard.Generated;
using Refit;

namespace Astro.Triggers.Sdk.Shipyard;

/// <summary>The Shipyard client: trigger fleet runs with per-vessel environment overrides and follow them.
/// Create it directly or with <c>services.AddShipyardClient(...)</c>. Members are virtual so tests can mock them.</summary>
public class ShipyardClient : ServiceClient
{
    internal const string ServiceName = "Shipyard";
    internal const string ApiKeyHeader = "X-Shipyard-API-Key";

    private readonly ShipyardOperations _operations = null!;
    private readonly ShipyardClientOptions _options = null!;

    /// <summary>For mocking.</summary>
    protected ShipyardClient()
    {
    }

    /// <summary>Creates a client with its own HTTP pipeline (retry, telemetry, API-key header).</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message lists why).</exception>
    public ShipyardClient(ShipyardClientOptions options)
        : this(CreateHttpClient(options, ServiceName, AuthHandler.Header(ApiKeyHeader)), options, ownsHttpClient: true)
    {
    }

    internal ShipyardClient(HttpClient httpClient, ShipyardClientOptions options, bool ownsHttpClient)
        : base(ownsHttpClient ? httpClient : null, options)
    {
        options.ThrowIfInvalid();
        _operations = new ShipyardOperations(RestService.ForGenerated<IShipyardApi>(httpClient, ShipyardOperations.CreateRefitSettings()));
        _options = options;
    }

    /// <summary>Schedules a fleet run now. Each override names a vessel (case-sensitive) and its variables: a value
    /// sets it, <c>""</c> sets it empty, <c>null</c> leaves the vessel's own value. Not idempotent: a timeout after
    /// sending or a 500 is thrown with <c>MayHaveBeenProcessed</c> and never repeated by the SDK.</summary>
    /// <param name="orgId">The organisation id.</param>
    /// <param name="projectId">The project id.</param>
    /// <param name="fleetId">The fleet id.</param>
    /// <param name="vesselOverrides">Per-vessel environment-variable overrides; null or empty for none.</param>
    /// <param name="options">Per-call retry and timeout; status reads of the returned run use the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run; call <c>WaitForCompletionAsync</c> on it.</returns>
    /// <exception cref="BadRequestException">Shipyard refused it (its 400 carries only a request id).</exception>
    public virtual async Task<ShipyardFleetRun> TriggerFleetRunAsync(
        string orgId, string projectId, string fleetId, IEnumerable<VesselOverride>? vesselOverrides = null,
        RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckFleet(orgId, projectId, fleetId);
        var body = new TriggerFleetRunRequest { VesselOverrides = CheckOverrides(vesselOverrides) };
        var response = await _operations.TriggerFleetRunAsync(orgId, projectId, fleetId, body, Call(options), cancellationToken)
            .ConfigureAwait(false);
        var runId = response.Data?.FleetRunId;
        if (string.IsNullOrEmpty(runId))
        {
            throw new ResponseDeserializationException(
                ShipyardOperations.TriggerFleetRunOperation, 201, "the answer carried no data.fleet_run_id", innerException: null);
        }

        var ids = new FleetRunIdentity(
            response.Request?.Id, response.Data!.OrgId ?? orgId, response.Data.ProjectId ?? projectId, response.Data.FleetId ?? fleetId, runId, response.Log);
        return new ShipyardFleetRun(ids, this, _options.StatusMapping, _options.TimeProvider);
    }

    /// <summary>Follows an existing run (no request is sent until its status is read).</summary>
    /// <param name="orgId">The organisation id.</param>
    /// <param name="projectId">The project id.</param>
    /// <param name="fleetId">The fleet id.</param>
    /// <param name="fleetRunId">The run id.</param>
    /// <returns>The run handle.</returns>
    public virtual ShipyardFleetRun TrackFleetRun(string orgId, string projectId, string fleetId, string fleetRunId)
    {
        CheckFleet(orgId, projectId, fleetId);
        Guard.NotNullOrWhiteSpace(fleetRunId);
        return new ShipyardFleetRun(
            new FleetRunIdentity(null, orgId, projectId, fleetId, fleetRunId, null), this, _options.StatusMapping, _options.TimeProvider);
    }

    /// <summary>The fleet's runs, one record per row of the CSV Shipyard answers.</summary>
    /// <param name="orgId">The organisation id.</param>
    /// <param name="projectId">The project id.</param>
    /// <param name="fleetId">The fleet id.</param>
    /// <param name="options">Per-call retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The runs, in the CSV's order.</returns>
    public virtual async Task<IReadOnlyList<FleetRunRecord>> ListFleetRunsAsync(
        string orgId, string projectId, string fleetId, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckFleet(orgId, projectId, fleetId);
        var csv = await _operations.ListFleetRunsAsync(orgId, projectId, fleetId, Call(options), cancellationToken).ConfigureAwait(false);
        return FleetRunCsv.Parse(csv);
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
    public virtual async Task<FleetRunRecord?> GetFleetRunAsync(
        string orgId, string projectId, string fleetId, string fleetRunId, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(fleetRunId);
        var runs = await ListFleetRunsAsync(orgId, projectId, fleetId, options, cancellationToken).ConfigureAwait(false);
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

    private CallContext Call(RequestOptions? options) => CallContext.Create(_options, options, hasTenants: false);
}
