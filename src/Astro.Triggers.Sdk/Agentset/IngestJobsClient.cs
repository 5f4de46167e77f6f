using Astro.Triggers.Sdk.Agentset.Generated;
using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Paging;
using Astro.Triggers.Sdk.Core.Tenancy;

namespace Astro.Triggers.Sdk.Agentset;

/// <summary>Agentset ingest jobs: list, create, get, delete, re-ingest. Every argument is checked before a
/// request is sent. Members are virtual so tests can mock them.</summary>
public partial class IngestJobsClient
{
    private readonly AgentsetOperations _operations = null!;
    private readonly AgentsetClientOptions _options = null!;
    private readonly RunSource<IngestJob> _runs = null!;
    private readonly Func<TriggeredRun, string?> _resumeToken = null!;

    /// <summary>For mocking.</summary>
    protected IngestJobsClient()
    {
    }

    internal IngestJobsClient(AgentsetOperations operations, AgentsetClientOptions options)
    {
        _operations = operations;
        _options = options;
        _runs = new RunSource<IngestJob>((run, ct) => GetAsync(run.Id, (AgentsetRequestOptions?)run.SourceState, ct), Cancel: null) { Lister = new IngestJobListReader(this) };
        _resumeToken = ResumeTokenOf;
    }

    /// <summary>Every matching job, fetched lazily page by page; use <c>AsPages</c> for cursors.</summary>
    /// <param name="filter">Statuses, order, direction, page size and a starting cursor.</param>
    /// <param name="options">Per-call namespace, tenant, retry and timeout.</param>
    /// <param name="cancellationToken">Stops the enumeration, also mid-page.</param>
    /// <returns>The pageable jobs.</returns>
    /// <exception cref="ArgumentException">An id, tenant or page size breaks its rule.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual AsyncPageable<IngestJob> ListAsync(
        IngestJobListOptions? filter = null, AgentsetRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        filter ??= new IngestJobListOptions();
        var ns = Namespace(options);
        var tenant = Tenant(options);
        if (filter.PageSize is { } size)
        {
            Guard.InRange(size, 1, 100, $"{nameof(filter)}.{nameof(filter.PageSize)}");
        }

