using Astro.Triggers.Sdk.Core.Security;

namespace Astro.Triggers.Sdk;

/// <summary>A run the SDK waited on ended failed or cancelled. Carries the service's status and error text. A cancelled
/// run is thrown as the subclass <see cref="RunCancelledException"/>.</summary>
public class RunFailedException : AstroTriggersException
{
    /// <summary>Creates the exception for a run that ended failed or cancelled.</summary>
    /// <param name="run">The run, in its final state.</param>
    public RunFailedException(TriggeredRun run)
        : base(BuildMessage(run ?? throw new ArgumentNullException(nameof(run))), innerException: null)
    {
        Run = run;
        FinalStatus = run.Status;
        RawStatus = run.RawStatus;
        ServiceError = Redactor.Text(run.ErrorMessage);
    }

    /// <summary>The run, in its final state.</summary>
    public TriggeredRun Run { get; }

    /// <summary>The final common status: failed or cancelled.</summary>
    public RunStatus FinalStatus { get; }

    /// <inheritdoc />
    public override string Service => Run.Service;

    /// <summary>Empty: no call failed; the run did.</summary>
    public override string OperationId => string.Empty;

    /// <summary>Always 0: every status read succeeded.</summary>
    public override int Status => 0;

    /// <summary>Always true: the run was started and ran.</summary>
    public override bool MayHaveBeenProcessed => true;

    /// <summary>The service's own final status string.</summary>
    public string? RawStatus { get; }

    /// <summary>The service's error text, when it gave one.</summary>
    public string? ServiceError { get; }

    private static string BuildMessage(TriggeredRun run) =>
        $"{run.Service} run '{run.Id}' {(run.Status == RunStatus.Cancelled ? "was cancelled" : "ended " + run.Status)} (service status '{run.RawStatus}')"
        + (run.ErrorMessage is { Length: > 0 } error ? ": " + Redactor.Text(error) : ".");
}
