using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Testing.Core;
using static Astro.Triggers.Sdk.Testing.Core.FakeJson;

namespace Astro.Triggers.Sdk.Testing.Mixpeek;

/// <summary>
/// A stateful fake of Mixpeek's trigger API. Triggers keep their action and schedule config as sent, pause and
/// resume, compute <c>next_scheduled_at</c> from their cron (in its zone) or interval; execute starts a task that
/// moves PENDING → PROCESSING → COMPLETED (or FAILED, see <see cref="FailNextRuns"/>) on the fake's clock and
/// shows in the trigger's history and counters; the task is read at <c>GET /v1/tasks/{task_id}</c> and killed at
/// <c>DELETE /v1/tasks/{task_id}</c> (CANCELED, also in the history). Bodies are checked as FastAPI would (422 with <c>loc</c>); a
/// missing <c>X-Namespace</c> is 400, an unknown one or trigger 404, a bad key 401.
/// </summary>
public sealed class MixpeekFake : FakeService
{
    private readonly MixpeekFakeOptions _options;
    private readonly List<FakeTrigger> _triggers = [];

    // Tasks by id: a task outlives its trigger's deletion, as Mixpeek's tasks are their own resource.
    private readonly Dictionary<string, FakeExecution> _tasks = new(StringComparer.Ordinal);
    private long _sequence;
    private readonly PlannedFailures _failures = new();

    private MixpeekFake(MixpeekFakeOptions options)
        : base(options)
    {
        _options = options;
        Map("createTrigger", "POST", "v1/triggers", Create);
        Map("listTriggers", "POST", "v1/triggers/list", List);
        Map("getTrigger", "GET", "v1/triggers/{id}", Get);
        Map("updateTrigger", "PATCH", "v1/triggers/{id}", Update);
        Map("deleteTrigger", "DELETE", "v1/triggers/{id}", Delete);
        Map("pauseTrigger", "POST", "v1/triggers/{id}/pause", (request, route) => SetStatus(request, route, "paused"));
        Map("resumeTrigger", "POST", "v1/triggers/{id}/resume", (request, route) => SetStatus(request, route, "active"));
        Map("executeTrigger", "POST", "v1/triggers/{id}/execute", Execute);
        Map("getTriggerHistory", "GET", "v1/triggers/{id}/history", History);
        Map("getTask", "GET", "v1/tasks/{task_id}", GetTask);
        Map("cancelTask", "DELETE", "v1/tasks/{task_id}", CancelTask);
    }

    /// <summary>Starts a fake on a random loopback port.</summary>
    public static MixpeekFake Start(MixpeekFakeOptions? options = null) => new(options ?? new MixpeekFakeOptions());

    /// <summary>The namespace id the fake serves.</summary>
    public string NamespaceId => _options.NamespaceId;

    /// <summary>How many triggers the fake holds.</summary>
    public int TriggerCount
    {
        get
        {
            lock (Gate)
            {
                return _triggers.Count;
            }
        }
    }

    /// <summary>Client options pointing at this fake, with its key and namespace, on the fake's clock (<c>TimeProvider</c>), so the
    /// client's waits (retries, polling) move with the fake when a test advances a FakeTimeProvider.</summary>
    public MixpeekClientOptions CreateClientOptions() => new() { BaseAddress = BaseAddress, ApiKey = ApiKey, Namespace = NamespaceId, TimeProvider = TimeProvider };

    /// <summary>The next <paramref name="count"/> executions end FAILED with <paramref name="error"/>.</summary>
    public void FailNextRuns(int count = 1, string error = "Clustering failed: no documents in the collection.") =>
        _failures.Plan(count, error);

    private protected override void Authenticate(FakeRequest request)
    {
        var header = request.Header("Authorization");
        if (header is null)
        {
            throw new FakeRejection(401, "UnauthorizedError", "Missing API key. Send 'Authorization: Bearer sk_...'.");
        }

        if (header != "Bearer " + ApiKey)
        {
            throw new FakeRejection(401, "UnauthorizedError", "Invalid API key.");
        }

        var ns = request.Header("X-Namespace");
        if (string.IsNullOrEmpty(ns))
        {
            throw new FakeRejection(400, "BadRequestError", "The X-Namespace header is required.");
        }

        if (ns != _options.NamespaceId && ns != _options.NamespaceName)
        {
            throw new FakeRejection(404, "NotFoundError", $"Namespace '{ns}' not found.");
        }
    }

