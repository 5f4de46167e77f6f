using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.TrueFoundry;

/// <summary>Builds TrueFoundry results for your own unit tests, e.g. what a substituted <see cref="JobRunsClient"/>
/// returns: a <see cref="TrueFoundry.JobRun"/> with its instants given as instants (the wire sends epoch
/// milliseconds), and the run handle, which only the SDK can construct.</summary>
public static class TrueFoundryModelFactory
{
    /// <summary>A job run as TrueFoundry reports it.</summary>
    /// <param name="name">The run's name (its id in every call).</param>
    /// <param name="status">The run's status; the default is null (not reported).</param>
    /// <param name="applicationId">The job's application id; the default is null.</param>
    /// <param name="deploymentId">The job's deployment id; the default is null.</param>
    /// <param name="createdAt">When the run was created; stored as epoch milliseconds, as sent. The default is null.</param>
    /// <param name="endTime">When the run ended; stored as epoch milliseconds, as sent. The default is null.</param>
    /// <param name="error">The service's error text; the default is null.</param>
    /// <param name="exitCode">The process exit code; the default is null.</param>
    /// <returns>The run.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public static JobRun JobRun(
        string name,
        JobRunStatus? status = null,
        string? applicationId = null,
        string? deploymentId = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? endTime = null,
        string? error = null,
        int? exitCode = null) => new()
        {
            Name = Guard.NotNullOrWhiteSpace(name),
            Status = status,
            ApplicationId = applicationId,
            DeploymentId = deploymentId,
            CreatedAt = createdAt?.ToUnixTimeMilliseconds(),
            EndTime = endTime?.ToUnixTimeMilliseconds(),
            Duration = createdAt is { } start && endTime is { } end ? (end - start).TotalMilliseconds : null,
            Error = error,
            ExitCode = exitCode,
        };

    /// <summary>A run handle over a job run in a given state, without a client. Its status and
    /// <see cref="TriggeredRun{T}.Value"/> come from <paramref name="run"/>: for a finished, failed or terminated run
    /// <c>WaitForCompletionAsync</c> returns at once (failed and terminated throw <see cref="RunFailedException"/>, as
    /// from a client, unless <see cref="RunWaitOptions.ThrowOnFailure"/> is off); for any other state it throws
    /// <see cref="InvalidOperationException"/>, because there is no client to read the status with.
    /// <see cref="TriggeredRun.CanCancel"/> is true, as on a real TrueFoundry run, and
    /// <see cref="TriggeredRun.CancelAsync"/> throws <see cref="InvalidOperationException"/> for the same reason.</summary>
    /// <param name="run">The run; its <see cref="JobRun.Name"/> is the handle's id.</param>
    /// <param name="applicationId">The application id the handle reports; the default (null) takes the run's own.</param>
    /// <param name="message">The trigger's message the handle reports; the default is null.</param>
    /// <returns>The run handle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    /// <exception cref="ArgumentException">The run's name is empty.</exception>
    public static TrueFoundryJobRun TrueFoundryJobRun(JobRun run, string? applicationId = null, string? message = null)
    {
        Guard.NotNull(run);
        const string Factory = nameof(TrueFoundryModelFactory);
        return new TrueFoundryJobRun(
            run,
            applicationId ?? run.ApplicationId,
            message,
            DetachedRun.NoRead<JobRun>(TrueFoundryClient.ServiceName, Factory, run.Name),
            DetachedRun.NoCancel<JobRun>(TrueFoundryClient.ServiceName, Factory, run.Name),
            timeProvider: null);
    }
}
