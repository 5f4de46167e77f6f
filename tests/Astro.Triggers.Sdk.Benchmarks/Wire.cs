using System.Text;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>Canned response bodies, shaped as the services send them.</summary>
internal static class Wire
{
    public const string Namespace = "ns_bench";
    public const string JobId = "job_0123456789abcdef01234567";

    public static string Job(int i) => $$$"""
        {"id":"job_{{{i:D24}}}","name":"quarterly report {{{i}}}","namespaceId":"ns_bench","tenantId":null,"externalId":"doc-{{{i}}}","status":"COMPLETED","error":null,"payload":{"type":"TEXT","text":"Revenue grew 12% in the third quarter.","fileName":"report.txt"},"config":{"chunkSize":2048,"mode":"balanced","metadata":{"team":"finance"}},"createdAt":"2026-11-23T09:00:00.000Z","queuedAt":"2026-11-23T09:00:00.000Z","preProcessingAt":"2026-11-23T09:00:01.000Z","processingAt":"2026-11-23T09:00:01.500Z","completedAt":"2026-11-23T09:00:03.500Z","failedAt":null}
        """;

    public static byte[] JobEnvelope { get; } = Utf8($$"""{"success":true,"data":{{Job(1)}}}""");

    public static byte[] ListPage(int items, string? next) => Utf8(ListPagePrefix(items) + ListPageSuffix(next));

    public static string ListPagePrefix(int items) =>
        """{"success":true,"data":[""" + string.Join(",", Enumerable.Range(0, items).Select(Job)) + "],";

    public static string ListPageSuffix(string? next) =>
        next is null
            ? "\"pagination\":{\"nextCursor\":null,\"prevCursor\":\"p0\",\"hasMore\":false}}"
            : "\"pagination\":{\"nextCursor\":\"" + next + "\",\"prevCursor\":null,\"hasMore\":true}}";

    public static byte[] TrueFoundryTriggered { get; } = Utf8("""
        {"message":"Job triggered","jobRunName":"etl-0001","data":{"id":"run-1","name":"etl-0001","applicationName":"etl","deploymentVersion":"3","createdAt":1795424400000,"endTime":null,"duration":0,"command":"python etl.py","totalRetries":0,"error":null,"status":"CREATED","triggeredBy":"ci","triggeredBySubject":{"subjectId":"u1","subjectType":"user","subjectSlug":"ci","subjectDisplayName":"CI"},"exitCode":null}}
        """);

    public static byte[] ShipyardTriggered { get; } = Utf8("""
        {"request":{"id":"955939cc-2b90-4b8e-bf23-7375cd87822b"},"data":{"fleet_id":"fleet-1","project_id":"proj-1","org_id":"org-1","fleet_run_id":"7c1d8a52-1f0e-4c39-9d0b-2f3b7e0c9a11"},"log":"https://app.shipyardapp.com/logs/7c1d8a52"}
        """);

    public static byte[] AstropodTriggered { get; } = Utf8("""{"status":"triggered","job_name":"ingestion-docs-sync-manual-0001","namespace":"docs-agent"}""");

    public static byte[] MixpeekTask { get; } = Utf8("""
        {"task_id":"task_0123456789abcdef","task_type":"engine_cluster_build","status":"PENDING","inputs":["trg_1"],"outputs":null,"additional_data":{"trigger_id":"trg_1"},"error":null}
        """);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
