using System.Text.Json;
using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Testing.Core;
using Astro.Triggers.Sdk.TrueFoundry;
using static Astro.Triggers.Sdk.Testing.Core.FakeJson;

namespace Astro.Triggers.Sdk.Testing.TrueFoundry;

/// <summary>
/// A stateful fake of a TrueFoundry control plane's job-run API. A triggered run gets a name and moves CREATED →
/// SCHEDULED → RUNNING → FINISHED (or FAILED, see <see cref="FailNextRuns"/>) on the fake's clock; terminate
/// moves a live run to TERMINATED (a finished one is answered 417); lists page by offset with filters and sorting.
/// </summary>
public sealed class TrueFoundryFake : FakeService
{
    private static readonly string[] Statuses = ["CREATED", "SCHEDULED", "RUNNING", "FINISHED", "FAILED", "TERMINATION_REQUESTED", "TERMINATING", "TERMINATED", "UNKNOWN"];
    private static readonly string[] SortFields = ["startTime", "duration", "deploymentVersion", "triggeredBy", "status"];

    private readonly TrueFoundryFakeOptions _options;
    private readonly List<FakeJob> _jobs = [];
    private readonly List<FakeJobRun> _runs = [];
    private long _sequence;
    private readonly PlannedFailures _failures = new();

    private TrueFoundryFake(TrueFoundryFakeOptions options)
        : base(options)
    {
        _options = options;
        _jobs.Add(new FakeJob(options.ApplicationId, options.DeploymentId, options.ApplicationName, IsJob: true));
        Map("triggerJob", "POST", "api/svc/v1/jobs/trigger", Trigger);
        Map("listJobRuns", "GET", "api/svc/v1/jobs/{jobId}/runs", List);
        Map("getJobRun", "GET", "api/svc/v1/jobs/{jobId}/runs/{jobRunName}", Get);
        Map("deleteJobRun", "DELETE", "api/svc/v1/jobs/{jobId}/runs/{jobRunName}", Delete);
        Map("terminateJobRun", "POST", "api/svc/v1/jobs/terminate", Terminate);
    }

    /// <summary>Starts a fake on a random loopback port.</summary>
    public static TrueFoundryFake Start(TrueFoundryFakeOptions? options = null) => new(options ?? new TrueFoundryFakeOptions());

    /// <summary>The application id of the job the fake starts with.</summary>
    public string ApplicationId => _options.ApplicationId;

    /// <summary>The deployment id of the job the fake starts with.</summary>
    public string DeploymentId => _options.DeploymentId;

    /// <summary>Client options pointing at this fake (its address is the control plane), with its key.</summary>
    public TrueFoundryClientOptions CreateClientOptions() => new() { BaseAddress = BaseAddress, ApiKey = ApiKey, TimeProvider = TimeProvider };

    /// <summary>Adds a job that can be triggered; <paramref name="isJob"/> false adds a service, which the trigger
    /// refuses with 400 "application not supported for job trigger".</summary>
    public void AddJob(string applicationId, string deploymentId, string applicationName, bool isJob = true)
    {
        lock (Gate)
        {
            _jobs.Add(new FakeJob(applicationId, deploymentId, applicationName, isJob));
        }
    }

    /// <summary>The next <paramref name="count"/> triggered runs end FAILED with <paramref name="error"/>.</summary>
    public void FailNextRuns(int count = 1, string error = "Process exited with code 1.") => _failures.Plan(count, error);

    private protected override void Authenticate(FakeRequest request)
    {
        if (request.Header("Authorization") != "Bearer " + ApiKey)
        {
            throw new FakeRejection(401, "UNAUTHORIZED", "Unauthorized");
        }
    }

    private protected override FakeResponse Error(FakeRejection rejection) =>
        FakeResponse.Json(rejection.Status, new JsonObject
        {
            ["statusCode"] = rejection.Status,
            ["message"] = rejection.Message,
            ["code"] = rejection.Code.ToUpperInvariant(),
        });

    private static FakeRejection Invalid(string path, string message) => new(400, "BAD_REQUEST", message, path);

    private FakeResponse Trigger(FakeRequest request, RouteValues route)
    {
        var body = Object(request, Invalid);
        var deploymentId = OptionalString(body, "deploymentId", "deploymentId", Invalid);
        var applicationId = OptionalString(body, "applicationId", "applicationId", Invalid);
        if ((deploymentId is null) == (applicationId is null))
        {
            throw Invalid("deploymentId", "Exactly one of deploymentId and applicationId is required.");
        }

        var job = (deploymentId is not null
            ? _jobs.Find(j => j.DeploymentId == deploymentId)
            : _jobs.Find(j => j.ApplicationId == applicationId))
            ?? throw new FakeRejection(404, "NOT_FOUND", deploymentId is not null ? $"Deployment {deploymentId} not found" : $"Application {applicationId} not found");
        if (!job.IsJob)
        {
            throw Invalid("applicationId", "application not supported for job trigger");
        }

        var command = CheckInput(OptionalObject(body, "input", "input", Invalid));
        var failure = _failures.Take();
        var run = new FakeJobRun
        {
            Id = "run-" + Guid.NewGuid().ToString("N")[..12],
            Name = $"{job.ApplicationName}-{++_sequence:D4}",
            Job = job,
            Sequence = _sequence,
            CreatedAt = Now,
            Command = command,
            Timeline = FakeTimeline.Start(Now, "CREATED",
                (_options.SchedulingTime, "SCHEDULED"),
                (_options.SchedulingTime, "RUNNING"),
                (_options.RunTime, failure is null ? "FINISHED" : "FAILED")),
            FailureText = failure,
        };

        _runs.Add(run);
        return FakeResponse.Json(200, new JsonObject { ["message"] = "Job triggered", ["jobRunName"] = run.Name, ["data"] = run.ToJson(Now) });
    }

