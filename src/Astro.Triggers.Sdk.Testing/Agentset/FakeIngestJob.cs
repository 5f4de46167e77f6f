using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Testing.Core;

namespace Astro.Triggers.Sdk.Testing.Agentset;

/// <summary>One ingest job the fake holds.</summary>
internal sealed class FakeIngestJob
{
    public required string Id { get; init; }

    public required long Sequence { get; init; }

    public required string NamespaceId { get; init; }

    public string? TenantId { get; init; }

    public string? Name { get; init; }

    public string? ExternalId { get; init; }

    public required JsonObject Payload { get; init; }

    public JsonObject? Config { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required FakeTimeline Timeline { get; init; }

    /// <summary>The error a FAILED final step reports.</summary>
    public string? FailureText { get; set; }

    public FakeCursor Key => new(CreatedAt.UtcTicks, Sequence);

    public bool IsGone(DateTimeOffset now) => Timeline.StatusAt(now) == AgentsetFake.Gone;

    public JsonObject ToJson(DateTimeOffset now)
    {
        var status = Timeline.StatusAt(now);
        return new JsonObject
        {
            ["id"] = Id,
            ["name"] = Name,
            ["namespaceId"] = NamespaceId,
            ["tenantId"] = TenantId,
            ["externalId"] = ExternalId,
            ["status"] = status,
            ["error"] = status == "FAILED" ? FailureText : null,
            ["payload"] = FakeJson.Copy(Payload),
            ["config"] = Config is null ? null : FakeJson.Copy(Config),
            ["createdAt"] = FakeJson.Timestamp(CreatedAt),
            ["queuedAt"] = FakeJson.Timestamp(Timeline.ReachedAt("QUEUED", now) ?? Timeline.ReachedAt("QUEUED_FOR_RESYNC", now)),
            ["preProcessingAt"] = FakeJson.Timestamp(Timeline.ReachedAt("PRE_PROCESSING", now)),
            ["processingAt"] = FakeJson.Timestamp(Timeline.ReachedAt("PROCESSING", now)),
            ["completedAt"] = FakeJson.Timestamp(Timeline.ReachedAt("COMPLETED", now)),
            ["failedAt"] = FakeJson.Timestamp(Timeline.ReachedAt("FAILED", now)),
        };
    }
}
