namespace Astro.Triggers.Sdk.Astropod;

/// <summary>An ingestion source of a deployment: what <see cref="IngestionsClient.StartAsync"/> can start.</summary>
/// <param name="Name">The name to trigger: the workload component without its "ingestion-" prefix.</param>
/// <param name="Component">The workload component, e.g. "ingestion-docs_sync".</param>
/// <param name="WorkloadName">The workload's own name.</param>
/// <param name="Schedule">Its cron schedule, when it runs on one.</param>
public sealed record IngestionSource(string Name, string Component, string? WorkloadName, string? Schedule);
