using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Astro.Triggers.Sdk.Samples;

/// <summary>An embedded WireMock stand-in for Agentset so the sample runs offline: two pages of jobs,
/// a create, and a get. (The stateful fakes of all services are a later piece of work.)</summary>
internal static class AgentsetStub
{
    public static WireMockServer Start()
    {
        var server = WireMockServer.Start();
        const string jobs = "/v1/namespace/ns_demo/ingest-jobs";
        server.Given(Request.Create().UsingGet().WithPath(jobs).WithParam("cursor", "cur_page2"))
            .RespondWith(Json(Page(null, "job_3")));
        server.Given(Request.Create().UsingGet().WithPath(jobs))
            .AtPriority(10)
            .RespondWith(Json(Page("cur_page2", "job_1", "job_2")));
        server.Given(Request.Create().UsingPost().WithPath(jobs))
            .RespondWith(Json($$"""{"success":true,"data":{{Job("job_new", "QUEUED")}}}""", 201));
        server.Given(Request.Create().UsingGet().WithPath(jobs + "/job_new"))
            .RespondWith(Json($$"""{"success":true,"data":{{Job("job_new", "COMPLETED")}}}"""));
        return server;
    }

    private static IResponseBuilder Json(string body, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    private static string Page(string? next, params string[] ids) =>
        $$$"""{"success":true,"data":[{{{string.Join(",", ids.Select(id => Job(id, "COMPLETED")))}}}],"pagination":{"nextCursor":{{{(next is null ? "null" : $"\"{next}\"")}}},"prevCursor":null,"hasMore":{{{(next is null ? "false" : "true")}}}}}""";

    private static string Job(string id, string status) => $$"""
        {"id":"{{id}}","name":"demo {{id}}","namespaceId":"ns_demo","tenantId":null,"externalId":null,"status":"{{status}}","error":null,
         "payload":{"type":"TEXT","text":"hello"},"config":null,"createdAt":"2026-11-23T09:00:00Z","queuedAt":null,
         "preProcessingAt":null,"processingAt":null,"completedAt":null,"failedAt":null}
        """;
}
