namespace Astro.Triggers.Sdk.Tests.Agentset;

/// <summary>Wire bodies in the shape Agentset answers with (vendors.md, seed 002).</summary>
internal static class AgentsetJson
{
    public static string Job(string id, string status = "QUEUED", string? tenantId = null) => $$"""
        {
          "id": "{{id}}",
          "name": "Quarterly report",
          "namespaceId": "ns_123",
          "tenantId": {{(tenantId is null ? "null" : $"\"{tenantId}\"")}},
          "externalId": "ext-42",
          "status": "{{status}}",
          "error": null,
          "payload": { "fileName": "q3.pdf", "type": "FILE", "fileUrl": "https://files.example.com/q3.pdf" },
          "config": { "chunkSize": 1024, "mode": "accurate", "languageCode": "en", "metadata": { "team": "finance", "year": 2026 } },
          "createdAt": "2026-11-20T08:30:00.000Z",
          "queuedAt": "2026-11-20T08:30:01.000Z",
          "preProcessingAt": null,
          "processingAt": null,
          "completedAt": null,
          "failedAt": null
        }
        """;

    public static string Page(string nextCursor, bool hasMore, params string[] ids) => $$"""
        {
          "success": true,
          "data": [{{string.Join(",", ids.Select(id => Job(id)))}}],
          "pagination": { "nextCursor": {{(nextCursor.Length == 0 ? "null" : $"\"{nextCursor}\"")}}, "prevCursor": null, "hasMore": {{(hasMore ? "true" : "false")}} }
        }
        """;

    public static string Single(string id, string status = "QUEUED") => $$"""{ "success": true, "data": {{Job(id, status)}} }""";
}
