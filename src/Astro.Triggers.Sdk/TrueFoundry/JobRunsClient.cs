using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Paging;
using Astro.Triggers.Sdk.TrueFoundry.Generated;

namespace Astro.Triggers.Sdk.TrueFoundry;

/// <summary>TrueFoundry job runs: start (trigger), get, list, cancel (terminate), delete, track. Every argument is
/// checked before a request is sent. Members are virtual so tests can mock them.</summary>
public class JobRunsClient
{
    private readonly TrueFoundryOperations _operations = null!;
    private readonly TrueFoundryClientOptions _options = null!;
    private readonly RunSource<JobRun> _runs = null!;

    /// <summary>For mocking.</summary>
    protected JobRunsClient()
    {
    }

    internal JobRunsClient(TrueFoundryOperations operations, TrueFoundryClientOptions options)
    {
        _operations = operations;
        _options = options;
        _runs = new RunSource<JobRun>(ReadRunAsync, CancelRunAsync) { Lister = new JobRunListReader(this) };
    }

    /// <summary>Starts a run of a job, by deployment id or application id (exactly one), with an optional command
    /// and params, or Spark input, and an optional run-name alias. Not idempotent: a timeout after sending or a
    /// 500 is thrown with <c>MayHaveBeenProcessed</c> and never repeated by the SDK.</summary>
    /// <param name="request">What to run.</param>
    /// <param name="options">Per-call retry and timeout; status reads of the returned run use them too.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run; call <c>WaitForCompletionAsync</c> on it (needs the application id: see <see cref="TrueFoundryJobRun"/>).</returns>
    /// <exception cref="ArgumentException">An argument breaks its rule (the message names it); nothing was sent.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual async Task<TrueFoundryJobRun> StartAsync(
        TriggerJobRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Validate(request);
        var response = await _operations.TriggerJobAsync(request, options, cancellationToken).ConfigureAwait(false);
        var name = WireRunId.Required(
            WireRunId.Optional(response.Data?.Name) ?? response.JobRunName, TrueFoundryOperations.TriggerJobOperation, 200, "data.name' or 'jobRunName");

