using System.Globalization;
using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Testing.Core;

namespace Astro.Triggers.Sdk.Testing.Agentset;

/// <summary>
/// A stateful fake of Agentset's ingest-job API. Created jobs get <c>job_…</c> ids and move QUEUED →
/// PRE_PROCESSING → PROCESSING → COMPLETED (or FAILED, see <see cref="FailNextRuns"/>) on the fake's clock;
/// delete shows QUEUED_FOR_DELETE → DELETING, then the job is gone (404); re-ingest requeues a finished job.
/// Lists filter by status and tenant, order by createdAt, and page with real cursors in both directions.
/// </summary>
/// <example><code>
/// await using var fake = AgentsetFake.Start();
/// using var client = new AgentsetClient(fake.CreateClientOptions());
/// </code></example>
public sealed class AgentsetFake : FakeService
{
    internal const string Gone = "<gone>";

    private readonly AgentsetFakeOptions _options;
    private readonly HashSet<string> _namespaces = new(StringComparer.Ordinal);
    private readonly List<FakeIngestJob> _jobs = [];
    private long _sequence;
    private readonly PlannedFailures _failures = new();

    // Admission times of the requests in the sliding window (EnforceRateLimit), oldest first.
    private readonly Queue<DateTimeOffset> _window = new();

    private AgentsetFake(AgentsetFakeOptions options)
        : base(options)
    {
        _options = options;
        _namespaces.Add(options.NamespaceId);
        const string jobs = "v1/namespace/{namespaceId}/ingest-jobs";
        Map("listIngestJobs", "GET", jobs, List);
        Map("createIngestJob", "POST", jobs, Create);
        Map("getIngestJob", "GET", jobs + "/{jobId}", Get);
        Map("deleteIngestJob", "DELETE", jobs + "/{jobId}", Delete);
        Map("reIngestJob", "POST", jobs + "/{jobId}/re-ingest", ReIngest);
    }

    /// <summary>Starts a fake on a random loopback port.</summary>
    public static AgentsetFake Start(AgentsetFakeOptions? options = null) => new(options ?? new AgentsetFakeOptions());

    /// <summary>The namespace the fake serves by default.</summary>
    public string NamespaceId => _options.NamespaceId;

    /// <summary>How many jobs the fake holds (deleted ones included until they are gone).</summary>
    public int JobCount
    {
        get
        {
            lock (Gate)
            {
                return _jobs.Count(j => !j.IsGone(Now));
            }
        }
    }

