namespace Astro.Triggers.Sdk.Testing.Core;

/// <summary>
/// Makes a fake misbehave on its next calls, for testing retries, timeouts and error handling. Faults are used in
/// the order they were added; each covers the number of calls it was given, then the fake behaves normally again.
/// A faulted call does not reach the fake's state (nothing is created, changed or counted), except with
/// <see cref="ServerErrorAfterProcessing"/> and <see cref="DropConnectionAfterProcessing"/>, whose point is that it does.
/// </summary>
/// <remarks>
/// <para>A fake's <see cref="FakeService.Faults"/> targets every call. <see cref="For(string)"/> and
/// <see cref="For(HttpMethod, string)"/> return a view that targets one operation: its faults are taken only by
/// matching calls, so other calls running at the same time are not faulted and do not use them up. An arriving
/// call takes the first fault, in the order added, whose target it matches (an untargeted fault matches every call).</para>
/// <para>On a targeted view, <see cref="Pending"/>, <see cref="Injected"/> and <see cref="Clear"/> concern only the
/// faults added for that target (through any view of the same target); on the fake's own injector, all faults.</para>
/// </remarks>
public sealed class FaultInjector
{
    private readonly FaultQueue _queue;
    private readonly FaultTarget? _target;

    internal FaultInjector(FakeRouter routes)
        : this(new FaultQueue(routes), null)
    {
    }

    private FaultInjector(FaultQueue queue, FaultTarget? target)
    {
        _queue = queue;
        _target = target;
    }

    /// <summary>The operationIds this fake serves (from <c>openapi/*.yaml</c>), the values <see cref="For(string)"/> accepts.</summary>
    public IReadOnlyList<string> OperationIds => _queue.Routes.OperationIds;

    /// <summary>What this view targets: <c>every call</c>, an operationId, or a method and path pattern.</summary>
    public string Target => _target?.ToString() ?? "every call";

    /// <summary>A view whose faults hit only calls to one operation, e.g. <c>Faults.For("createIngestJob").RateLimit(1)</c>.</summary>
    /// <param name="operationId">The operation's id in the service's OpenAPI document (see <see cref="OperationIds"/>), case-sensitive.</param>
    /// <returns>The targeted view; its switches return it, so they chain.</returns>
    /// <exception cref="ArgumentException"><paramref name="operationId"/> is not one this fake serves; the message lists those it does.</exception>
    /// <exception cref="InvalidOperationException">This view is already targeted (targets do not combine).</exception>
    public FaultInjector For(string operationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        EnsureUntargeted();
        if (!OperationIds.Contains(operationId, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"Unknown operationId '{operationId}'; this fake serves: {string.Join(", ", OperationIds)}.", nameof(operationId));
        }

        return new FaultInjector(_queue, new FaultTarget(operationId, null, null));
    }

    /// <summary>A view whose faults hit only calls to one operation that <paramref name="match"/> accepts, e.g. the create
    /// of one job: <c>Faults.For("createIngestJob", r =&gt; r.Body.Contains("\"doc-7\""))</c>. A fault of the view is
    /// taken by the first such call only, so a client's later resend of the same request is not faulted by it.</summary>
    /// <param name="operationId">The operation's id in the service's OpenAPI document (see <see cref="OperationIds"/>), case-sensitive.</param>
    /// <param name="match">Decides from the call as recorded (method, path, query, headers, body; secrets masked).
    /// Called on the server's threads, once per arriving call of the operation while the view has faults left.</param>
    /// <returns>The targeted view; its switches return it, so they chain. Each call of this method makes a new target:
    /// <see cref="Pending"/>, <see cref="Injected"/> and <see cref="Clear"/> on it concern only its own faults.</returns>
    /// <exception cref="ArgumentException"><paramref name="operationId"/> is not one this fake serves.</exception>
    /// <exception cref="InvalidOperationException">This view is already targeted (targets do not combine).</exception>
    public FaultInjector For(string operationId, Func<RecordedRequest, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var view = For(operationId);
        return new FaultInjector(_queue, view._target! with { Match = match });
    }

    /// <summary>A view whose faults hit only calls with <paramref name="method"/> whose path matches
    /// <paramref name="pathPattern"/>, e.g. <c>Faults.For(HttpMethod.Post, "/v1/namespace/*/ingest-jobs")</c>.</summary>
    /// <param name="method">The HTTP method to match.</param>
    /// <param name="pathPattern">The path from its leading <c>/</c>, without query; a <c>*</c> segment matches any one
    /// segment, other segments match exactly (case-sensitive) the request's segment unescaped once. The number of
    /// segments must be equal: <c>/v1/triggers/*</c> does not match <c>/v1/triggers/x/history</c>.</param>
    /// <returns>The targeted view; its switches return it, so they chain.</returns>
    /// <exception cref="ArgumentException">The pattern is empty or does not start with <c>/</c>, or holds a <c>?</c>.</exception>
    /// <exception cref="InvalidOperationException">This view is already targeted (targets do not combine).</exception>
    public FaultInjector For(HttpMethod method, string pathPattern)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(pathPattern);
        EnsureUntargeted();
        if (!pathPattern.StartsWith('/') || pathPattern.Contains('?', StringComparison.Ordinal))
        {
            throw new ArgumentException("A path pattern starts with '/' and has no query, e.g. \"/v1/triggers/*\".", nameof(pathPattern));
        }

