namespace Astro.Triggers.Sdk;

/// <summary>The status of a triggered run, common to every service. Each service's own status string is kept
/// alongside it (<see cref="TriggeredRun.RawStatus"/>); the README documents the mapping per service.</summary>
public enum RunStatus
{
    /// <summary>The service did not report a status the SDK knows. Not terminal: waiting goes on.</summary>
    Unknown = 0,

    /// <summary>Accepted and waiting to start (also: not yet visible in the service's status source).</summary>
    Queued,

    /// <summary>Started and not finished.</summary>
    Running,

    /// <summary>Finished successfully. Terminal.</summary>
    Succeeded,

    /// <summary>Finished with an error. Terminal.</summary>
    Failed,

    /// <summary>Stopped before finishing (terminated, cancelled). Terminal.</summary>
    Cancelled,
}
