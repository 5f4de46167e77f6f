using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Http;
using Astro.Triggers.Sdk.Core.Paging;
using Astro.Triggers.Sdk.TrueFoundry.Generated;

namespace Astro.Triggers.Sdk.TrueFoundry;

/// <summary>TrueFoundry job runs: trigger, get, list, terminate, delete. Every argument is checked before a
/// request is sent. Members are virtual so tests can mock them.</summary>
public class JobsClient
{
    private readonly TrueFoundryOperations _operations = null!;
    private readonly TrueFoundryClientOptions _options = null!;

    /// <summary>For mocking.</summary>
    protected JobsClient()
    {
    }

    internal JobsClient(TrueFoundryOperations operations, TrueFoundryClientOptions options)
    {
        _operations = operations;
        _options = options;
    }

    /// <summary>Starts a run of a job, by deployment id or application id (exactly one), with an optional command
    /// and params, or Spark input, and an optional run-name alias. Not idempotent: a timeout after sending or a
    /// 500 is thrown with <c>MayHaveBeenProcessed</c> and never repeated by the SDK.</summary>
    /// <param name="request">What to run.</param>
    /// <param name="options">Per-call retry and timeout; status reads of the returned run use them too.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run; call <c>WaitForCompletionAsync</c> on it (needs the application id: see <see cref="TrueFoundryJobRun"/>).</returns>
    public virtual async Task<TrueFoundryJobRun> TriggerJobAsync(
        TriggerJobRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Validate(request);
        var response = await _operations.TriggerJobAsync(request, Call(options), cancellationToken).ConfigureAwait(false);
        var name = response.Data?.Name is { Length: > 0 } dataName ? dataName : response.JobRunName;
        if (string.IsNullOrEmpty(name))
        {
            throw new ResponseDeserializationException(
                TrueFoundryOperations.TriggerJobOperation, 200, "the answer named no job run", innerException: null);
        }

        var run = response.Data ?? new JobRun { Status = JobRunStatus.Created };
        run.Name = name;
        return new TrueFoundryJobRun(run, request.ApplicationId, response.Message, this, _options.TimeProvider);
    }

    /// <summary>Follows an existing run (no request is sent until its status is read).</summary>
    /// <param name="applicationId">The job's application id.</param>
    /// <param name="jobRunName">The run's name.</param>
    /// <returns>The run handle, status unknown until updated.</returns>
    public virtual TrueFoundryJobRun TrackRun(string applicationId, string jobRunName)
    {
        Guard.PathSegment(applicationId);
        Guard.PathSegment(jobRunName);
        return new TrueFoundryJobRun(new JobRun { Name = jobRunName }, applicationId, null, this, _options.TimeProvider);
    }

    /// <summary>Gets one run.</summary>
    /// <param name="applicationId">The job's application id.</param>
    /// <param name="jobRunName">The run's name.</param>
    /// <param name="options">Per-call retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run.</returns>
    public virtual async Task<JobRun> GetRunAsync(
        string applicationId, string jobRunName, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(applicationId);
        Guard.PathSegment(jobRunName);
        var envelope = await _operations.GetJobRunAsync(applicationId, jobRunName, Call(options), cancellationToken).ConfigureAwait(false);
        return envelope.Data;
    }

