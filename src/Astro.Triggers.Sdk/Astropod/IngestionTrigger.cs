namespace Astro.Triggers.Sdk.Astropod;

/// <summary>What Astropod answered to a manual ingestion trigger. Astropod has no status endpoint for a
/// triggered ingestion, so this is not a run handle: <see cref="HasStatusSource"/> is false and there is
/// nothing to wait on. Follow the job (<see cref="JobName"/>) in the Astropod console.</summary>
public sealed class IngestionTrigger
{
    internal IngestionTrigger(string? status, string? jobName, string? @namespace, string ingestion)
    {
        Status = status;
        JobName = jobName;
        Namespace = @namespace;
        Ingestion = ingestion;
    }

    /// <summary>The service's word for the outcome, as sent.</summary>
    public string? Status { get; }

    /// <summary>The name of the Kubernetes job that runs the ingestion.</summary>
    public string? JobName { get; }

    /// <summary>The namespace the job runs in.</summary>
    public string? Namespace { get; }

    /// <summary>The ingestion source that was triggered.</summary>
    public string Ingestion { get; }

    /// <summary>Always false: Astropod offers no way to read a triggered ingestion's status, so the SDK
    /// cannot follow it to completion and does not pretend to.</summary>
#pragma warning disable CA1822 // an instance property, so it reads as a fact about this result
    public bool HasStatusSource => false;
#pragma warning restore CA1822

    /// <inheritdoc />
    public override string ToString() => $"Astropod ingestion '{Ingestion}' → job {JobName} in {Namespace} ({Status})";
}
