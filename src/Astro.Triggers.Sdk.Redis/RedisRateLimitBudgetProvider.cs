using StackExchange.Redis;

namespace Astro.Triggers.Sdk.Redis;

/// <summary>Creates budgets shared through Redis: one per service and credential (keyed by the credential's SHA-256,
/// never the credential), shared by every process, client and thread that uses the same Redis. Set it as
/// <see cref="ServiceClientOptions.RateLimitBudget"/>, or with <c>UseRedisRateLimitBudget</c> on a client's DI builder
/// or options. One provider holds one connection; share it between clients.</summary>
/// <remarks>Never fails a call on its own account: while Redis cannot be reached, each client paces with its own
/// in-process budget and logs one Warning (and an Information when Redis is back).</remarks>
public sealed class RedisRateLimitBudgetProvider : RateLimitBudgetProvider, IDisposable
{
    private readonly RedisRateLimitBudgetOptions _options;
    private readonly bool _ownsConnection;
    private readonly object _gate = new();
    private Task<IConnectionMultiplexer>? _connection;
    private long _connectStartedAt;

    /// <summary>Creates a provider; the connection is made in the background at the first client's first call.</summary>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">Neither a configuration string nor a connection is set, or a time is not positive.</exception>
    public RedisRateLimitBudgetProvider(RedisRateLimitBudgetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _ownsConnection = options.Connection is null;
    }

    /// <summary>Creates a provider for a StackExchange.Redis configuration string.</summary>
    /// <param name="configuration">E.g. <c>localhost:6379</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="configuration"/> is empty.</exception>
    public RedisRateLimitBudgetProvider(string configuration)
        : this(new RedisRateLimitBudgetOptions { Configuration = configuration })
    {
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The client has no static API key (a token provider) and no
    /// <see cref="RedisRateLimitBudgetOptions.Partition"/> is set.</exception>
    public override RateLimitBudget Create(RateLimitBudgetScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var identity = _options.Partition is { } partition ? RateLimitBudgetScope.HashCredential(partition) : scope.CredentialHash
            ?? throw new InvalidOperationException(
                $"The {scope.Service} client authenticates with a token provider: set RedisRateLimitBudgetOptions.Partition to what the service counts by (e.g. the organisation's id).");
        var key = _options.KeyPrefix + "{" + scope.Service + ":" + identity + "}";
        return new RedisRateLimitBudget(Connection, key, _options, scope);
    }

    /// <summary>Closes the connection the provider made (not one it was given).</summary>
    public void Dispose()
    {
        Task<IConnectionMultiplexer>? connection;
        lock (_gate)
        {
            connection = _connection;
        }

        if (_ownsConnection && connection is { IsCompletedSuccessfully: true })
        {
            connection.Result.Dispose();
        }
    }

    // The connection, made at the first call. A first connection that failed outright (not merely slow: StackExchange.Redis
    // keeps reconnecting a slow or lost one by itself) is made again once RetryInterval has passed, never given up on.
    private Task<IConnectionMultiplexer> Connection()
    {
        lock (_gate)
        {
            if (_connection is null
                || (_connection.IsFaulted && System.Diagnostics.Stopwatch.GetElapsedTime(_connectStartedAt) >= _options.RetryInterval))
            {
                _connectStartedAt = System.Diagnostics.Stopwatch.GetTimestamp();
                _connection = _options.Connection is { } given ? Task.FromResult(given) : ConnectAsync(_options);
            }

            return _connection;
        }
    }

    private static async Task<IConnectionMultiplexer> ConnectAsync(RedisRateLimitBudgetOptions options)
    {
        var configuration = ConfigurationOptions.Parse(options.Configuration!);
        // Never wait for Redis at a caller's expense: connect in the background and keep reconnecting.
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = (int)Math.Min(int.MaxValue, options.CommandTimeout.TotalMilliseconds * 4);
        configuration.SyncTimeout = configuration.AsyncTimeout = (int)Math.Min(int.MaxValue, options.CommandTimeout.TotalMilliseconds);
        // Back as soon as Redis is: reconnect every RetryInterval, not on the client's default exponential schedule.
        configuration.ReconnectRetryPolicy = new LinearRetry((int)Math.Min(int.MaxValue, options.RetryInterval.TotalMilliseconds));
        return await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
    }
}
