using System.Net;

namespace Astro.Triggers.Sdk.Core.Auth;

/// <summary>Applies the credential to every attempt; on a 401 from a refreshable provider, refreshes once
/// and repeats once (a 401 means the service did not act, so repeating cannot double a side effect).</summary>
internal sealed class AuthHandler(TokenProvider tokens, bool canRefresh, Action<HttpRequestMessage, string> apply) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        apply(request, await tokens(false, cancellationToken).ConfigureAwait(false));
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !canRefresh)
        {
            return response;
        }

        response.Dispose();
        apply(request, await tokens(true, cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
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