        var run = response.Data ?? new JobRun { Status = JobRunStatus.Created };
        run.Name = name;
        run.ApplicationId ??= request.ApplicationId;
        run.DeploymentId ??= request.DeploymentId;
        return Handle(run, run.ApplicationId, response.Message, options);
    }

    /// <summary>Follows an existing run by id, e.g. one a previous CI step started (rehydration): no request is sent
    /// until its status is read, and its status is unknown until then.</summary>
    /// <param name="applicationId">The job's application id (TrueFoundry reads run status under it).</param>
    /// <param name="jobRunName">The run's name.</param>
    /// <param name="options">Per-call retry and timeout for every status read and for cancelling.</param>
    /// <returns>The run handle; its <c>CancelAsync</c> reads the run once for its deployment id when no status read has yet.</returns>
    /// <exception cref="ArgumentException">An id is empty, ".", "..", or holds a control character.</exception>
    public virtual TrueFoundryJobRun Track(string applicationId, string jobRunName, RequestOptions? options = null)
    {
        Guard.PathSegment(applicationId);
        Guard.PathSegment(jobRunName);
        return Handle(new JobRun { Name = jobRunName, ApplicationId = applicationId }, applicationId, null, options);
    }

    /// <summary>A run resumed from a token: as <see cref="Track"/>, keeping the deployment id it names (cancel needs it).</summary>
    internal TrueFoundryJobRun Resumed(string applicationId, string jobRunName, string? deploymentId, RequestOptions? options)
    {
        Guard.PathSegment(applicationId);
        Guard.PathSegment(jobRunName);
        return Handle(new JobRun { Name = jobRunName, ApplicationId = applicationId, DeploymentId = deploymentId }, applicationId, null, options);
    }

    /// <summary>Gets one run.</summary>
    /// <param name="applicationId">The job's application id.</param>
    /// <param name="jobRunName">The run's name.</param>
    /// <param name="options">Per-call retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run.</returns>
    /// <exception cref="ArgumentException">An argument breaks its rule (the message names it); nothing was sent.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual async Task<JobRun> GetAsync(
        string applicationId, string jobRunName, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(applicationId);
        Guard.PathSegment(jobRunName);
        var envelope = await _operations.GetJobRunAsync(applicationId, jobRunName, options, cancellationToken).ConfigureAwait(false);
        return envelope.Data;
    }

    /// <summary>Every matching run of a job, fetched lazily one offset page at a time; <c>AsPages</c> exposes the
    /// pages, whose continuation token is the next offset.</summary>
    /// <param name="applicationId">The job's application id.</param>
    /// <param name="filter">Statuses, triggered-by, deployment versions, search prefix, sort, page size and start offset.</param>
    /// <param name="options">Per-call retry and timeout.</param>
    /// <param name="cancellationToken">Stops the enumeration, also mid-page.</param>
    /// <returns>The pageable runs.</returns>
    /// <exception cref="ArgumentException">An argument breaks its rule (the message names it); nothing was sent.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual AsyncPageable<JobRun> ListAsync(
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
                    applicationId, limit, offset, filter.SearchPrefix, filter.SortBy, Order(filter.Order), triggeredBy, statuses, versions, options, ct)
                    .ConfigureAwait(false);
                return new OffsetPaging.Slice<JobRun>(
                    list.Data.AsReadOnly(), list.Pagination?.Total, list.Pagination?.Offset, list.Pagination?.Limit);
            },
            filter.StartOffset,
            filter.PageSize,
            defaultPageSize: 10,
            maxPageSize: 1000,
            nameof(filter),
            cancellationToken,
            TrueFoundryOperations.ListJobRunsOperation,
            _options.LoggerFactory,
            run => run.Name);
    }

    /// <summary>Asks a run to stop (TrueFoundry's terminate). Safe to repeat, so it is retried like a read. Stopping is
    /// asynchronous: the run goes TERMINATION_REQUESTED → TERMINATING → TERMINATED; a finished run answers 417.</summary>
    /// <param name="deploymentId">The deployment the run belongs to.</param>
    /// <param name="jobRunName">The run's name.</param>
    /// <param name="options">Per-call retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The service's answer: its message and the run's new status (<c>jobRunStatus</c>, e.g.
    /// TERMINATION_REQUESTED). A control plane that answers without a body gives an answer with both null.</returns>
    /// <exception cref="ArgumentException">An argument breaks its rule (the message names it); nothing was sent.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual async Task<JobRunTermination> CancelAsync(
        string deploymentId, string jobRunName, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(deploymentId);
        Guard.PathSegment(jobRunName);
        return await _operations.TerminateJobRunAsync(deploymentId, jobRunName, options, cancellationToken).ConfigureAwait(false)
            ?? new JobRunTermination();
    }

    /// <summary>Deletes a run's record.</summary>
    /// <param name="applicationId">The job's application id.</param>
    /// <param name="jobRunName">The run's name.</param>
    /// <param name="options">Per-call retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the run was deleted.</returns>
    /// <exception cref="ArgumentException">An argument breaks its rule (the message names it); nothing was sent.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual async Task DeleteAsync(
        string applicationId, string jobRunName, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(applicationId);
        Guard.PathSegment(jobRunName);
        await _operations.DeleteJobRunAsync(applicationId, jobRunName, options, cancellationToken).ConfigureAwait(false);
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

    private static JobRunSortOrder? Order(SortDirection? direction) => direction switch
    {
        SortDirection.Ascending => JobRunSortOrder.Asc,
        SortDirection.Descending => JobRunSortOrder.Desc,
        _ => null,
    };

    // One status source for every handle; the caller's per-call options travel with each run, so every status read
    // and the cancel carry them (issue 20: a per-call timeout or retry given at start was lost on polls).
    private TrueFoundryJobRun Handle(JobRun run, string? applicationId, string? message, RequestOptions? options) =>
        new(run, applicationId, message, _runs, options, _options.TimeProvider) { ResumeTokenWriter = ResumeTokenWriter };

    // A run started by deployment id has no application id to read its status under, so no token.
    private static readonly Func<TriggeredRun, string?> ResumeTokenWriter = run =>
        ((TrueFoundryJobRun)run).ApplicationId is { } applicationId
            ? ResumeTokens.TryEncode(ResumeTokens.TrueFoundry, ("app", applicationId), ("run", run.Id), ("deployment", WireRunId.Optional(((TrueFoundryJobRun)run).Value.DeploymentId)))
            : null;

    private Task<JobRun> ReadRunAsync(TriggeredRun<JobRun> run, CancellationToken cancellationToken) =>
        ((TrueFoundryJobRun)run).ApplicationId is { } applicationId
            ? GetAsync(applicationId, run.Id, (RequestOptions?)run.SourceState, cancellationToken)
            : throw TrueFoundryJobRun.CannotRead(run.Id);

    // The deployment id comes with a status read, so a handle that has none yet (Track) reads the run once first, as the
    // TypeScript client does; a handle that cannot read (started by deployment id) knows it from its start.
    private async Task CancelRunAsync(TriggeredRun<JobRun> run, CancellationToken cancellationToken)
    {
        var options = (RequestOptions?)run.SourceState;
        var deploymentId = run.Value.DeploymentId;
        if (string.IsNullOrWhiteSpace(deploymentId) && ((TrueFoundryJobRun)run).ApplicationId is { } applicationId)
        {
            deploymentId = (await GetAsync(applicationId, run.Id, options, cancellationToken).ConfigureAwait(false)).DeploymentId;
        }

        if (string.IsNullOrWhiteSpace(deploymentId))
        {
            throw new InvalidOperationException(
                $"TrueFoundry terminates a run by deployment id, and run '{run.Id}' does not say its deployment: " +
                $"call {nameof(JobRunsClient)}.{nameof(CancelAsync)}(deploymentId, \"{run.Id}\").");
        }

        await CancelAsync(deploymentId, run.Id, options, cancellationToken).ConfigureAwait(false);
    }
}