        var statuses = filter.Statuses is { Count: > 0 } s ? s.ToArray() : null;
        var direction = filter.Direction;
        var order = filter.Order;
        return new FuncAsyncPageable<IngestJob>(
            async (cursor, pageSize, ct) =>
            {
                if (pageSize is { } hint)
                {
                    Guard.InRange(hint, 1, 100, "pageSize");
                }

                var response = await _operations.ListIngestJobsAsync(
                    ns, statuses, null, Order(order), cursor, cursor is null ? null : direction, pageSize, tenant, options, ct).ConfigureAwait(false);
                var next = direction == CursorDirection.Backward ? response.Pagination.PrevCursor : response.Pagination.NextCursor;
                var previous = direction == CursorDirection.Backward ? response.Pagination.NextCursor : response.Pagination.PrevCursor;
                return new Page<IngestJob>(response.Data.AsReadOnly(), next, previous, response.Pagination.HasMore);
            },
            filter.StartCursor,
            filter.PageSize,
            cancellationToken);
    }

    /// <summary>Creates an ingest job. Not idempotent: an ambiguous failure (timeout after sending, 500, reset)
    /// is thrown with <c>MayHaveBeenProcessed</c> and never repeated by the SDK; set <c>ExternalId</c> to find
    /// the job afterwards. Only answers that prove nothing happened (refused connection, 429, 503 with
    /// Retry-After) are retried.</summary>
    /// <param name="job">The payload and optional name, config and external id. The payload is checked against the
    /// service's document before sending: a kind (<see cref="TextPayload"/>, <see cref="FilePayload"/>, …; the default
    /// empty <see cref="IngestJobPayload"/> has none), text not empty or whitespace, absolute http(s) URLs, at least one
    /// YouTube URL or batch item, minimums of depth, limit and chunk size.</param>
    /// <param name="options">Per-call namespace, tenant, retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created job.</returns>
    /// <exception cref="ArgumentException">An argument breaks its rule (the message names it, e.g.
    /// <c>job.Payload.Text</c>); nothing was sent.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual async Task<IngestJob> CreateAsync(
        CreateIngestJobRequest job, AgentsetRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(job);
        PayloadRule.Check(job, nameof(job));
        if (job.ExternalId is not null)
        {
            Guard.NoControlCharacters(job.ExternalId, $"{nameof(job)}.{nameof(job.ExternalId)}");
        }

        var response = await _operations.CreateIngestJobAsync(Namespace(options), job, Tenant(options), options, cancellationToken)
            .ConfigureAwait(false);
        return response.Data;
    }

    /// <summary>Creates an ingest job (exactly as <see cref="CreateAsync"/>) and returns it as a run to wait on.</summary>
    /// <param name="job">The payload and optional name, config and external id, checked as by <see cref="CreateAsync"/>.</param>
    /// <param name="options">Per-call namespace, tenant, retry and timeout; status reads use them too.</param>
    /// <param name="cancellationToken">Cancels the create.</param>
    /// <returns>The run; call <c>WaitForCompletionAsync</c> on it.</returns>
    /// <exception cref="ArgumentException">An argument breaks its rule (the message names it); nothing was sent.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual async Task<IngestJobRun> StartAsync(
        CreateIngestJobRequest job, AgentsetRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var created = await CreateAsync(job, options, cancellationToken).ConfigureAwait(false);
        // The id comes from the answer, not the caller: a bad one is the answer's fault (not Track's ArgumentException).
        WireRunId.Required(created?.Id, AgentsetOperations.CreateIngestJobOperation, 201, "data.id", "job_");
        return new IngestJobRun(created!, _runs, options, _options.TimeProvider) { ResumeTokenWriter = _resumeToken };
    }

    /// <summary>Follows an existing job as a run (no request is sent until its status is read).</summary>
    /// <param name="job">The job, e.g. from <see cref="GetAsync"/> or a list.</param>
    /// <param name="options">Per-call namespace, tenant, retry and timeout for every status read.</param>
    /// <returns>The run.</returns>
    /// <exception cref="ArgumentException">The job's id is not an Agentset job id ("job_…").</exception>
    public virtual IngestJobRun Track(IngestJob job, AgentsetRequestOptions? options = null)
    {
        Guard.NotNull(job);
        var id = Guard.PrefixedId(job.Id, "job_", $"{nameof(job)}.{nameof(job.Id)}");
        return new IngestJobRun(job, _runs, options, _options.TimeProvider) { ResumeTokenWriter = _resumeToken };
    }

    /// <summary>Follows a job by id, e.g. one a previous CI step started (rehydration): no request is sent until its
    /// status is read, and its status is unknown until then.</summary>
    /// <param name="jobId">The job id, prefixed "job_".</param>
    /// <param name="options">Per-call namespace, tenant, retry and timeout for every status read.</param>
    /// <returns>The run.</returns>
    /// <exception cref="ArgumentException">The id is not an Agentset job id, or no namespace is set.</exception>
    public virtual IngestJobRun Track(string jobId, AgentsetRequestOptions? options = null)
    {
        Guard.PrefixedId(jobId, "job_");
        var placeholder = new IngestJob { Id = jobId, NamespaceId = Namespace(options), Status = IngestJobStatus.Unknown };
        return new IngestJobRun(placeholder, _runs, options, _options.TimeProvider) { ResumeTokenWriter = _resumeToken };
    }

    /// <summary>Gets one ingest job.</summary>
    /// <param name="jobId">The job id, prefixed "job_".</param>
    /// <param name="options">Per-call namespace, tenant, retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job.</returns>
    /// <exception cref="ArgumentException">An argument breaks its rule (the message names it); nothing was sent.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual async Task<IngestJob> GetAsync(
        string jobId, AgentsetRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PrefixedId(jobId, "job_");
        var response = await _operations.GetIngestJobAsync(Namespace(options), jobId, Tenant(options), options, cancellationToken)
            .ConfigureAwait(false);
        return response.Data;
    }

    /// <summary>Queues a job and its documents for deletion.</summary>
    /// <param name="jobId">The job id, prefixed "job_".</param>
    /// <param name="options">Per-call namespace, tenant, retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job as the service reports it, or null when it answered 204 without a body.</returns>
    /// <exception cref="ArgumentException">An argument breaks its rule (the message names it); nothing was sent.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual async Task<IngestJob?> DeleteAsync(
        string jobId, AgentsetRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PrefixedId(jobId, "job_");
        var response = await _operations.DeleteIngestJobAsync(Namespace(options), jobId, Tenant(options), options, cancellationToken)
            .ConfigureAwait(false);
        return response?.Data;
    }

    /// <summary>Queues a job to be processed again. Not idempotent: retried only when nothing happened.</summary>
    /// <param name="jobId">The job id, prefixed "job_".</param>
    /// <param name="options">Per-call namespace, tenant, retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The id of the re-queued job.</returns>
    /// <exception cref="ArgumentException">An argument breaks its rule (the message names it); nothing was sent.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual async Task<string> ReIngestAsync(
        string jobId, AgentsetRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PrefixedId(jobId, "job_");
        var response = await _operations.ReIngestJobAsync(Namespace(options), jobId, Tenant(options), options, cancellationToken)
            .ConfigureAwait(false);
        return WireRunId.Required(response.Data?.Id, AgentsetOperations.ReIngestJobOperation, 200, "data.id", "job_");
    }

    private static AgentsetSortOrder? Order(SortDirection? direction) => direction switch
    {
        SortDirection.Ascending => AgentsetSortOrder.Asc,
        SortDirection.Descending => AgentsetSortOrder.Desc,
        _ => null,
    };

    // The namespace and tenant the run's status reads use: the per-call ones, else the client's.
    private string? ResumeTokenOf(TriggeredRun run)
    {
        var options = (AgentsetRequestOptions?)((IngestJobRun)run).SourceState;
        return ResumeTokens.TryEncode(
            ResumeTokens.Agentset, ("ns", options?.NamespaceId ?? _options.NamespaceId), ("run", run.Id), ("tenant", options?.TenantId ?? _options.TenantId));
    }

    private string Namespace(AgentsetRequestOptions? options)
    {
        var ns = options?.NamespaceId ?? _options.NamespaceId
            ?? throw new ArgumentException(
                $"A namespace id is required: set {nameof(AgentsetClientOptions)}.{nameof(AgentsetClientOptions.NamespaceId)} or {nameof(AgentsetRequestOptions)}.{nameof(AgentsetRequestOptions.NamespaceId)}.",
                nameof(options));
        return Guard.PrefixedId(ns, "ns_", "namespaceId");
    }

    private string? Tenant(AgentsetRequestOptions? options) =>
        options?.TenantId is { } perCall
            ? TenantId.Validate(perCall, "options.TenantId")
            : TenantId.Validate(_options.TenantId, nameof(AgentsetClientOptions.TenantId));

}
