using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Astropod;

/// <summary>Builds Astropod results for your own unit tests, e.g. what a substituted <see cref="IngestionsClient"/>
/// returns. Deployments and workloads have public setters and <see cref="IngestionSource"/> is a record, so they are
/// built directly; this factory covers <see cref="Astropod.IngestionTrigger"/>, which only the SDK can construct.
/// Astropod has no run handle: it offers no status for a triggered ingestion.</summary>
public static class AstropodModelFactory
{
    /// <summary>What Astropod answers to a manual ingestion trigger.</summary>
    /// <param name="ingestion">The ingestion source that was triggered.</param>
    /// <param name="status">The service's word for the outcome; the default is "triggered".</param>
    /// <param name="jobName">The Kubernetes job that runs the ingestion; the default is null.</param>
    /// <param name="namespace">The namespace the job runs in; the default is null.</param>
    /// <returns>The trigger result.</returns>
    /// <exception cref="ArgumentException"><paramref name="ingestion"/> is null, empty or white space.</exception>
    public static IngestionTrigger IngestionTrigger(
        string ingestion, string? status = "triggered", string? jobName = null, string? @namespace = null) =>
        new(status, jobName, @namespace, Guard.NotNullOrWhiteSpace(ingestion));
}
