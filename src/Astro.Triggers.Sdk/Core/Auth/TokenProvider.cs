namespace Astro.Triggers.Sdk.Core.Auth;

/// <summary>Supplies the secret a client sends. The SDK calls it before each request; after a 401 it calls
/// it once more with <c>forceRefresh: true</c> and repeats the request once. Cache inside it as you need.</summary>
/// <param name="forceRefresh">True after the service rejected the current token.</param>
/// <param name="cancellationToken">Cancels the lookup.</param>
/// <returns>The token or API key, without a scheme prefix.</returns>
public delegate ValueTask<string> TokenProvider(bool forceRefresh, CancellationToken cancellationToken);
