namespace Astro.Triggers.Sdk.Redis.Tests;

/// <summary>A test that needs redis-server: skipped, with the reason, only when it is missing and cannot be installed.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