    /// <summary>How many jobs the fake holds per <c>externalId</c> (jobs without one not counted): a job created twice
    /// shows a count of 2. What a test of exactly-once starting asserts. The list operation returns each job's
    /// <c>externalId</c> too, which is how a client finds a job it may have created.</summary>
    public IReadOnlyDictionary<string, int> ExternalIdCounts
    {
        get
        {
            lock (Gate)
            {
                return _jobs.Where(j => j.ExternalId is not null && !j.IsGone(Now))
                    .GroupBy(j => j.ExternalId!, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Client options pointing at this fake, with its key and namespace, on the fake's clock (<c>TimeProvider</c>), so the
    /// client's waits (retries, polling) move with the fake when a test advances a FakeTimeProvider.</summary>
    public AgentsetClientOptions CreateClientOptions() =>
        new() { BaseAddress = BaseAddress, ApiKey = ApiKey, NamespaceId = NamespaceId, TimeProvider = TimeProvider };

    /// <summary>Serves one more namespace (any other is answered 404).</summary>
    public void AddNamespace(string namespaceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(namespaceId);
        lock (Gate)
        {
            _namespaces.Add(namespaceId);
        }
    }

    /// <summary>The next <paramref name="count"/> jobs created or re-ingested end FAILED with <paramref name="error"/>.</summary>
    public void FailNextRuns(int count = 1, string error = "The document could not be parsed.") => _failures.Plan(count, error);

    /// <summary>Makes a job that has not finished yet end FAILED with <paramref name="error"/>.</summary>
    /// <exception cref="InvalidOperationException">No such job, or it already finished.</exception>
    public void FailJob(string jobId, string error = "The document could not be parsed.")
    {
        lock (Gate)
        {
            var job = _jobs.Find(j => j.Id == jobId) ?? throw new InvalidOperationException($"The fake holds no job '{jobId}'.");
            if (Now >= job.Timeline.FinalAt)
            {
                throw new InvalidOperationException($"Job '{jobId}' has already finished ({job.Timeline.Final}).");
            }

            job.Timeline.ReplaceFinal("FAILED");
            job.FailureText = error;
        }
    }

    private protected override void Authenticate(FakeRequest request)
    {
        var header = request.Header("Authorization");
        if (string.IsNullOrEmpty(header))
        {
            throw new FakeRejection(401, "unauthorized", "Unauthorized: Missing API key.");
        }

        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            throw new FakeRejection(400, "bad_request", "Misconfigured authorization header. Did you forget to add 'Bearer '?");
        }

        if (header["Bearer ".Length..] != ApiKey)
        {
            throw new FakeRejection(401, "unauthorized", "Unauthorized: Invalid API key.");
        }

        if (request.Header("x-tenant-id") is { } tenant && !AgentsetRules.TenantPattern().IsMatch(tenant))
        {
            throw new FakeRejection(400, "bad_request", "Invalid tenant ID.");
        }
    }

    private protected override FakeResponse Error(FakeRejection rejection)
    {
        var code = rejection.Code is "method_not_allowed" ? "not_found" : rejection.Code;
        var response = FakeResponse.Json(rejection.Status, new JsonObject
        {
            ["success"] = false,
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = rejection.Message,
                ["doc_url"] = "https://docs.agentset.ai/api-reference/errors#" + code.Replace('_', '-'),
            },
        });
        return WithRateLimitHeaders(response);
    }

    private protected override FakeResponse? Admit(FakeRequest request)
    {
        if (!_options.EnforceRateLimit)
        {
            return null;
        }

        lock (_window)
        {
            var now = Now;
            Slide(now);
            var limit = _options.RateLimit.ToString(CultureInfo.InvariantCulture);
            if (_window.Count >= _options.RateLimit)
            {
                var refused = RateLimited(_window.Peek() + _options.RateLimitWindow - now);
                refused.Headers["X-RateLimit-Limit"] = limit;
                return refused;
            }

            _window.Enqueue(now);
            request.ResponseHeaders["X-RateLimit-Limit"] = limit;
            request.ResponseHeaders["X-RateLimit-Remaining"] = (_options.RateLimit - _window.Count).ToString(CultureInfo.InvariantCulture);
            request.ResponseHeaders["X-RateLimit-Reset"] =
                (_window.Peek() + _options.RateLimitWindow).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            return null;
        }
    }

    private protected override FakeResponse RateLimited(TimeSpan retryAfter)
    {
        // Agentset's Retry-After is the reset moment in Unix milliseconds, not a delay (vendors.md).
        var reset = (Now + retryAfter).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return Error(new FakeRejection(429, "rate_limit_exceeded", "Too many requests."))
            .WithHeader("Retry-After", reset)
            .WithHeader("X-RateLimit-Remaining", "0")
            .WithHeader("X-RateLimit-Reset", reset);
    }

    private FakeResponse Ok(int status, JsonNode data, JsonObject? pagination = null)
    {
        var body = new JsonObject { ["success"] = true, ["data"] = data };
        if (pagination is not null)
        {
            body["pagination"] = pagination;
        }

        return WithRateLimitHeaders(FakeResponse.Json(status, body));
    }

    // The headers tell the truth or are absent. Enforcing, every answer reports the sliding window as it stands (an
    // answer the window admitted was already counted by Admit, whose values win); not enforcing, the fake counts nothing,
    // so it claims no budget: a fixed "59 left, resets in a minute" on every answer told paced clients the opposite of
    // what an injected 429 said, and held them for a minute.
    private FakeResponse WithRateLimitHeaders(FakeResponse response)
    {
        if (!_options.EnforceRateLimit)
        {
            return response;
        }

        lock (_window)
        {
            var now = Now;
            Slide(now);
            var reset = _window.Count > 0 ? _window.Peek() + _options.RateLimitWindow : now + _options.RateLimitWindow;
            response.Headers.TryAdd("X-RateLimit-Limit", _options.RateLimit.ToString(CultureInfo.InvariantCulture));
            response.Headers.TryAdd("X-RateLimit-Remaining", Math.Max(0, _options.RateLimit - _window.Count).ToString(CultureInfo.InvariantCulture));
            response.Headers.TryAdd("X-RateLimit-Reset", reset.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        }

        return response;
    }

    private void Slide(DateTimeOffset now)
    {
        while (_window.Count > 0 && _window.Peek() <= now - _options.RateLimitWindow)
        {
            _window.Dequeue();
        }
    }

    private string Namespace(RouteValues route) =>
        _namespaces.Contains(route["namespaceId"]) ? route["namespaceId"] : throw new FakeRejection(404, "not_found", "Namespace not found.");

    private FakeIngestJob Find(FakeRequest request, RouteValues route)
    {
        var ns = Namespace(route);
        var tenant = request.Header("x-tenant-id");
        var job = _jobs.Find(j => j.Id == route["jobId"] && j.NamespaceId == ns && j.TenantId == tenant && !j.IsGone(Now));
        return job ?? throw new FakeRejection(404, "not_found", "Ingest job not found.");
    }

    private FakeResponse Create(FakeRequest request, RouteValues route)
    {
        var ns = Namespace(route);
        var body = FakeJson.Object(request, AgentsetRules.Invalid);
        AgentsetRules.CheckCreate(body);
        var job = new FakeIngestJob
        {
            Id = "job_" + Guid.NewGuid().ToString("N")[..24],
            Sequence = ++_sequence,
            NamespaceId = ns,
            TenantId = request.Header("x-tenant-id"),
            Name = body["name"]?.GetValue<string>(),
            ExternalId = body["externalId"]?.GetValue<string>(),
            Payload = FakeJson.Copy(body["payload"]!.AsObject()),
            Config = body["config"] is JsonObject config ? FakeJson.Copy(config) : null,
            CreatedAt = Now,
            Timeline = new FakeTimeline(),
        };
        Process(job, "QUEUED");
        _jobs.Add(job);
        return Ok(201, job.ToJson(Now));
    }

    private FakeResponse Get(FakeRequest request, RouteValues route) => Ok(200, Find(request, route).ToJson(Now));

    private FakeResponse Delete(FakeRequest request, RouteValues route)
    {
        var job = Find(request, route);
        if (job.Timeline.StatusAt(Now) is "QUEUED_FOR_DELETE" or "DELETING")
        {
            throw new FakeRejection(409, "conflict", "The ingest job is already being deleted.");
        }

        var half = _options.DeletionTime / 2;
        job.Timeline.Restart(Now, "QUEUED_FOR_DELETE", (half, "DELETING"), (half, Gone));
        return Ok(200, job.ToJson(Now));
    }

    private FakeResponse ReIngest(FakeRequest request, RouteValues route)
    {
        var job = Find(request, route);
        if (job.Timeline.StatusAt(Now) is not ("COMPLETED" or "FAILED" or "CANCELLED"))
        {
            throw new FakeRejection(409, "conflict", $"The ingest job is {job.Timeline.StatusAt(Now)}; only a finished job can be re-ingested.");
        }

        Process(job, "QUEUED_FOR_RESYNC");
        return Ok(200, new JsonObject { ["id"] = job.Id });
    }

    private void Process(FakeIngestJob job, string queuedStatus)
    {
        var failure = _failures.Take();
        job.Timeline.Restart(Now, queuedStatus,
            (_options.QueuedTime, "PRE_PROCESSING"),
            (_options.PreProcessingTime, "PROCESSING"),
            (_options.ProcessingTime, failure is null ? "COMPLETED" : "FAILED"));
        job.FailureText = failure;
    }

    private FakeResponse List(FakeRequest request, RouteValues route)
    {
        var ns = Namespace(route);
        var query = AgentsetListQuery.Parse(request);
        var tenant = request.Header("x-tenant-id");
        var now = Now;
        _jobs.RemoveAll(j => j.IsGone(now));
        var matching = _jobs
            .Where(j => j.NamespaceId == ns && j.TenantId == tenant)
            .Where(j => query.Statuses.Count == 0 || query.Statuses.Contains(j.Timeline.StatusAt(now)))
            .ToList();
        var page = query.Select(matching, j => j.Key);
        var data = new JsonArray(page.Items.Select(j => (JsonNode)j.ToJson(now)).ToArray());
        return Ok(200, data, new JsonObject
        {
            ["nextCursor"] = page.NextCursor?.Encode(),
            ["prevCursor"] = page.PreviousCursor?.Encode(),
            ["hasMore"] = page.HasMore,
        });
    }
}
