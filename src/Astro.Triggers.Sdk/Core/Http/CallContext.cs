using Astro.Triggers.Sdk.Core.Retry;
using Astro.Triggers.Sdk.Core.Security;

namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>What one facade call hands down to the HTTP pipeline (as an option of each request it sends,
/// so it travels with the request, never through shared state): the operation, the effective retry
/// policy, the call's budget, the client's known secrets, and a count of attempts. Contexts are pooled
/// (<see cref="Create"/>, <see cref="Release"/>): nothing may keep one after its call has returned.</summary>
internal sealed class CallContext
{
    public const string PropertyKey = "Astro.Triggers.Sdk.Call";

    private static readonly HttpRequestOptionsKey<CallContext> Key = new(PropertyKey);

    private static readonly SmallPool<CallContext> Pool = new(static () => new(), Reset);

    private int _attempts;

    // The attempt whose send the SDK's own transport tracks (SendTracking), and the last attempt that wrote a byte.
    private int _trackedAttempt;
    private int _writtenAttempt;

    public OperationInfo Operation { get; private set; } = null!;

    public RetryOptions Retry { get; private set; } = null!;

    public TimeSpan Timeout { get; private set; }

    public TimeProvider TimeProvider { get; private set; } = null!;

    /// <summary>The client's <see cref="ServiceClientOptions.ConnectTimeout"/>, named by the exception when it expires.</summary>
    public TimeSpan ConnectTimeout { get; private set; }

    /// <summary>The largest success body this call reads.</summary>
    public long MaxResponseBytes { get; private set; }

    /// <summary>The secrets of the client making the call, masked in every text the call surfaces.</summary>
    public KnownSecrets Secrets { get; private set; } = null!;

    /// <summary>When the call started, on <see cref="TimeProvider"/>'s clock; set by CallRunner.</summary>
    public long StartedAt { get; set; }

    /// <summary>What is left of the call's budget: the smaller of its <see cref="Timeout"/> and the retry
    /// policy's <c>MaxElapsed</c>, minus the time spent so far.</summary>
    public TimeSpan Remaining
    {
        get
        {
            var elapsed = TimeProvider.GetElapsedTime(StartedAt);
            var budget = Timeout == System.Threading.Timeout.InfiniteTimeSpan || Timeout > Retry.MaxElapsed ? Retry.MaxElapsed : Timeout;
            return budget - elapsed;
        }
    }

    /// <summary>The deadline of the run wait this call reads for (<see cref="WaitDelayLimit.Current"/> when the call
    /// started), or null outside a wait.</summary>
    public WaitDelayLimit? DelayLimit { get; private set; }

    /// <summary>How long a sleep inside this call (a retry's delay, the pacer's wait) may last: <see cref="Remaining"/>,
    /// or less when the call is a run wait's read whose deadline comes first — the wait keeps its timeout to the letter,
    /// so no sleep of its read may end past it. Attempts are not bounded by it, only sleeps.</summary>
    public TimeSpan SleepRoom
    {
        get
        {
            var remaining = Remaining;
            return DelayLimit is { } limit && limit.Left is var left && left < remaining ? left : remaining;
        }
    }

    /// <summary>Whether <see cref="SleepRoom"/> is the wait's deadline rather than the call's budget (for the paced error's text).</summary>
    public bool SleepBoundByWait => DelayLimit is { } limit && limit.Left < Remaining;

    /// <summary>The client's shared rate-limit picture, or null when <see cref="ServiceClientOptions.RateLimitPacing"/> is off.</summary>
    public RateLimitBudget? Pacer { get; private set; }

    /// <summary>The models under construction while a response of this call is read (Core/Json/LenientReadScope).</summary>
    public Stack<object>? ModelsBeingRead { get; set; }

    /// <summary>The current attempt's number in the pacer's sending order.</summary>
    public long PacingTicket { get; set; }

    /// <summary>The caller's own token (set by the retry layer), to tell a caller's cancellation from the budget's.</summary>
    public CancellationToken CallerToken { get; set; }

    /// <summary>The client's logger factory, for what the response reader reports (values it could not read).</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; private set; }

    /// <summary>The operation's span, when someone listens.</summary>
    public System.Diagnostics.Activity? Activity { get; set; }

    /// <summary>Requests actually handed to the transport for this call.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public int NextAttempt() => Interlocked.Increment(ref _attempts);

    /// <summary>The SDK's own transport carries the current attempt and reports every write of its request
    /// (<see cref="SendTracking"/>), so "nothing written" is known rather than guessed.</summary>
    public void TrackSend() => Volatile.Write(ref _trackedAttempt, Attempts);

    /// <summary>A byte of the current attempt's request is being handed to its connection.</summary>
    public void MarkWritten() => Volatile.Write(ref _writtenAttempt, Attempts);

    /// <summary>True only when the current attempt certainly sent nothing: the SDK's own transport carried it and not one
    /// byte of the request was written — it failed or was cancelled while the connection was being established (TCP,
    /// TLS) or while it waited for one. False when unknown (a caller's transport) or when anything was written.</summary>
    public bool AttemptNeverSent
    {
        get
        {
            var attempt = Attempts;
            return Volatile.Read(ref _trackedAttempt) == attempt && Volatile.Read(ref _writtenAttempt) != attempt;
        }
    }

    /// <summary>Told every successful response this call reads (per-call <see cref="RequestOptions.OnResponse"/>).</summary>
    public Action<ResponseInfo>? OnResponse { get; private set; }

    /// <summary>The context of one call: the per-call retry policy and timeout, else the client's.</summary>
    public static CallContext Create(ServiceClientOptions client, RequestOptions? perCall, OperationInfo operation)
    {
        var retry = perCall?.Retry ?? client.Retry;
        if (perCall?.Retry is not null)
        {
            retry.Validate();
        }

        if (perCall?.Timeout is { } timeout)
        {
            Guard.Positive(timeout, "options.Timeout");
        }

        var call = Pool.Get();
        call.Operation = operation;
        call.Retry = retry;
        call.Timeout = perCall?.Timeout ?? client.Timeout;
        call.TimeProvider = client.TimeProvider;
        call.MaxResponseBytes = client.MaxResponseBytes;
        call.ConnectTimeout = client.ConnectTimeout;
        call.Secrets = client.Secrets;
        call.LoggerFactory = client.LoggerFactory;
        call.Pacer = client.RateLimitPacing ? client.BudgetFor(operation.Service) : null;
        call.OnResponse = perCall?.OnResponse;
        call.DelayLimit = WaitDelayLimit.Current;
        return call;
    }

    /// <summary>Gives the context back once its call has returned (CallRunner, last thing).</summary>
    public static void Release(CallContext call) => Pool.Return(call);

    /// <summary>Tells the per-call callback about a successful response, if there is one.</summary>
    public void Notify(HttpResponseMessage response) => OnResponse?.Invoke(ResponseInfo.From(response, this));

    /// <summary>Puts this context on a request of its call, where <see cref="Of"/> finds it.</summary>
    public void AttachTo(HttpRequestMessage request) => request.Options.Set(Key, this);

    public static CallContext? Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var call) ? call : null;

    // Clears what would keep other objects alive or leak into the next call; the model stack keeps its array.
    private static bool Reset(CallContext call)
    {
        call._attempts = 0;
        call._trackedAttempt = 0;
        call._writtenAttempt = 0;
        call.StartedAt = 0;
        call.PacingTicket = 0;
        call.CallerToken = default;
        call.Activity = null;
        call.OnResponse = null;
        call.LoggerFactory = null;
        call.Pacer = null;
        call.DelayLimit = null;
        call.Secrets = null!;
        call.Retry = null!;
        call.ModelsBeingRead?.Clear();
        return true;
    }
}