    /// <summary>Every matching run of a job, fetched lazily one offset page at a time; <c>AsPages</c> exposes the
    /// pages, whose continuation token is the next offset.</summary>
    /// <param name="applicationId">The job's application id.</param>
    /// <param name="filter">Statuses, triggered-by, deployment versions, search prefix, sort, page size and start offset.</param>
    /// <param name="options">Per-call retry and timeout.</param>
    /// <param name="cancellationToken">Stops the enumeration, also mid-page.</param>
    /// <returns>The pageable runs.</returns>
    public virtual AsyncPageable<JobRun> ListRunsAsync(
        string applicationId, JobRunListOptions? filter = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(applicationId);
        filter ??= new JobRunListOptions();
        var statuses = filter.Statuses is { Count: > 0 } s ? s.ToArray() : null;
        var triggeredBy = filter.TriggeredBy is { Count: > 0 } t ? t.ToArray() : null;
        var versions = filter.VersionNumbers is { Count: > 0 } v ? v.ToArray() : null;
        foreach (var version in versions ?? [])
        {
            Guard.InRange(version, 0, int.MaxValue, $"{nameof(filter)}.{nameof(filter.VersionNumbers)}");
        }

        foreach (var subject in triggeredBy ?? [])
        {
            Guard.NotNullOrWhiteSpace(subject, $"{nameof(filter)}.{nameof(filter.TriggeredBy)}");
        }

        return OffsetPaging.Create(
            async (offset, limit, ct) =>
            {
                var list = await _operations.ListJobRunsAsync(
                    applicationId, limit, offset, filter.SearchPrefix, filter.SortBy, filter.Order, triggeredBy, statuses, versions, Call(options), ct)
                    .ConfigureAwait(false);
                return new OffsetPaging.Slice<JobRun>(
                    list.Data.AsReadOnly(), list.Pagination?.Total, list.Pagination?.Offset, list.Pagination?.Limit);
            },
            filter.StartOffset,
            filter.PageSize,
            defaultPageSize: 10,
            maxPageSize: 1000,
            nameof(filter),
            cancellationToken);
    }

    /// <summary>Asks a run to stop. Safe to repeat, so it is retried like a read.</summary>
    /// <param name="deploymentId">The deployment the run belongs to.</param>
    /// <param name="jobRunName">The run's name.</param>
    /// <param name="options">Per-call retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The service's answer: its message and the run's new status (<c>jobRunStatus</c>, e.g.
    /// TERMINATION_REQUESTED). A control plane that answers without a body gives an answer with both null.</returns>
    public virtual async Task<JobRunTermination> TerminateRunAsync(
        string deploymentId, string jobRunName, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(deploymentId);
        Guard.PathSegment(jobRunName);
        return await _operations.TerminateJobRunAsync(deploymentId, jobRunName, Call(options), cancellationToken).ConfigureAwait(false)
            ?? new JobRunTermination();
    }

    /// <summary>Deletes a run's record.</summary>
    /// <param name="applicationId">The job's application id.</param>
    /// <param name="jobRunName">The run's name.</param>
    /// <param name="options">Per-call retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the run was deleted.</returns>
    public virtual async Task DeleteRunAsync(
        string applicationId, string jobRunName, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(applicationId);
        Guard.PathSegment(jobRunName);
        await _operations.DeleteJobRunAsync(applicationId, jobRunName, Call(options), cancellationToken).ConfigureAwait(false);
    }

    private static void Validate(TriggerJobRequest request)
    {
        Guard.NotNull(request);
        var byDeployment = !string.IsNullOrWhiteSpace(request.DeploymentId);
        var byApplication = !string.IsNullOrWhiteSpace(request.ApplicationId);
        if (byDeployment == byApplication)
        {
            throw new ArgumentException(
                $"Set exactly one of '{nameof(request)}.{nameof(request.DeploymentId)}' and '{nameof(request)}.{nameof(request.ApplicationId)}'.",
                nameof(request));
        }

        if (request.Input is { } input)
        {
            var spark = input.MainClass is not null || input.MainApplicationFile is not null || input.Arguments is not null;
            var command = input.Command is not null || input.Params is not null;
            if (spark && command)
            {
                throw new ArgumentException(
                    $"'{nameof(request)}.{nameof(request.Input)}' is either a command with params or Spark input (mainClass, mainApplicationFile, arguments), not both.",
                    nameof(request));
            }

            foreach (var (key, value) in input.Params ?? new Dictionary<string, object>())
            {
                Guard.NotNullOrWhiteSpace(key, $"{nameof(request)}.{nameof(request.Input)}.{nameof(input.Params)} key");
                // What the source-generated context can write; anything else would fail only once sending.
                if (value is not (null or string or bool or int or long or double or string[] or System.Text.Json.JsonElement))
                {
                    throw new ArgumentException(
                        $"'{nameof(request)}.{nameof(request.Input)}.{nameof(input.Params)}[\"{key}\"]' must be a string, boolean, int, long, double, " +
                        $"string[] or JsonElement (any JSON value), was {value.GetType().Name}.",
                        nameof(request));
                }
            }
        }
    }

    private CallContext Call(RequestOptions? options) => CallContext.Create(_options, options, hasTenants: false);
}
