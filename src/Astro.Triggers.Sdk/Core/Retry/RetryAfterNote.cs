namespace Astro.Triggers.Sdk.Core.Retry;

/// <summary>Carries the Retry-After the retry layer computed (on its TimeProvider) to the error mapper,
/// so the exception reports the same wait the policy saw.</summary>
internal static class RetryAfterNote
{
    private static readonly HttpRequestOptionsKey<TimeSpan> Key = new("Astro.Triggers.Sdk.RetryAfter");

    public static void Set(HttpResponseMessage response, TimeSpan retryAfter) =>
        response.RequestMessage?.Options.Set(Key, retryAfter);

    public static TimeSpan? Get(HttpResponseMessage response) =>
        response.RequestMessage?.Options.TryGetValue(Key, out var value) == true ? value : null;
}
