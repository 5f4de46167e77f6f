using StackExchange.Redis;

namespace Astro.Triggers.Sdk.Redis;

/// <summary>Settings of <see cref="RedisRateLimitBudgetProvider"/>.</summary>
public sealed class RedisRateLimitBudgetOptions
{
    /// <summary>The StackExchange.Redis configuration string, e.g. <c>localhost:6379</c> or
    /// <c>redis.internal:6379,password=…,ssl=true</c>. Set this or <see cref="Connection"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Configuration { get; set; }

    /// <summary>A connection your application already has (it stays yours: the provider does not dispose it). Takes
    /// precedence over <see cref="Configuration"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public IConnectionMultiplexer? Connection { get; set; }

    /// <summary>The start of every key the budget writes: <c>{prefix}{service:hash}:state</c> and <c>…:inflight</c>
    /// (the braces keep both keys of one budget in one cluster slot).</summary>
    /// <value>The default value is <c>astro-triggers:rate-limit:</c>.</value>
    public string KeyPrefix { get; set; } = "astro-triggers:rate-limit:";

    /// <summary>What the budget is shared by, instead of the client's credential: needed when clients authenticate with a
    /// <see cref="ServiceClientOptions.TokenProvider"/> (whose tokens may change), e.g. the organisation's id. Stored
    /// hashed, like a credential.</summary>
    /// <value>The default value is <see langword="null"/>: one budget per service and API key.</value>
    public string? Partition { get; set; }

    /// <summary>How long an attempt counts as in flight without its answer reaching Redis: a process that dies mid-attempt
    /// frees its slot after this long. Keep it above the longest attempt (<see cref="RetryOptions.AttemptTimeout"/>).</summary>
    /// <value>The default value is 2 minutes.</value>
    public TimeSpan InFlightLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a call held only by other processes' attempts in flight asks again (their answers reach this
    /// process only through Redis).</summary>
    /// <value>The default value is 20 milliseconds.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>After Redis failed a take, how long the client uses its in-process budget before trying Redis again.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest a take may wait for Redis before the client uses its in-process budget for that attempt.</summary>
    /// <value>The default value is 500 milliseconds.</value>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    internal void Validate()
    {
        if (Connection is null && string.IsNullOrWhiteSpace(Configuration))
        {
            throw new ArgumentException($"{nameof(RedisRateLimitBudgetOptions)}: set {nameof(Configuration)} (e.g. \"localhost:6379\") or {nameof(Connection)}.");
        }

        if (InFlightLease <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero || RetryInterval <= TimeSpan.Zero || CommandTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(RedisRateLimitBudgetOptions)}: {nameof(InFlightLease)}, {nameof(PollInterval)}, {nameof(RetryInterval)} and {nameof(CommandTimeout)} must be positive.");
        }

        if (string.IsNullOrEmpty(KeyPrefix))
        {
            throw new ArgumentException($"{nameof(RedisRateLimitBudgetOptions)}: {nameof(KeyPrefix)} must not be empty.");
        }
    }
}
