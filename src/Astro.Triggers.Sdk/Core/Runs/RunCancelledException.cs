namespace Astro.Triggers.Sdk;

/// <summary>A run the SDK waited on ended in the common <see cref="RunStatus.Cancelled"/> status: stopped by
/// <see cref="TriggeredRun.CancelAsync"/>, by someone else, or by the service (TrueFoundry TERMINATED, Mixpeek CANCELED or
/// SKIPPED, Agentset CANCELLED, Shipyard Cancelled). A <see cref="RunFailedException"/>, so code that catches that still
/// catches this; catch this first to tell a cancellation from a failure.</summary>
public class RunCancelledException : RunFailedException
{
    /// <summary>Creates the exception for a run that ended cancelled.</summary>
    /// <param name="run">The run, in its final, cancelled state.</param>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    /// <exception cref="ArgumentException">The run's status is not <see cref="RunStatus.Cancelled"/>.</exception>
    public RunCancelledException(TriggeredRun run)
        : base(Cancelled(run))
    {
    }

    private static TriggeredRun Cancelled(TriggeredRun run, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(run))] string? name = null) =>
        (run ?? throw new ArgumentNullException(name)).Status == RunStatus.Cancelled
            ? run
            : throw new ArgumentException($"'{name}' must have ended {RunStatus.Cancelled} (was {run.Status}).", name);
}
