using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk;

/// <summary>How a sub-client reads and cancels the runs it hands out, made once per sub-client: each run passes
/// itself (its id, its value, its <see cref="TriggeredRun{T}.SourceState"/>), so starting a run allocates no
/// closure or delegate for its status source.</summary>
/// <param name="Read">Reads the run's object again.</param>
/// <param name="Cancel">Asks the service to stop the run; null where the service cannot.</param>
internal sealed record RunSource<T>(
    Func<TriggeredRun<T>, CancellationToken, Task<T>> Read,
    Func<TriggeredRun<T>, CancellationToken, Task>? Cancel)
{
    /// <summary>Reads many runs' statuses through the service's list operation, for a <see cref="RunGroup{TRun}"/>; null
    /// where the service has none (each run is then read on its own).</summary>
    public RunListReader? Lister { get; init; }
}
