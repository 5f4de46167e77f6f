using Astro.Triggers.Sdk;
using Astro.Triggers.Sdk.Redis;

// DI extensions live in the DI namespace so they are found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Shares a client's rate-limit budget through Redis: <c>services.AddAgentsetClient(…).UseRedisRateLimitBudget("localhost:6379")</c>,
/// or, without DI, <c>options.UseRedisRateLimitBudget(provider)</c> (<see cref="Astro.Triggers.Sdk.Redis.RedisRateLimitBudgetOptionsExtensions"/>).</summary>
public static class RedisRateLimitBudgetExtensions
{
    /// <summary>Paces the client this builder registers with a budget shared through Redis (one per service and
    /// credential, across every process using that Redis). The provider is a singleton of the container, one connection
    /// for every client that uses this configuration string.</summary>
    /// <param name="builder">The builder an <c>Add…Client</c> call returned.</param>
    /// <param name="configuration">The StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="configuration"/> is empty.</exception>
    public static IHttpClientBuilder UseRedisRateLimitBudget(this IHttpClientBuilder builder, string configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        return builder.UseRedisRateLimitBudget(o => o.Configuration = configuration);
    }

    /// <summary>Paces the client this builder registers with a budget shared through Redis, configured in code.</summary>
    /// <param name="builder">The builder an <c>Add…Client</c> call returned.</param>
    /// <param name="configure">Sets the options (a configuration string or a connection of your own, a partition, …).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder UseRedisRateLimitBudget(this IHttpClientBuilder builder, Action<RedisRateLimitBudgetOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new RedisRateLimitBudgetOptions();
        configure(options);
        options.Validate();
        // Keyed by the client's HttpClient name: the SDK's registration asks for the provider of its own client.
        builder.Services.AddKeyedSingleton<RateLimitBudgetProvider>(builder.Name, (_, _) => new RedisRateLimitBudgetProvider(options));
        return builder;
    }
}
