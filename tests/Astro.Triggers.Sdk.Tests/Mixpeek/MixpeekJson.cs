namespace Astro.Triggers.Sdk.Tests.Mixpeek;

/// <summary>Trigger bodies as Mixpeek sends them (snake_case; Python's naive timestamps where the service sends them).</summary>
internal static class MixpeekJson
{
    public static string Trigger(
        string id = "trg_1",
        string action = """ "action_type": "cluster", "action_config": { "cluster_id": "clust_abc123" } """,
        string schedule = """ "trigger_type": "cron", "schedule_config": { "cron_expression": "0 2 * * *", "timezone": "UTC" } """,
        string status = "active") =>
        $$"""
        {
          "trigger_id": "{{id}}", "namespace_id": "ns_prod", "internal_id": "org_9",
          {{action}}, {{schedule}},
          "status": "{{status}}",
          "created_at": "2026-11-20T08:00:00Z", "updated_at": "2026-11-22T08:00:00Z"
        }
        """;

    public static string Page(int offset, int limit, int total, params string[] ids) =>
        $$"""{ "results": [{{string.Join(",", ids.Select(id => Trigger(id)))}}], "total": {{total}}, "offset": {{offset}}, "limit": {{limit}} }""";

    public static string Error(int status, string type, string message) =>
        $$"""{ "success": false, "status": {{status}}, "error": { "message": "{{message}}", "type": "{{type}}", "details": { "id": "trg_x" } } }""";
}
