namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>Puts a caller's transport (an HttpMessageHandler or a whole HttpClient) under the SDK's handlers without
/// taking ownership: disposing the client does not dispose it, as the caller may share it.</summary>
internal sealed class TransportAdapter(HttpMessageInvoker transport) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        transport.SendAsync(request, cancellationToken);
}
