using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk;

/// <summary>A run did not reach a terminal state within the wait's timeout. The run itself goes on; the
/// last status seen is on <see cref="Run"/>.</summary>
public class RunWaitTimeoutException : AstroTriggersException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="run">The run, with the last status seen.</param>
    /// <param name="timeout">The wait's timeout.</param>
    /// <param name="polls">How many status reads were made.</param>
    public RunWaitTimeoutException(TriggeredRun run, TimeSpan timeout, int polls)
        : base($"{run?.Service} run '{run?.Id}' was still {run?.Status} (service status '{run?.RawStatus}') after {HumanDuration.Format(timeout)} and {polls} status read{(polls == 1 ? string.Empty : "s")}; it was not stopped.", innerException: null)
    {
        Run = run ?? throw new ArgumentNullException(nameof(run));
        Timeout = timeout;
        Polls = polls;
    }

    /// <summary>The run, with the last status seen.</summary>
    public TriggeredRun Run { get; }

    /// <summary>The wait's timeout.</summary>
    public TimeSpan Timeout { get; }

    /// <inheritdoc />
    public override string Service => Run.Service;

    /// <summary>Empty: no call failed; the wait ran out.</summary>
    public override string OperationId => string.Empty;

    /// <summary>Always 0: the wait ended, not a call.</summary>
    public override int Status => 0;

    /// <summary>Always true: the run was started and is still going.</summary>
    public override bool MayHaveBeenProcessed => true;

    /// <summary>How many status reads were made.</summary>
    public int Polls { get; }
}
