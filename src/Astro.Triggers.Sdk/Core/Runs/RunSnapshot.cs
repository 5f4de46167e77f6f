namespace Astro.Triggers.Sdk;

/// <summary>One observation of a run's status, as reported to progress callbacks.</summary>
/// <param name="Status">The common status.</param>
/// <param name="RawStatus">The service's own status string; null when the run is not yet visible.</param>
/// <param name="ErrorMessage">The service's error text for a failed run, when it gave one.</param>
/// <param name="ObservedAt">When the SDK read it (from the client's <see cref="TimeProvider"/>).</param>
public sealed record RunSnapshot(RunStatus Status, string? RawStatus, string? ErrorMessage, DateTimeOffset ObservedAt)
{
    /// <summary>True for succeeded, failed and cancelled.</summary>
    public bool IsTerminal => Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled;
}
