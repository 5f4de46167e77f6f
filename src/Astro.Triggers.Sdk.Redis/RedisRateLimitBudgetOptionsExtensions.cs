using Astro.Triggers.Sdk;

namespace Astro.Triggers.Sdk.Redis;

/// <summary>The no-DI way to share a client's rate-limit budget through Redis: <c>options.UseRedisRateLimitBudget(provider)</c>
/// (beside the budget types, so <c>using Astro.Triggers.Sdk.Redis;</c> finds it; the DI builder's one-liner is in
/// <see cref="Microsoft.Extensions.DependencyInjection.RedisRateLimitBudgetExtensions"/>).</summary>
public static class RedisRateLimitBudgetOptionsExtensions
{
    /// <summary>Paces a client created without DI (<c>new AgentsetClient(options)</c>) with a budget shared through Redis.
    /// Give every client the same provider (it holds the connection) and dispose it when done.</summary>
    /// <typeparam name="TOptions">The client's options type.</typeparam>
    /// <param name="options">The client's options.</param>
    /// <param name="provider">The provider.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static TOptions UseRedisRateLimitBudget<TOptions>(this TOptions options, RedisRateLimitBudgetProvider provider)
        where TOptions : ServiceClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(provider);
        options.RateLimitBudget = provider;
        return options;
    }
}