    private static string? CheckInput(JsonObject? input)
    {
        if (input is null)
        {
            return null;
        }

        // Param values may be any JSON value (the vendor's models type them so); only the map itself is checked.
        if (input["params"] is { } parameters && parameters is not JsonObject)
        {
            throw Invalid("input.params", "input.params must be an object.");
        }

        return input["command"] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonArray a when a.All(x => x?.GetValueKind() == JsonValueKind.String) => string.Join(' ', a.Select(x => x!.GetValue<string>())),
            _ => throw Invalid("input.command", "input.command must be a string or a list of strings."),
        };
    }

    private FakeJob JobOf(RouteValues route) =>
        _jobs.Find(j => j.ApplicationId == route["jobId"]) ?? throw new FakeRejection(404, "NOT_FOUND", $"Application {route["jobId"]} not found");

    private FakeJobRun RunOf(RouteValues route)
    {
        var job = JobOf(route);
        return _runs.Find(r => r.Job == job && r.Name == route["jobRunName"])
            ?? throw new FakeRejection(404, "NOT_FOUND", $"Job run {route["jobRunName"]} not found");
    }

    private FakeResponse Get(FakeRequest request, RouteValues route) =>
        FakeResponse.Json(200, new JsonObject { ["data"] = RunOf(route).ToJson(Now) });

    private FakeResponse Delete(FakeRequest request, RouteValues route)
    {
        _runs.Remove(RunOf(route));
        return FakeResponse.Json(200, new JsonObject { ["message"] = "Job run deleted" });
    }

    private FakeResponse Terminate(FakeRequest request, RouteValues route)
    {
        var deploymentId = request.Query("deploymentId") ?? throw Invalid("deploymentId", "deploymentId is required.");
        var name = request.Query("jobRunName") ?? throw Invalid("jobRunName", "jobRunName is required.");
        var job = _jobs.Find(j => j.DeploymentId == deploymentId) ?? throw new FakeRejection(404, "NOT_FOUND", $"Deployment {deploymentId} not found");
        var run = _runs.Find(r => r.Job == job && r.Name == name) ?? throw new FakeRejection(404, "NOT_FOUND", $"Job run {name} not found");
        var status = run.Timeline.StatusAt(Now);
        if (run.IsTerminal(Now))
        {
            throw new FakeRejection(417, "EXPECTATION_FAILED", $"Job run {name} is {status} and cannot be terminated");
        }

        if (status is "CREATED" or "SCHEDULED" or "RUNNING")
        {
            var third = _options.TerminationTime / 3;
            run.Timeline.Restart(Now, "TERMINATION_REQUESTED", (third, "TERMINATING"), (third * 2, "TERMINATED"));
        }

        return FakeResponse.Json(200, new JsonObject { ["message"] = "Termination requested", ["jobRunStatus"] = run.Timeline.StatusAt(Now) });
    }

    private FakeResponse List(FakeRequest request, RouteValues route)
    {
        var job = JobOf(route);
        var limit = request.IntegerQuery("limit", 10, 1, 1000, Invalid);
        var offset = request.IntegerQuery("offset", 0, 0, int.MaxValue, Invalid);
        var statuses = request.QueryValues("status");
        if (statuses.FirstOrDefault(s => !Statuses.Contains(s)) is { } badStatus)
        {
            throw Invalid("status", $"status '{badStatus}' must be one of {string.Join(", ", Statuses)}.");
        }

        var sortBy = request.Query("sortBy") ?? "startTime";
        if (!SortFields.Contains(sortBy))
        {
            throw Invalid("sortBy", $"sortBy must be one of {string.Join(", ", SortFields)}.");
        }

        var order = request.Query("order") ?? "desc";
        if (order is not ("asc" or "desc"))
        {
            throw Invalid("order", "order must be asc or desc.");
        }

        var now = Now;
        var prefix = request.Query("searchPrefix");
        var triggeredBy = request.QueryValues("triggeredBy");
        var versions = request.QueryValues("versionNumbers");
        var matching = _runs
            .Where(r => r.Job == job)
            .Where(r => prefix is null || r.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Where(r => statuses.Count == 0 || statuses.Contains(r.Timeline.StatusAt(now)))
            .Where(r => triggeredBy.Count == 0 || triggeredBy.Contains("fake-user"))
            .Where(r => versions.Count == 0 || versions.Contains(r.DeploymentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Func<FakeJobRun, IComparable> key = sortBy switch
        {
            "duration" => r => r.Duration(now),
            "status" => r => r.Timeline.StatusAt(now),
            _ => r => r.Sequence,
        };
        var sorted = (order == "asc" ? matching.OrderBy(key).ThenBy(r => r.Sequence) : matching.OrderByDescending(key).ThenByDescending(r => r.Sequence)).ToList();
        var data = new JsonArray(sorted.Skip(offset).Take(limit).Select(r => (JsonNode)r.ToJson(now)).ToArray());
        return FakeResponse.Json(200, new JsonObject
        {
            ["data"] = data,
            ["pagination"] = new JsonObject { ["total"] = sorted.Count, ["offset"] = offset, ["limit"] = limit },
        });
    }
}