        return new FaultInjector(_queue, new FaultTarget(null, method.Method.ToUpperInvariant(), pathPattern));
    }

    /// <summary>The next <paramref name="count"/> calls (of this view's target) answer 429 with <c>Retry-After</c>
    /// (default 1 s), in the service's own format and error body (Agentset's Retry-After is a Unix-milliseconds reset moment).</summary>
    /// <param name="count">How many calls; at least 1. Default 1.</param>
    /// <param name="retryAfter">The wait the answer asks for. Default 1 s.</param>
    /// <returns>This view, to chain.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public FaultInjector RateLimit(int count = 1, TimeSpan? retryAfter = null) =>
        Add(FaultKind.RateLimit, count, 429, retryAfter ?? TimeSpan.FromSeconds(1));

    /// <summary>The next <paramref name="count"/> calls (of this view's target) answer <paramref name="status"/>
    /// (default 503) with the service's error body, and <c>Retry-After</c> when <paramref name="retryAfter"/> is given.</summary>
    /// <param name="count">How many calls; at least 1. Default 1.</param>
    /// <param name="status">The status, 500 to 599. Default 503.</param>
    /// <param name="retryAfter">The wait the answer asks for; none by default.</param>
    /// <returns>This view, to chain.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1 or <paramref name="status"/> is not a 5xx.</exception>
    public FaultInjector ServerError(int count = 1, int status = 503, TimeSpan? retryAfter = null)
    {
        if (status is < 500 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A server error is a status from 500 to 599.");
        }

        return Add(FaultKind.ServerError, count, status, retryAfter);
    }

    /// <summary>The next <paramref name="count"/> calls (of this view's target) are answered normally but only after
    /// <paramref name="delay"/> on the fake's <see cref="TimeProvider"/>. The wait ends early when the client goes
    /// away (the call is then handled at once, as a service that had received it would) and when the fake is
    /// disposed (the call is not acted on), so disposing a fake never waits for a pending delay.</summary>
    /// <param name="delay">How long to hold each call; zero or more.</param>
    /// <param name="count">How many calls; at least 1. Default 1.</param>
    /// <returns>This view, to chain.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative or <paramref name="count"/> below 1.</exception>
    public FaultInjector Delay(TimeSpan delay, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return Add(FaultKind.Delay, count, 0, delay);
    }

    /// <summary>The next <paramref name="count"/> calls (of this view's target) get no response: the connection is
    /// closed before a status line, after the request was read and without acting on it (the client sees an
    /// <see cref="HttpRequestException"/>).</summary>
    /// <param name="count">How many calls; at least 1. Default 1.</param>
    /// <returns>This view, to chain.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public FaultInjector DropConnection(int count = 1) => Add(FaultKind.DropConnection, count, 0, null);

    /// <summary>The next <paramref name="count"/> calls (of this view's target) are acted on — a create creates, a
    /// trigger starts — and then answered <paramref name="status"/> (default 500) with the service's error body: the
    /// ambiguous failure a client cannot tell from one that did nothing. Unlike the other faults, the call reaches the
    /// fake's state.</summary>
    /// <param name="count">How many calls; at least 1. Default 1.</param>
    /// <param name="status">The status, 500 to 599. Default 500.</param>
    /// <returns>This view, to chain.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1 or <paramref name="status"/> is not a 5xx.</exception>
    public FaultInjector ServerErrorAfterProcessing(int count = 1, int status = 500)
    {
        if (status is < 500 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A server error is a status from 500 to 599.");
        }

        return Add(FaultKind.ServerErrorAfterProcessing, count, status, null);
    }

    /// <summary>The next <paramref name="count"/> calls (of this view's target) are read and acted on, then the
    /// connection is reset before a status line: the client sees an <see cref="HttpRequestException"/>, as with
    /// <see cref="DropConnection"/> (which drops the call after reading it <em>without</em> acting on it). Unlike the
    /// other faults, the call reaches the fake's state.</summary>
    /// <param name="count">How many calls; at least 1. Default 1.</param>
    /// <returns>This view, to chain.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public FaultInjector DropConnectionAfterProcessing(int count = 1) => Add(FaultKind.DropConnectionAfterProcessing, count, 0, null);

    /// <summary>Removes every fault not yet used: all of them on the fake's own injector, this target's on a view.</summary>
    public void Clear() => _queue.Clear(_target);

    /// <summary>How many calls are still to be faulted (all, or this view's target's).</summary>
    public int Pending => _queue.Pending(_target);

    /// <summary>How many calls have been faulted so far (all, or by this view's target's faults).</summary>
    public int Injected => _queue.Injected(_target);

    /// <summary>Takes the fault for an arriving call: the first, in the order added, whose target it matches.</summary>
    internal Fault? Take(string method, IReadOnlyList<string> segments, string? operationId, RecordedRequest request) =>
        _queue.Take(method, segments, operationId, request);

    private void EnsureUntargeted()
    {
        if (_target is not null)
        {
            throw new InvalidOperationException($"This view already targets {_target}; call For on the fake's Faults instead.");
        }
    }

    private FaultInjector Add(FaultKind kind, int count, int status, TimeSpan? wait)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _queue.Add(new Fault(kind, count, status, wait, _target));
        return this;
    }
}
