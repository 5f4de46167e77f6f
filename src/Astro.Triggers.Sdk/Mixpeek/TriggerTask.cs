using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>The task a manual run started (<c>executeTrigger</c>); Mixpeek tasks are followed at
/// <c>GET /v1/tasks/{task_id}</c>.</summary>
/// <remarks>Hand-written (x-astro-handwritten) so inputs and outputs, lists of ids or objects, stay JSON.</remarks>
public class TriggerTask
{
    /// <summary>The task's id (<c>task_id</c>).</summary>
    [JsonPropertyName("task_id")]
    public string TaskId { get; init; } = string.Empty;

    /// <summary>The kind of work, e.g. "engine_cluster_build" (<c>task_type</c>).</summary>
    [JsonPropertyName("task_type")]
    public string TaskType { get; init; } = string.Empty;

    /// <summary>The task's state (<c>status</c>).</summary>
    [JsonPropertyName("status")]
    public MixpeekTaskStatus Status { get; init; }

    /// <summary>What the task was started with: ids or objects (<c>inputs</c>).</summary>
    [JsonPropertyName("inputs")]
    public IReadOnlyList<JsonElement>? Inputs { get; init; }

    /// <summary>What the task produced, once it completed (<c>outputs</c>).</summary>
    [JsonPropertyName("outputs")]
    public IReadOnlyList<JsonElement>? Outputs { get; init; }

    /// <summary>Task-specific details: job ids, progress, error details (<c>additional_data</c>).</summary>
    [JsonPropertyName("additional_data")]
    public JsonObject? AdditionalData { get; init; }

    /// <summary>The error message, if the task failed (<c>error</c>).</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>The id, type and status, for logs.</summary>
    /// <returns>E.g. <c>Task task_1 (engine_cluster_build, Pending)</c>.</returns>
    public override string ToString() => $"Task {TaskId} ({TaskType}, {Status})";
}
