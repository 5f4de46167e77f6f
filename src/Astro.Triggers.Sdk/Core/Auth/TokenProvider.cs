namespace Astro.Triggers.Sdk;

/// <summary>Supplies the secret a client sends. The SDK calls it before each request; cache inside it as you need.
/// After a 401 it calls it with <c>forceRefresh: true</c> and repeats the request once with the new token. Concurrent
/// calls rejected with the same token share that one refresh (the provider is not asked once per call). Calls that
/// were already sent with the refreshed token before the service answered any of them do not refresh it again when it
/// is rejected (their 401 stands); a later call may.
/// If the refresh throws, every call waiting on it fails with a <see cref="TokenRefreshException"/> wrapping it.</summary>
/// <param name="forceRefresh">True after the service rejected the current token.</param>
/// <param name="cancellationToken">Cancels the lookup. For a shared refresh it is cancelled only when every call
/// waiting on it has been cancelled.</param>
/// <returns>The token or API key, without a scheme prefix.</returns>
public delegate ValueTask<string> TokenProvider(bool forceRefresh, CancellationToken cancellationToken);
