using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Astro.Triggers.Sdk.Redis;

/// <summary>One service's and credential's budget in Redis. Tickets it grants are positive (Redis's); while Redis
/// cannot be reached it grants the client's in-process budget's tickets, negated, so each answer goes back to the budget
/// that granted its slot.</summary>
internal sealed class RedisRateLimitBudget : RateLimitBudget
{
    private static readonly TimeSpan ProbeGrace = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan KeyTtl = TimeSpan.FromHours(1);

    private readonly Func<Task<IConnectionMultiplexer>> _connection;
    private readonly RedisKey[] _keys;
    private readonly RedisRateLimitBudgetOptions _options;
    private readonly RateLimitBudget _fallback;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly string _service;
    private readonly object _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _retryAt;
    private int _degraded;
    private int _connectionTimedOut;

    public RedisRateLimitBudget(Func<Task<IConnectionMultiplexer>> connection, string key, RedisRateLimitBudgetOptions options, RateLimitBudgetScope scope)
    {
        _connection = connection;
        _keys = [key + ":state", key + ":inflight"];
        _options = options;
        _fallback = scope.Fallback;
        _clock = scope.TimeProvider;
        _service = scope.Service;
        _logger = scope.LoggerFactory?.CreateLogger("Astro.Triggers.Sdk.Redis.RedisRateLimitBudget") ?? NullLogger.Instance;
    }

    /// <summary>Whether the budget is using the client's in-process budget now (for tests).</summary>
    internal bool IsDegraded => Volatile.Read(ref _degraded) != 0;

