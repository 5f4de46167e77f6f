namespace Astro.Triggers.Sdk.Redis.Tests;

/// <summary>A test that needs redis-server: skipped, with the reason, only when it is missing, cannot be installed and
/// this is not CI (<c>CI=true</c>: .ci/test installs it, so a missing server fails the test instead of hiding it).</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Unavailable is { } reason && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = reason;
        }
    }
}
