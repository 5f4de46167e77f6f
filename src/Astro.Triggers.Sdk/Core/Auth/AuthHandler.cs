using System.Net;

namespace Astro.Triggers.Sdk.Core.Auth;

/// <summary>Applies the credential to every attempt; on a 401 from a refreshable provider, repeats the request once
/// with a refreshed token (a 401 means the service did not act, so repeating cannot double a side effect). Concurrent
/// 401s share one refresh: see <see cref="TokenRefresher"/>.</summary>
internal sealed class AuthHandler(TokenProvider tokens, bool canRefresh, Action<HttpRequestMessage, string> apply) : DelegatingHandler
{
    private readonly TokenRefresher? _refresher = canRefresh ? new TokenRefresher(tokens) : null;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_refresher is null)
        {
            // A static key is ready at once: no task of this handler's own per request.
            var token = tokens(false, cancellationToken);
            if (token.IsCompletedSuccessfully)
            {
                apply(request, token.Result);
                return base.SendAsync(request, cancellationToken);
            }

            return SendAfterTokenAsync(request, token, cancellationToken);
        }

        return SendRefreshableAsync(_refresher, request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAfterTokenAsync(HttpRequestMessage request, ValueTask<string> token, CancellationToken cancellationToken)
    {
        apply(request, await token.ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendRefreshableAsync(TokenRefresher refresher, HttpRequestMessage request, CancellationToken cancellationToken)
    {

        var ticket = await refresher.GetAsync(cancellationToken).ConfigureAwait(false);
        apply(request, ticket.Token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        refresher.Answered(ticket.Token);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        string? fresh;
        try
        {
            fresh = await refresher.RenewAsync(ticket, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        if (fresh is null)
        {
            return response;
        }

        response.Dispose();
        apply(request, fresh);
        var repeated = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        refresher.Answered(fresh);
        return repeated;
    }

    // The last bearer value built: a static key (the common case) is checked and wrapped once, not on every request.
    // AuthenticationHeaderValue is immutable, so one instance can sit on many requests.
    private static System.Net.Http.Headers.AuthenticationHeaderValue? _lastBearer;

    /// <summary>Sets <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public static void Bearer(HttpRequestMessage request, string token)
    {
        var last = Volatile.Read(ref _lastBearer);
        if (last is null || !ReferenceEquals(last.Parameter, token))
        {
            last = new("Bearer", Guard.NoControlCharacters(token, "token"));
            Volatile.Write(ref _lastBearer, last);
        }

        request.Headers.Authorization = last;
    }

    /// <summary>Sets an API-key header such as <c>X-Shipyard-API-Key: &lt;key&gt;</c>.</summary>
    public static Action<HttpRequestMessage, string> Header(string name) => (request, key) =>
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, Guard.NoControlCharacters(key, "token"));
    };
}