    private protected override FakeResponse Error(FakeRejection rejection)
    {
        if (rejection.Status == 422)
        {
            var loc = new JsonArray((rejection.Field ?? "body").Split('.').Select(p => (JsonNode)p).ToArray());
            return FakeResponse.Json(422, new JsonObject
            {
                ["detail"] = new JsonArray(new JsonObject { ["loc"] = loc, ["msg"] = rejection.Message, ["type"] = rejection.Code }),
            });
        }

        var type = rejection.Code switch
        {
            "not_found" => "NotFoundError",
            "method_not_allowed" => "MethodNotAllowedError",
            "bad_request" => "BadRequestError",
            "rate_limit_exceeded" => "RateLimitError",
            "internal_server_error" => "InternalServerError",
            "bad_gateway" => "BadGatewayError",
            "service_unavailable" => "ServiceUnavailableError",
            "gateway_timeout" => "GatewayTimeoutError",
            var other => other,
        };
        return FakeResponse.Json(rejection.Status, new JsonObject
        {
            ["success"] = false,
            ["status"] = rejection.Status,
            ["error"] = new JsonObject { ["message"] = rejection.Message, ["type"] = type, ["details"] = null },
        });
    }

    private FakeTrigger Find(RouteValues route) =>
        _triggers.Find(t => t.Id == route["id"]) ?? throw new FakeRejection(404, "NotFoundError", $"Trigger '{route["id"]}' not found.");

