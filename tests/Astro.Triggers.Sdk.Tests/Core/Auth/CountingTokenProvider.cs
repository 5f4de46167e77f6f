namespace Astro.Triggers.Sdk.Tests.Core.Auth;

/// <summary>A token provider as users write them: it caches the current token and, on a forced refresh, runs
/// <c>refresh</c> (numbered from 1) and caches its result. It counts the forced refreshes and keeps the token each
/// one was handed.</summary>
internal sealed class CountingTokenProvider(string initial, Func<int, CancellationToken, Task<string>> refresh)
{
    private string _current = initial;
    private int _refreshes;

    public int Refreshes => Volatile.Read(ref _refreshes);

    public List<CancellationToken> RefreshTokens { get; } = [];

    /// <summary>Refreshing takes 50 ms and yields "new", then "new2", "new3", …</summary>
    public static CountingTokenProvider SlowRefresh() =>
        new("old", async (n, ct) =>
        {
            await Task.Delay(50, ct);
            return n == 1 ? "new" : $"new{n}";
        });

    public async ValueTask<string> GetAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (!forceRefresh)
        {
            return Volatile.Read(ref _current);
        }

        var n = Interlocked.Increment(ref _refreshes);
        lock (RefreshTokens)
        {
            RefreshTokens.Add(cancellationToken);
        }

        var token = await refresh(n, cancellationToken);
        Volatile.Write(ref _current, token);
        return token;
    }
}
