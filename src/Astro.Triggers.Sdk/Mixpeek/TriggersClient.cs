using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Http;
using Astro.Triggers.Sdk.Core.Paging;
using Astro.Triggers.Sdk.Mixpeek.Generated;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>Mixpeek triggers: create, list, get, update, delete, pause, resume (running one now and its history are
/// <see cref="ExecutionsClient"/>'s). Every argument
/// (namespace, ids, cron expression, time zone, interval) is checked before a request is sent. Members are virtual
/// so tests can mock them.</summary>
public class TriggersClient
{
    private readonly MixpeekOperations _operations = null!;
    private readonly MixpeekClientOptions _options = null!;

    /// <summary>For mocking.</summary>
    protected TriggersClient()
    {
    }

    internal TriggersClient(MixpeekOperations operations, MixpeekClientOptions options)
    {
        _operations = operations;
        _options = options;
    }

    /// <summary>Creates a trigger. Not idempotent: an ambiguous failure (timeout after sending, 500, reset) is
    /// thrown with <c>MayHaveBeenProcessed</c> and never repeated by the SDK; list by resource to check.</summary>
    /// <param name="trigger">The action, the schedule, and optionally a description and initial status.</param>
    /// <param name="options">Per-call namespace, retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created trigger.</returns>
    /// <exception cref="ArgumentException">The namespace, action or schedule breaks a rule (the message names it).</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual async Task<Trigger> CreateAsync(
        CreateTriggerRequest trigger, MixpeekRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(trigger);
        Guard.NotNull(trigger.Action, $"{nameof(trigger)}.{nameof(trigger.Action)}").Validate($"{nameof(trigger)}.{nameof(trigger.Action)}");
        Guard.NotNull(trigger.Schedule, $"{nameof(trigger)}.{nameof(trigger.Schedule)}").Validate($"{nameof(trigger)}.{nameof(trigger.Schedule)}", _options);
        if (trigger.Description is not null)
        {
            Guard.NoControlCharacters(trigger.Description, $"{nameof(trigger)}.{nameof(trigger.Description)}");
        }

        return await _operations.CreateTriggerAsync(Namespace(options), trigger, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every matching trigger, fetched lazily one offset page at a time; <c>AsPages</c> exposes the pages,
    /// whose continuation token is the next offset.</summary>
    /// <param name="filter">Action type, schedule type, status, resource, sort, page size and start offset.</param>
    /// <param name="options">Per-call namespace, retry and timeout.</param>
    /// <param name="cancellationToken">Stops the enumeration, also mid-page.</param>
    /// <returns>The pageable triggers.</returns>
    /// <exception cref="ArgumentException">An argument breaks its rule (the message names it); nothing was sent.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual AsyncPageable<Trigger> ListAsync(
        TriggerListOptions? filter = null, MixpeekRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        filter ??= new TriggerListOptions();
        var ns = Namespace(options);
        Guard.NullOrNotWhiteSpace(filter.ActionType, $"{nameof(filter)}.{nameof(filter.ActionType)}");
        Guard.NullOrNotWhiteSpace(filter.TriggerType, $"{nameof(filter)}.{nameof(filter.TriggerType)}");
        Guard.NullOrNotWhiteSpace(filter.ResourceId, $"{nameof(filter)}.{nameof(filter.ResourceId)}");
        Guard.NullOrNotWhiteSpace(filter.SortBy, $"{nameof(filter)}.{nameof(filter.SortBy)}");
        return OffsetPaging.Create(
            async (offset, limit, ct) =>
            {
                var body = new TriggerListRequest
                {
                    ActionType = filter.ActionType,
                    TriggerType = filter.TriggerType,
                    Status = filter.Status,
                    ResourceId = filter.ResourceId,
                    SortBy = filter.SortBy,
                    Direction = filter.Direction switch
                    {
                        SortDirection.Ascending => MixpeekSortDirection.Asc,
                        SortDirection.Descending => MixpeekSortDirection.Desc,
                        _ => null,
                    },
                    Offset = offset,
                    Limit = limit,
                };
                var list = await _operations.ListTriggersAsync(ns, body, options, ct).ConfigureAwait(false);
                return new OffsetPaging.Slice<Trigger>(list.Results.AsReadOnly(), list.Total, list.Offset, list.Limit);
            },
            filter.StartOffset,
            filter.PageSize,
            defaultPageSize: 50,
            maxPageSize: 1000,
            nameof(filter),
            cancellationToken,
            MixpeekOperations.ListTriggersOperation,
            _options.LoggerFactory,
            trigger => trigger.TriggerId);
    }

    /// <summary>Gets one trigger.</summary>
    /// <param name="triggerId">The trigger's id.</param>
    /// <param name="options">Per-call namespace, retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The trigger.</returns>
    /// <exception cref="ArgumentException">An argument breaks its rule (the message names it); nothing was sent.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual async Task<Trigger> GetAsync(
        string triggerId, MixpeekRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(triggerId);
        return await _operations.GetTriggerAsync(triggerId, Namespace(options), options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes a trigger's schedule, description or status; only what <paramref name="update"/> sets is sent.</summary>
    /// <param name="triggerId">The trigger's id.</param>
    /// <param name="update">The changes; at least one must be set.</param>
    /// <param name="options">Per-call namespace, retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated trigger.</returns>
    /// <exception cref="ArgumentException">Nothing is set, or the schedule breaks a rule.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual async Task<Trigger> UpdateAsync(
        string triggerId, UpdateTriggerRequest update, MixpeekRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(triggerId);
        Guard.NotNull(update);
        if (update.IsEmpty)
        {
            throw new ArgumentException($"'{nameof(update)}' sets nothing: set {nameof(update.Schedule)}, {nameof(update.Description)} or {nameof(update.Status)}.", nameof(update));
        }

        update.Schedule?.Validate($"{nameof(update)}.{nameof(update.Schedule)}", _options);
        if (update.Description is not null)
        {
            Guard.NoControlCharacters(update.Description, $"{nameof(update)}.{nameof(update.Description)}");
        }

        return await _operations.UpdateTriggerAsync(triggerId, Namespace(options), update, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a trigger.</summary>
    /// <param name="triggerId">The trigger's id.</param>
    /// <param name="options">Per-call namespace, retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the trigger was deleted.</returns>
    /// <exception cref="ArgumentException">An argument breaks its rule (the message names it); nothing was sent.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual async Task DeleteAsync(
        string triggerId, MixpeekRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(triggerId);
        await _operations.DeleteTriggerAsync(triggerId, Namespace(options), options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops a trigger from firing until it is resumed. Safe to repeat, so it is retried like a read.</summary>
    /// <param name="triggerId">The trigger's id.</param>
    /// <param name="options">Per-call namespace, retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The paused trigger.</returns>
    /// <exception cref="ArgumentException">An argument breaks its rule (the message names it); nothing was sent.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual async Task<Trigger> PauseAsync(
        string triggerId, MixpeekRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(triggerId);
        return await _operations.PauseTriggerAsync(triggerId, Namespace(options), options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lets a paused trigger fire again. Safe to repeat, so it is retried like a read.</summary>
    /// <param name="triggerId">The trigger's id.</param>
    /// <param name="options">Per-call namespace, retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The resumed trigger.</returns>
    /// <exception cref="ArgumentException">An argument breaks its rule (the message names it); nothing was sent.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual async Task<Trigger> ResumeAsync(
        string triggerId, MixpeekRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(triggerId);
        return await _operations.ResumeTriggerAsync(triggerId, Namespace(options), options, cancellationToken).ConfigureAwait(false);
    }

    private string Namespace(MixpeekRequestOptions? options) => MixpeekScope.Namespace(_options, options);
}