    private FakeResponse Create(FakeRequest request, RouteValues route)
    {
        var body = Object(request, MixpeekRules.Invalid);
        var actionType = RequiredString(body, "action_type", "body.action_type", MixpeekRules.Invalid);
        var actionConfig = OptionalObject(body, "action_config", "body.action_config", MixpeekRules.Invalid)
            ?? throw MixpeekRules.Invalid("body.action_config", "Field required");
        var triggerType = RequiredString(body, "trigger_type", "body.trigger_type", MixpeekRules.Invalid);
        var scheduleConfig = OptionalObject(body, "schedule_config", "body.schedule_config", MixpeekRules.Invalid)
            ?? throw MixpeekRules.Invalid("body.schedule_config", "Field required");
        MixpeekRules.CheckAction(actionType, actionConfig);
        MixpeekRules.CheckSchedule(triggerType, scheduleConfig);
        var trigger = new FakeTrigger
        {
            Id = "trg_" + Guid.NewGuid().ToString("N")[..16],
            Sequence = ++_sequence,
            NamespaceId = _options.NamespaceId,
            ActionType = actionType,
            ActionConfig = Copy(actionConfig),
            TriggerType = triggerType,
            ScheduleConfig = Copy(scheduleConfig),
            Status = MixpeekRules.Status(body) ?? "active",
            Description = OptionalString(body, "description", "body.description", MixpeekRules.Invalid),
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        _triggers.Add(trigger);
        return FakeResponse.Json(201, trigger.ToJson(Now, _options.NaiveTimestamps));
    }

    private FakeResponse Get(FakeRequest request, RouteValues route) => FakeResponse.Json(200, Find(route).ToJson(Now, _options.NaiveTimestamps));

    private FakeResponse Update(FakeRequest request, RouteValues route)
    {
        var trigger = Find(route);
        var body = Object(request, MixpeekRules.Invalid);
        var schedule = OptionalObject(body, "schedule_config", "body.schedule_config", MixpeekRules.Invalid);
        if (schedule is not null)
        {
            MixpeekRules.CheckSchedule(trigger.TriggerType, schedule);
        }

        var status = MixpeekRules.Status(body);
        var description = OptionalString(body, "description", "body.description", MixpeekRules.Invalid);
        trigger.ScheduleConfig = schedule is null ? trigger.ScheduleConfig : Copy(schedule);
        trigger.Status = status ?? trigger.Status;
        trigger.Description = description ?? trigger.Description;
        trigger.UpdatedAt = Now;
        return FakeResponse.Json(200, trigger.ToJson(Now, _options.NaiveTimestamps));
    }

    private FakeResponse Delete(FakeRequest request, RouteValues route)
    {
        _triggers.Remove(Find(route));
        return FakeResponse.Empty(204);
    }

    private FakeResponse SetStatus(FakeRequest request, RouteValues route, string status)
    {
        var trigger = Find(route);
        if (trigger.Status != status)
        {
            trigger.Status = status;
            trigger.UpdatedAt = Now;
        }

        return FakeResponse.Json(200, trigger.ToJson(Now, _options.NaiveTimestamps));
    }

    private FakeResponse Execute(FakeRequest request, RouteValues route)
    {
        var trigger = Find(route);
        if (trigger.Status != "active")
        {
            throw new FakeRejection(400, "BadRequestError", $"Trigger '{trigger.Id}' is {trigger.Status}; resume it before executing.");
        }

        var failure = _failures.Take();
        var step = _options.TaskStepTime;
        var execution = new FakeExecution(
            "task_" + Guid.NewGuid().ToString("N")[..16],
            trigger.Id,
            trigger.ActionType,
            Now,
            FakeTimeline.Start(Now, "PENDING", (step, "PROCESSING"), (step, failure is null ? "COMPLETED" : "FAILED")),
            failure);
        trigger.Executions.Add(execution);
        _tasks.Add(execution.TaskId, execution);
        return FakeResponse.Json(200, execution.ToTaskJson(Now));
    }

    private FakeExecution FindTask(RouteValues route) =>
        _tasks.GetValueOrDefault(route["task_id"]) ?? throw new FakeRejection(404, "NotFoundError", $"Task '{route["task_id"]}' not found.");

    private FakeResponse GetTask(FakeRequest request, RouteValues route) => FakeResponse.Json(200, FindTask(route).ToTaskJson(Now));

    // Killing an unfinished task ends it CANCELED now. A finished task does not change: Mixpeek's docs call
    // COMPLETED, FAILED and CANCELED terminal ("will not transition to another state") and say nothing of the kill's
    // answer then, so the fake answers 200 with the task unchanged (openapi/README.md, "Fakes" 8).
    private FakeResponse CancelTask(FakeRequest request, RouteValues route)
    {
        var task = FindTask(route);
        var now = Now;
        var status = task.Timeline.StatusAt(now);
        if (FakeExecution.IsFinal(status))
        {
            return FakeResponse.Json(200, new JsonObject
            {
                ["success"] = true,
                ["message"] = $"Task {task.TaskId} already finished ({status}); nothing to kill.",
            });
        }

        task.Timeline.StopAt(now, "CANCELED");
        return FakeResponse.Json(200, new JsonObject { ["success"] = true, ["message"] = $"Task {task.TaskId} killed." });
    }

    private FakeResponse History(FakeRequest request, RouteValues route)
    {
        var trigger = Find(route);
        var offset = request.IntegerQuery("offset", 0, 0, int.MaxValue, (name, message) => MixpeekRules.Invalid("query." + name, message));
        var limit = request.IntegerQuery("limit", 50, 1, 1000, (name, message) => MixpeekRules.Invalid("query." + name, message));
        var now = Now;
        var page = Enumerable.Reverse(trigger.Executions).Skip(offset).Take(limit).Select(e => (JsonNode)e.ToJson(now, _options.NaiveTimestamps)).ToArray();
        return FakeResponse.Json(200, new JsonObject
        {
            ["trigger_id"] = trigger.Id,
            ["executions"] = new JsonArray(page),
            ["total"] = trigger.Executions.Count,
            ["offset"] = offset,
            ["limit"] = limit,
        });
    }

    private FakeResponse List(FakeRequest request, RouteValues route)
    {
        var body = request.Json is null ? [] : Object(request, MixpeekRules.Invalid);
        string? Filter(string name) => OptionalString(body, name, "body." + name, MixpeekRules.Invalid);
        var offset = OptionalInteger(body, "offset", "body.offset", MixpeekRules.Invalid) ?? 0;
        var limit = OptionalInteger(body, "limit", "body.limit", MixpeekRules.Invalid) ?? 50;
        if (offset < 0)
        {
            throw MixpeekRules.Invalid("body.offset", "Input should be greater than or equal to 0");
        }

        if (limit is < 1 or > 1000)
        {
            throw MixpeekRules.Invalid("body.limit", "Input should be between 1 and 1000");
        }

        var sortBy = Filter("sort_by") ?? "created_at";
        if (!MixpeekRules.SortFields.Contains(sortBy))
        {
            throw MixpeekRules.Invalid("body.sort_by", $"Input should be {string.Join(", ", MixpeekRules.SortFields)}");
        }

        var direction = Filter("direction") ?? "desc";
        if (direction is not ("asc" or "desc"))
        {
            throw MixpeekRules.Invalid("body.direction", "Input should be 'asc' or 'desc'");
        }

        var (actionType, triggerType, status, resource) = (Filter("action_type"), Filter("trigger_type"), MixpeekRules.Status(body), Filter("resource_id"));
        var now = Now;
        var matching = _triggers.Where(t =>
            (actionType is null || t.ActionType == actionType)
            && (triggerType is null || t.TriggerType == triggerType)
            && (status is null || t.Status == status)
            && (resource is null || t.ResourceId == resource));
        Func<FakeTrigger, long> key = sortBy switch
        {
            "updated_at" => t => t.UpdatedAt.UtcTicks,
            "next_scheduled_at" => t => t.NextScheduledAt(now)?.UtcTicks ?? long.MaxValue,
            "execution_count" => t => t.Executions.Count,
            _ => t => t.CreatedAt.UtcTicks,
        };
        var sorted = (direction == "asc" ? matching.OrderBy(key).ThenBy(t => t.Sequence) : matching.OrderByDescending(key).ThenByDescending(t => t.Sequence)).ToList();
        return FakeResponse.Json(200, new JsonObject
        {
            ["results"] = new JsonArray(sorted.Skip((int)offset).Take((int)limit).Select(t => (JsonNode)t.ToJson(now, _options.NaiveTimestamps)).ToArray()),
            ["total"] = sorted.Count,
            ["offset"] = offset,
            ["limit"] = limit,
        });
    }
}
