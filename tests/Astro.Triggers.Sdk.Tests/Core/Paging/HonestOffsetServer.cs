using System.Globalization;
using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Tests.Mixpeek;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Astro.Triggers.Sdk.Tests.Core.Paging;

/// <summary>Serves a list of <see cref="Total"/> items on the three offset wires, paged honestly: the items
/// [offset, offset + limit), the total, and the offset and limit it used; with no limit sent, the service's default
/// (TrueFoundry 10, Mixpeek 50). Items are numbered from 0: runs <c>run-i</c>, triggers <c>trg_i</c>, executions
/// <c>task_i</c>.</summary>
internal sealed class HonestOffsetServer
{
    public const string RunsPath = "/api/svc/v1/jobs/app-1/runs";
    public const string HistoryPath = "/v1/triggers/trg_h/history";
    private int _requests;

    public HonestOffsetServer(WireMockServer server)
    {
        server.Given(Request.Create().WithPath(RunsPath).UsingGet()).RespondWith(Response.Create().WithCallback(request =>
        {
            var (offset, limit, items) = Slice(Query(request, "offset"), Query(request, "limit"), 10);
            var runs = new JsonArray(items.Select(i => (JsonNode)new JsonObject { ["name"] = $"run-{i}", ["status"] = "FINISHED" }).ToArray());
            return Json(new JsonObject
            {
                ["data"] = runs,
                ["pagination"] = new JsonObject { ["total"] = Total, ["offset"] = ReportedOffset(offset), ["limit"] = limit },
            });
        }));
        server.Given(Request.Create().WithPath("/v1/triggers/list").UsingPost()).RespondWith(Response.Create().WithCallback(request =>
        {
            var body = JsonNode.Parse(request.Body!)!;
            var (offset, limit, items) = Slice(body["offset"]?.GetValue<int>(), body["limit"]?.GetValue<int>(), 50);
            var triggers = new JsonArray(items.Select(i => JsonNode.Parse(MixpeekJson.Trigger($"trg_{i}"))).ToArray());
            return Json(new JsonObject { ["results"] = triggers, ["total"] = Total, ["offset"] = ReportedOffset(offset), ["limit"] = limit });
        }));
        server.Given(Request.Create().WithPath(HistoryPath).UsingGet()).RespondWith(Response.Create().WithCallback(request =>
        {
            var (offset, limit, items) = Slice(Query(request, "offset"), Query(request, "limit"), 50);
            var executions = new JsonArray(items.Select(i => (JsonNode)new JsonObject
            {
                ["task_id"] = $"task_{i}", ["triggered_at"] = "2026-11-20T02:00:00", ["status"] = "COMPLETED",
            }).ToArray());
            return Json(new JsonObject { ["trigger_id"] = "trg_h", ["executions"] = executions, ["total"] = Total, ["offset"] = ReportedOffset(offset), ["limit"] = limit });
        }));
    }

    /// <summary>The offset an answer reports for the slice it served from an offset; honest (the same) by default. A
    /// server that serves the slice asked for but echoes another offset (issue 25: 0 on every page) sets it.</summary>
    public Func<int, int> ReportedOffset { get; set; } = offset => offset;

    /// <summary>How many items the list holds.</summary>
    public int Total { get; set; }

    /// <summary>Requests served since the last <see cref="TakeRequestCount"/>.</summary>
    public int TakeRequestCount() => Interlocked.Exchange(ref _requests, 0);

    private (int Offset, int Limit, IEnumerable<int> Items) Slice(int? offset, int? limit, int defaultLimit)
    {
        Interlocked.Increment(ref _requests);
        var start = offset ?? 0;
        var size = limit ?? defaultLimit;
        return (start, size, Enumerable.Range(start, Math.Max(0, Math.Min(size, Total - start))));
    }

    private static int? Query(IRequestMessage request, string name) =>
        request.Query is { } query && query.TryGetValue(name, out var values)
            ? int.Parse(values[0], NumberStyles.None, CultureInfo.InvariantCulture)
            : null;

    private static ResponseMessage Json(JsonObject body)
    {
        var response = new ResponseMessage
        {
            StatusCode = 200,
            BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String },
        };
        response.AddHeader("Content-Type", "application/json");
        return response;
    }
}
