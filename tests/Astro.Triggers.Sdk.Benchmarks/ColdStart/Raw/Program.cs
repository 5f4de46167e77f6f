using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Astro.Triggers.Sdk.ColdStart;

Probe.Start();
using var client = new HttpClient(new CannedHandler()) { BaseAddress = Probe.BaseAddress };
client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk_bench_0123456789");
Probe.Mark("client built");
using var response = await client.GetAsync(
    new Uri("/v1/namespace/" + Probe.Namespace + "/ingest-jobs/" + Probe.JobId, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
response.EnsureSuccessStatusCode();
var job = (await response.Content.ReadFromJsonAsync(RawJson.Default.JobResponse))!.Data;
Probe.Answered(job.Status);

internal sealed record JobResponse(bool Success, Job Data);

internal sealed record Job(
    string Id, string Name, string NamespaceId, string? TenantId, string? ExternalId, string Status, string? Error,
    JobPayload Payload, JobConfig? Config, DateTimeOffset CreatedAt, DateTimeOffset? QueuedAt, DateTimeOffset? PreProcessingAt,
    DateTimeOffset? ProcessingAt, DateTimeOffset? CompletedAt, DateTimeOffset? FailedAt);

internal sealed record JobPayload(string Type, string? Text, string? FileName);

internal sealed record JobConfig(int? ChunkSize, string? Mode, Dictionary<string, string>? Metadata);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(JobResponse))]
internal sealed partial class RawJson : JsonSerializerContext;
