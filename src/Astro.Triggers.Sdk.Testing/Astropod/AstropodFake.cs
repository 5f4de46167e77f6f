using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Testing.Core;

namespace Astro.Triggers.Sdk.Testing.Astropod;

/// <summary>
/// A fake of Astropod's deployment and manual-ingestion API: list and get deployments of an account, trigger a
/// manual ingestion (each trigger gets its own job name, recorded in <see cref="TriggeredJobs"/>). It refuses a
/// missing account (400), another account's deployment (403), an unknown namespace or source (404), a scheduled
/// source (400), a suspended account (402, see <see cref="SuspendBilling"/>) and a stale token (401, see
/// <see cref="RotateToken"/>). Astropod has no status endpoint, so neither has the fake.
/// </summary>
public sealed class AstropodFake : FakeService
{
    private readonly AstropodFakeOptions _options;
    private readonly List<string> _triggered = [];
    private string _token;

    // Every token the fake has accepted: a rotated-out one is still a secret in the request log.
    private readonly List<string> _tokens = [];
    private string? _billingAction;

    private AstropodFake(AstropodFakeOptions options)
        : base(options)
    {
        _options = options;
        _token = options.ApiKey;
        _tokens.Add(options.ApiKey);
        Map("listDeployments", "GET", "api/v1/deployments", ListDeployments);
        Map("getDeployment", "GET", "api/v1/deployments/{id}", GetDeployment);
        Map("triggerIngestion", "POST", "api/v1/deployments/{namespace}/ingestion/{ingestion}/trigger", Trigger);
    }

    /// <summary>Starts a fake on a random loopback port.</summary>
    public static AstropodFake Start(AstropodFakeOptions? options = null) => new(options ?? new AstropodFakeOptions());

    /// <summary>The account that owns the fake's deployment.</summary>
    public string Account => _options.Account;

    /// <summary>The fake's deployment id.</summary>
    public string DeploymentId => _options.DeploymentId;

    /// <summary>The fake's deployment namespace.</summary>
    public string Namespace => _options.Namespace;

    /// <summary>The job names of the ingestions triggered so far, oldest first.</summary>
    public IReadOnlyList<string> TriggeredJobs
    {
        get
        {
            lock (Gate)
            {
                return [.. _triggered];
            }
        }
    }

    /// <summary>Client options pointing at this fake. The token provider hands out the token the fake currently
    /// accepts, so a client recovers from <see cref="RotateToken"/> by its refresh-once-on-401.</summary>
    public AstropodClientOptions CreateClientOptions() => new()
    {
        BaseAddress = BaseAddress,
        TimeProvider = TimeProvider,
        TokenProvider = new TokenProvider((_, _) => ValueTask.FromResult(CurrentToken)),
    };

    /// <summary>From now on only <paramref name="newToken"/> is accepted; the old one gets 401.</summary>
    public void RotateToken(string newToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(newToken);
        lock (Gate)
        {
            _token = newToken;
            _tokens.Add(newToken);
        }
    }

    /// <summary>Answers every trigger 402 BILLING_SUSPENDED with <paramref name="action"/> (<c>add_card</c>,
    /// <c>update_card</c>, <c>contact_support</c>); <see langword="null"/> lifts the suspension.</summary>
    public void SuspendBilling(string? action = "update_card")
    {
        lock (Gate)
        {
            _billingAction = action;
        }
    }

    private protected override IEnumerable<string> Secrets
    {
        get
        {
            lock (Gate)
            {
                return [.. _tokens];
            }
        }
    }

    private string CurrentToken
    {
        get
        {
            lock (Gate)
            {
                return _token;
            }
        }
    }

    private protected override void Authenticate(FakeRequest request)
    {
        if (request.Header("Authorization") != "Bearer " + CurrentToken)
        {
            throw new FakeRejection(401, "UNAUTHORIZED", "Authentication required");
        }
    }

    private protected override FakeResponse Error(FakeRejection rejection) =>
        FakeResponse.Json(rejection.Status, new JsonObject
        {
            ["error"] = rejection.Message,
            ["code"] = rejection.Code,
            ["reason"] = rejection.Status == 402 ? "card declined" : null,
            ["action"] = rejection.Status == 402 ? _billingAction : null,
        });

    private string CheckAccount(FakeRequest request)
    {
        var account = request.Query("account");
        if (string.IsNullOrWhiteSpace(account))
        {
            throw new FakeRejection(400, "BAD_REQUEST", "account is required");
        }

        return account == _options.Account ? account : throw new FakeRejection(403, "FORBIDDEN", "Insufficient permissions for this account");
    }

    private JsonObject Summary() => new()
    {
        ["id"] = _options.DeploymentId,
        ["name"] = _options.Namespace,
        ["display_name"] = _options.Namespace,
        ["build_id"] = "build-fake",
        ["namespace"] = _options.Namespace,
        ["status"] = "running",
        ["created_at"] = "2026-01-01T00:00:00Z",
    };

    private FakeResponse ListDeployments(FakeRequest request, RouteValues route)
    {
        CheckAccount(request);
        return FakeResponse.Json(200, new JsonObject { ["deployments"] = new JsonArray(Summary()), ["count"] = 1 });
    }

    private FakeResponse GetDeployment(FakeRequest request, RouteValues route)
    {
        if (route["id"] != _options.DeploymentId)
        {
            throw new FakeRejection(404, "NOT_FOUND", "Deployment not found");
        }

        var workloads = new JsonArray(new JsonObject { ["name"] = "agent", ["component"] = "agent", ["pod_name"] = "agent-0", ["containers"] = new JsonArray() });
        foreach (var name in _options.ManualIngestions)
        {
            workloads.Add(Workload(name, null));
        }

        foreach (var (name, schedule) in _options.ScheduledIngestions)
        {
            workloads.Add(Workload(name, schedule));
        }

        return FakeResponse.Json(200, new JsonObject { ["deployment"] = new JsonObject { ["id"] = _options.DeploymentId, ["workloads"] = workloads } });
    }

    private static JsonObject Workload(string name, string? schedule) => new()
    {
        ["name"] = "ingestion-" + name.Replace('_', '-'),
        ["component"] = "ingestion-" + name,
        ["pod_name"] = "ingestion-" + name.Replace('_', '-') + "-0",
        ["containers"] = new JsonArray(),
        ["schedule"] = schedule,
    };

    private FakeResponse Trigger(FakeRequest request, RouteValues route)
    {
        CheckAccount(request);
        if (route["namespace"] != _options.Namespace)
        {
            throw new FakeRejection(404, "NOT_FOUND", "Deployment not found");
        }

        var ingestion = route["ingestion"];
        if (_options.ScheduledIngestions.ContainsKey(ingestion))
        {
            throw new FakeRejection(400, "BAD_REQUEST", $"Ingestion source '{ingestion}' is not configured with trigger.type: manual");
        }

        if (!_options.ManualIngestions.Contains(ingestion))
        {
            throw new FakeRejection(404, "NOT_FOUND", $"Ingestion source '{ingestion}' not found");
        }

        if (_billingAction is not null)
        {
            throw new FakeRejection(402, "BILLING_SUSPENDED", "Billing suspended");
        }

        var job = $"ingestion-{ingestion.Replace('_', '-')}-manual-{_triggered.Count + 1:D4}";
        _triggered.Add(job);
        return FakeResponse.Json(200, new JsonObject { ["status"] = "triggered", ["job_name"] = job, ["namespace"] = _options.Namespace });
    }
}
