using Astro.Triggers.Sdk;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Astro.Triggers.Sdk.AotSample;

/// <summary>
/// An in-memory stand-in for Agentset and Mixpeek, plugged in as the primary handler, so the AOT binary runs its
/// flow offline through the SDK's whole pipeline (retry, telemetry, auth, generated requests, source-generated JSON). The
/// WireMock fakes of Astro.Triggers.Sdk.Testing are not used here: WireMock itself is not AOT-compatible.
/// </summary>
internal sealed class OfflineServices : HttpMessageHandler
{
    private readonly Dictionary<string, DateTimeOffset> _jobs = [];
    private readonly object _gate = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            return path switch
            {
                "/v1/namespace/ns_aot/ingest-jobs" when request.Method == HttpMethod.Post => Json(HttpStatusCode.Created, Envelope(Create())),
                "/v1/namespace/ns_aot/ingest-jobs" => Json(HttpStatusCode.OK, List(request.RequestUri.Query)),
                _ when path.StartsWith("/v1/namespace/ns_aot/ingest-jobs/", StringComparison.Ordinal) => Get(path[(path.LastIndexOf('/') + 1)..]),
                "/v1/triggers" when request.Method == HttpMethod.Post => Json(HttpStatusCode.Created, CreateTrigger(body!)),
                _ => Json(HttpStatusCode.NotFound, """{"success":false,"error":{"code":"not_found","message":"Not found."}}"""),
            };
        }
    }

    private string Create()
    {
        var id = $"job_aot{_jobs.Count + 1:D4}";
        _jobs[id] = DateTimeOffset.UtcNow;
        return id;
    }

    private HttpResponseMessage Get(string id) =>
        _jobs.ContainsKey(id) ? Json(HttpStatusCode.OK, Envelope(id)) : Json(HttpStatusCode.NotFound, """{"success":false,"error":{"code":"not_found","message":"Ingest job not found."}}""");

    // Two pages of two: the cursor is the index to start at.
    private string List(string query)
    {
        var start = query.Contains("cursor=2", StringComparison.Ordinal) ? 2 : 0;
        var ids = _jobs.Keys.Order(StringComparer.Ordinal).Skip(start).Take(2).ToList();
        var more = start + 2 < _jobs.Count;
        var next = more ? "\"2\"" : "null";
        var hasMore = more ? "true" : "false";
        return "{\"success\":true,\"data\":[" + string.Join(",", ids.Select(Job)) + "],\"pagination\":{\"nextCursor\":" + next + ",\"prevCursor\":null,\"hasMore\":" + hasMore + "}}";
    }

    private string Envelope(string id) => $$"""{"success":true,"data":{{Job(id)}}}""";

    // QUEUED for 50 ms, PROCESSING for 100 ms, then COMPLETED.
    private string Job(string id)
    {
        var age = DateTimeOffset.UtcNow - _jobs[id];
        var status = age < TimeSpan.FromMilliseconds(50) ? "QUEUED" : age < TimeSpan.FromMilliseconds(150) ? "PROCESSING" : "COMPLETED";
        return $$"""{"id":"{{id}}","name":"aot","namespaceId":"ns_aot","tenantId":null,"externalId":null,"status":"{{status}}","error":null,"payload":{"type":"TEXT","text":"hello"},"config":null,"createdAt":"{{_jobs[id]:O}}","queuedAt":null,"preProcessingAt":null,"processingAt":null,"completedAt":null,"failedAt":null}""";
    }

    private static string CreateTrigger(string body)
    {
        var trigger = JsonNode.Parse(body)!.AsObject();
        trigger["trigger_id"] = "trg_aot1";
        trigger["namespace_id"] = "ns_aot";
        trigger["status"] = "active";
        trigger["created_at"] = "2026-11-23T09:00:00";
        trigger["updated_at"] = "2026-11-23T09:00:00";
        return trigger.ToJsonString();
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
