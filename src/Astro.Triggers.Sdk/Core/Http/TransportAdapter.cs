namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>Puts a caller's transport (an HttpMessageHandler or a whole HttpClient) under the SDK's handlers without
/// taking ownership: disposing the client does not dispose it, as the caller may share it.</summary>
internal sealed class TransportAdapter(HttpMessageInvoker transport) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        // An HttpClient refuses a request another HttpClient (the SDK's own) already sent: hand it a copy.
        transport.SendAsync(transport is HttpClient ? Copy(request) : request, cancellationToken);

    private static HttpRequestMessage Copy(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Content = request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        foreach (var (key, value) in request.Options)
        {
            copy.Options.Set(new HttpRequestOptionsKey<object?>(key), value);
        }

        return copy;
    }
}