    public override async ValueTask<RateLimitTake> TakeAsync(CancellationToken cancellationToken = default)
    {
        var connecting = _connection();
        if (!connecting.IsCompleted && Volatile.Read(ref _connectionTimedOut) == 0)
        {
            // The first calls wait (at most CommandTimeout) for the connection rather than start outside the shared
            // budget. A slow first connection is not an unreachable Redis: those calls (and the next ones, without
            // waiting, while the connection is still being made) use the in-process budget, one Warning is logged, and
            // the first call after the connection is made uses Redis (no RetryInterval penalty).
            try
            {
                await connecting.WaitAsync(_options.CommandTimeout, _clock, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Volatile.Write(ref _connectionTimedOut, 1);
                Fallback(ex is TimeoutException ? null : ex, retryLater: ex is not TimeoutException);
            }
        }

        if (Database(connecting) is not { } db)
        {
            return await FallbackTakeAsync(cancellationToken).ConfigureAwait(false);
        }

        RedisResult[] result;
        Task<RedisResult>? pending = null;
        try
        {
            pending = db.ScriptEvaluateAsync(RedisScripts.Take, _keys,
                [(long)_options.InFlightLease.TotalMilliseconds, (long)ProbeGrace.TotalMilliseconds, (long)KeyTtl.TotalMilliseconds]);
            result = (RedisResult[])(await pending.WaitAsync(_options.CommandTimeout, _clock, cancellationToken).ConfigureAwait(false))!;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ReleaseIfGranted(pending);
            Degrade(ex);
            return await FallbackTakeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            ReleaseIfGranted(pending);
            throw;
        }

        Restore();
        if ((long)result[0] == 1)
        {
            return RateLimitTake.Go((long)result[1]);
        }

        var wait = TimeSpan.FromMilliseconds((long)result[2]);
        var spent = (long)result[3] == 1;
        // Held by attempts in flight (maybe another process's): their answers reach this process only through Redis.
        if (!spent && wait > _options.PollInterval)
        {
            wait = _options.PollInterval;
        }

        Task changed;
        lock (_gate)
        {
            changed = _changed.Task;
        }

        return RateLimitTake.Refuse(wait, spent, changed);
    }

    public override void Observe(HttpResponseHeaders headers, int status, long ticket)
    {
        if (ticket < 0)
        {
            _fallback.Observe(headers, status, -ticket);
            return;
        }

        if (!RateLimitWindow.TryRead(headers, status, _clock.GetUtcNow(), out var window))
        {
            Abandon(ticket);
            return;
        }

        var kind = !window.IsRefusal ? "w" : window.HasHeaders ? "h" : "n";
        Send(RedisScripts.Observe,
        [
            ticket, kind, window.Remaining, window.Limit, (long)Math.Ceiling(window.ResetIn.TotalMilliseconds),
            window.ServerReset.ToUnixTimeMilliseconds(), (long)window.Precision.TotalMilliseconds, (long)KeyTtl.TotalMilliseconds,
        ]);
        Wake();
    }

    public override void Abandon(long ticket)
    {
        if (ticket < 0)
        {
            _fallback.Abandon(-ticket);
            return;
        }

        Send(RedisScripts.Abandon, [ticket]);
        Wake();
    }

    public override string ToString() => $"Redis rate-limit budget of {_service}{(IsDegraded ? " (using the in-process budget)" : string.Empty)}";

    // Answers are sent without waiting for Redis: the call goes on, and commands on one connection run in order, so
    // this process's next take sees them. A ticket Redis granted is in Redis's in-flight set whatever this process's
    // mode is now, so its answer goes back to Redis even while takes use the in-process budget (the retry interval
    // after a timeout must not drop it: that leaked the slot until the lease ended). Lost only while Redis is away;
    // the lease ends such an attempt.
    private void Send(string script, RedisValue[] args)
    {
        var connecting = _connection();
        if (!connecting.IsCompletedSuccessfully || connecting.Result is not { IsConnected: true } connection)
        {
            return;
        }

        try
        {
            connection.GetDatabase().ScriptEvaluate(script, _keys, args, CommandFlags.FireAndForget);
        }
        catch (Exception ex)
        {
            Degrade(ex);
        }
    }

    // A take this process stopped waiting for (timed out or cancelled) may still run in Redis and grant a slot that no
    // attempt uses: when its answer arrives, the slot is given back at once, not left in flight until the lease ends.
    private void ReleaseIfGranted(Task<RedisResult>? pending)
    {
        if (pending is null)
        {
            return;
        }

        _ = pending.ContinueWith(
            static (t, self) =>
            {
                if (t.IsCompletedSuccessfully && (RedisResult[]?)t.Result is { Length: > 1 } r && (long)r[0] == 1)
                {
                    var budget = (RedisRateLimitBudget)self!;
                    budget.Send(RedisScripts.Abandon, [(long)r[1]]);
                    budget.Wake();
                }
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private IDatabase? Database(Task<IConnectionMultiplexer> connecting)
    {
        if (!connecting.IsCompletedSuccessfully)
        {
            // Still connecting (the provider's connection keeps trying), or failed (made again after RetryInterval).
            Fallback(connecting.IsFaulted ? connecting.Exception!.GetBaseException() : null, retryLater: false);
            return null;
        }

        var connection = connecting.Result;
        if (!connection.IsConnected)
        {
            Fallback(null, retryLater: false);
            return null;
        }

        if (Volatile.Read(ref _degraded) != 0 && _clock.GetTimestamp() < Interlocked.Read(ref _retryAt))
        {
            return null;
        }

        return connection.GetDatabase();
    }

    private async ValueTask<RateLimitTake> FallbackTakeAsync(CancellationToken cancellationToken)
    {
        var take = await _fallback.TakeAsync(cancellationToken).ConfigureAwait(false);
        return take.Granted ? RateLimitTake.Go(-take.Ticket) : take;
    }

    private void Degrade(Exception? reason) => Fallback(reason, retryLater: true);

    // retryLater: Redis failed a command, so takes use the in-process budget for RetryInterval before asking it again;
    // without it (no connection yet), the next take asks as soon as the connection is there.
    private void Fallback(Exception? reason, bool retryLater)
    {
        if (retryLater)
        {
            Interlocked.Exchange(ref _retryAt, _clock.GetTimestamp() + (long)(_options.RetryInterval.TotalSeconds * _clock.TimestampFrequency));
        }

        if (Interlocked.Exchange(ref _degraded, 1) == 0)
        {
            Log.Unavailable(_logger, _service, reason?.GetType().Name ?? "not connected", reason);
        }
    }

    private void Restore()
    {
        if (Interlocked.Exchange(ref _degraded, 0) == 1)
        {
            Log.Restored(_logger, _service);
        }
    }

    private void Wake()
    {
        TaskCompletionSource woken;
        lock (_gate)
        {
            woken = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        woken.TrySetResult();
    }
}
