using System.Net;

namespace Astro.Triggers.Sdk.Core.Auth;

/// <summary>Applies the credential to every attempt; on a 401 from a refreshable provider, repeats the request once
/// with a refreshed token (a 401 means the service did not act, so repeating cannot double a side effect). Concurrent
/// 401s share one refresh: see <see cref="TokenRefresher"/>.</summary>
internal sealed class AuthHandler(TokenProvider tokens, bool canRefresh, Action<HttpRequestMessage, string> apply) : DelegatingHandler
{
    private readonly TokenRefresher? _refresher = canRefresh ? new TokenRefresher(tokens) : null;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_refresher is null)
        {
            apply(request, await tokens(false, cancellationToken).ConfigureAwait(false));
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var ticket = await _refresher.GetAsync(cancellationToken).ConfigureAwait(false);
        apply(request, ticket.Token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        _refresher.Answered(ticket.Token);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        string? fresh;
        try
        {
            fresh = await _refresher.RenewAsync(ticket, cancellationToken).ConfigureAwait(false);
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
        _refresher.Answered(fresh);
        return repeated;
    }

    /// <summary>Sets <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public static void Bearer(HttpRequestMessage request, string token) =>
        request.Headers.Authorization = new("Bearer", Guard.NoControlCharacters(token, "token"));

    /// <summary>Sets an API-key header such as <c>X-Shipyard-API-Key: &lt;key&gt;</c>.</summary>
    public static Action<HttpRequestMessage, string> Header(string name) => (request, key) =>
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, Guard.NoControlCharacters(key, "token"));
    };
}
