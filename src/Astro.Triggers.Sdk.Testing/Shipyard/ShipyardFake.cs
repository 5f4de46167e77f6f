using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Testing.Core;
using static Astro.Triggers.Sdk.Testing.Core.FakeJson;

namespace Astro.Triggers.Sdk.Testing.Shipyard;

/// <summary>
/// A stateful fake of Shipyard's fleet-run API. A triggered run gets a <c>fleet_run_id</c> and moves Scheduled →
/// Running → Success (or Errored, see <see cref="FailNextRuns"/>) on the fake's clock; the runs list answers CSV
/// as Shipyard does. Overrides must name a vessel of the fleet; a bad body or unknown path is 400
/// <c>{request:{id}, data:null}</c>, a bad key 401.
/// </summary>
public sealed class ShipyardFake : FakeService
{
    private readonly ShipyardFakeOptions _options;
    private readonly List<(string Id, DateTimeOffset CreatedAt, FakeTimeline Timeline)> _runs = [];
    private readonly PlannedFailures _failures = new();

    private ShipyardFake(ShipyardFakeOptions options)
        : base(options)
    {
        _options = options;
        const string runs = "orgs/{orgId}/projects/{projectId}/fleets/{fleetId}/fleetruns";
        Map("triggerFleetRun", "POST", runs, Trigger);
        Map("listFleetRuns", "GET", runs, List);
    }

    /// <summary>Starts a fake on a random loopback port.</summary>
    public static ShipyardFake Start(ShipyardFakeOptions? options = null) => new(options ?? new ShipyardFakeOptions());

    /// <summary>The organisation id of the fake's fleet.</summary>
    public string OrgId => _options.OrgId;

    /// <summary>The project id of the fake's fleet.</summary>
    public string ProjectId => _options.ProjectId;

    /// <summary>The fake's fleet id.</summary>
    public string FleetId => _options.FleetId;

    /// <summary>Client options pointing at this fake, with its key.</summary>
    public ShipyardClientOptions CreateClientOptions() => new() { BaseAddress = BaseAddress, ApiKey = ApiKey, TimeProvider = TimeProvider };

    /// <summary>The next <paramref name="count"/> triggered runs end Errored.</summary>
    public void FailNextRuns(int count = 1) => _failures.Plan(count, "Errored");

    private protected override void Authenticate(FakeRequest request)
    {
        if (request.Header("X-Shipyard-API-Key") != ApiKey)
        {
            throw new FakeRejection(401, "unauthorized", "Invalid API key.");
        }
    }

    // Shipyard's errors carry no message: the request id and a null data (seed 003).
    private protected override FakeResponse Error(FakeRejection rejection) =>
        FakeResponse.Json(rejection.Status, new JsonObject
        {
            ["request"] = new JsonObject { ["id"] = Guid.NewGuid().ToString() },
            ["data"] = null,
        });

    private static FakeRejection Invalid(string path, string message) => new(400, "bad_request", message, path);

    private void CheckFleet(RouteValues route)
    {
        // Shipyard answers a path that does not exist (wrong org, project or fleet) 400, not 404 (seed 003).
        if (route["orgId"] != _options.OrgId || route["projectId"] != _options.ProjectId || route["fleetId"] != _options.FleetId)
        {
            throw Invalid("path", "No such fleet.");
        }
    }

    private FakeResponse Trigger(FakeRequest request, RouteValues route)
    {
        CheckFleet(route);
        if (request.Json is not null)
        {
            CheckOverrides(Object(request, Invalid));
        }

        var id = Guid.NewGuid().ToString();
        var failed = _failures.Take() is not null;
        _runs.Add((id, Now, FakeTimeline.Start(Now, "Scheduled", (_options.ScheduledTime, "Running"), (_options.RunTime, failed ? "Errored" : "Success"))));
        return FakeResponse.Json(201, new JsonObject
        {
            ["request"] = new JsonObject { ["id"] = Guid.NewGuid().ToString() },
            ["data"] = new JsonObject
            {
                ["fleet_id"] = _options.FleetId,
                ["project_id"] = _options.ProjectId,
                ["org_id"] = _options.OrgId,
                ["fleet_run_id"] = id,
            },
            ["log"] = new Uri(BaseAddress, $"logs/{id}").ToString(),
        });
    }

    private void CheckOverrides(JsonObject body)
    {
        var overrides = OptionalArray(body, "vessel_overrides", "vessel_overrides", Invalid);
        foreach (var item in overrides ?? [])
        {
            var entry = item as JsonObject ?? throw Invalid("vessel_overrides", "Each vessel override must be an object.");
            var name = RequiredString(entry, "name", "vessel_overrides.name", Invalid);
            if (!_options.Vessels.Contains(name))
            {
                throw Invalid("vessel_overrides.name", $"The fleet has no vessel named '{name}'.");
            }

            var variables = OptionalObject(entry, "environment_variable_overrides", "vessel_overrides.environment_variable_overrides", Invalid);
            if (variables is not null && variables.Any(v => v.Value is not null && v.Value.GetValueKind() != JsonValueKind.String))
            {
                throw Invalid("vessel_overrides.environment_variable_overrides", "Override values are strings or null.");
            }
        }
    }

    private FakeResponse List(FakeRequest request, RouteValues route)
    {
        CheckFleet(route);
        var now = Now;
        var csv = new StringBuilder("Fleet Name,Fleet Log ID,Status,Start Time,Duration\r\n");
        foreach (var (id, createdAt, timeline) in _runs.Where(r => now - r.CreatedAt >= _options.ListingDelay).OrderByDescending(r => r.CreatedAt))
        {
            var started = timeline.ReachedAt("Running", now);
            // A finished run's duration stops at its end; "finished" is the client's own reading of the word (the document's map).
            var finished = FleetRunStatusMap.ToRunStatus(timeline.StatusAt(now)) is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled;
            var duration = started is { } s ? ((finished ? timeline.FinalAt : now) - s).TotalSeconds : 0;
            csv.Append(CultureInfo.InvariantCulture, $"{Quote(_options.FleetName)},{id},{timeline.StatusAt(now)},{(started is { } at ? Timestamp(at) : string.Empty)},{Math.Round(duration)}\r\n");
        }

        return FakeResponse.Text(200, csv.ToString(), "text/csv");
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
