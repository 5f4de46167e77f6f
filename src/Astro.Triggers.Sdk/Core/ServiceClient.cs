using Astro.Triggers.Sdk.Core.Http;

namespace Astro.Triggers.Sdk;

/// <summary>The base of every service client: owns the HTTP pipeline it created (never one from
/// IHttpClientFactory) and describes itself without secrets.</summary>
public abstract class ServiceClient : IDisposable
{
    private readonly HttpClient? _ownedHttpClient;
    private readonly string _description;

    /// <summary>For mocking: a client with no pipeline.</summary>
    protected ServiceClient()
    {
        _description = GetType().Name;
    }

    private protected ServiceClient(HttpClient? ownedHttpClient, ServiceClientOptions options)
    {
        _ownedHttpClient = ownedHttpClient;
        _description = $"{GetType().Name} {{ {options} }}";
    }

    /// <inheritdoc />
    public override string ToString() => _description;

    /// <summary>Releases the HTTP pipeline this client created (not one from IHttpClientFactory).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
        }
    }

    /// <summary>Validates the options and builds the client's own pipeline (retry, telemetry, auth).</summary>
    private protected static HttpClient CreateHttpClient(
        ServiceClientOptions options, string service, Action<HttpRequestMessage, string> applyCredential)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        return ClientPipeline.CreateHttpClient(options, service, applyCredential);
    }
}
