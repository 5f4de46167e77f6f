using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Agentset;

/// <summary>Builds Agentset results for your own unit tests, e.g. what a substituted <see cref="IngestJobsClient"/>
/// returns. Models with public setters (<see cref="IngestJob"/>, its payloads and config) are built with an object
/// initializer; this factory covers what cannot be: the run handle.</summary>
public static class AgentsetModelFactory
{
    /// <summary>A run handle over a job in a given state, without a client. Its <see cref="TriggeredRun.Status"/> and
    /// <see cref="TriggeredRun{T}.Value"/> come from <paramref name="job"/>: for a completed, failed or cancelled job
    /// <c>WaitForCompletionAsync</c> returns at once (failed and cancelled throw <see cref="RunFailedException"/>, as
    /// from a client, unless <see cref="RunWaitOptions.ThrowOnFailure"/> is off); for any other state it throws
    /// <see cref="InvalidOperationException"/>, because there is no client to read the status with.
    /// <see cref="TriggeredRun.CanCancel"/> is false, as on a real Agentset run.</summary>
    /// <param name="job">The job; its <see cref="IngestJob.Id"/> is the run's id.</param>
    /// <returns>The run handle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="job"/> is null.</exception>
    /// <exception cref="ArgumentException">The job's id is empty.</exception>
    public static IngestJobRun IngestJobRun(IngestJob job)
    {
        Guard.NotNull(job);
        return new IngestJobRun(job, DetachedRun.NoRead<IngestJob>(AgentsetClient.ServiceName, nameof(AgentsetModelFactory), job.Id), timeProvider: null);
    }
}
