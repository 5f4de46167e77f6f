using Astro.Triggers.Sdk.Agentset.Generated;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Http;
using Refit;

namespace Astro.Triggers.Sdk.Agentset;

/// <summary>The Agentset client. Create it directly (<c>new AgentsetClient(options)</c>) or register it with
/// <c>services.AddAgentsetClient(...)</c>. Thread-safe; one instance serves many tenants concurrently.</summary>
public class AgentsetClient : IDisposable
{
    internal const string ServiceName = "Agentset";

    private readonly HttpClient? _ownedHttpClient;
    private readonly string _description = nameof(AgentsetClient);

    /// <summary>For mocking.</summary>
    protected AgentsetClient()
    {
        IngestJobs = null!;
    }

    /// <summary>Creates a client with its own HTTP pipeline (retry, telemetry, auth).</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message lists why).</exception>
    public AgentsetClient(AgentsetClientOptions options)
        : this(CreateHttpClient(options), options, ownsHttpClient: true)
    {
    }

    internal AgentsetClient(HttpClient httpClient, AgentsetClientOptions options, bool ownsHttpClient)
    {
        options.ThrowIfInvalid();
        var api = RestService.ForGenerated<IAgentsetApi>(httpClient, AgentsetOperations.CreateRefitSettings());
        IngestJobs = new IngestJobsClient(new AgentsetOperations(api), options);
        _description = $"{nameof(AgentsetClient)} {{ {options} }}";
        _ownedHttpClient = ownsHttpClient ? httpClient : null;
    }

    /// <summary>Ingest jobs: list, create, get, delete, re-ingest.</summary>
    public virtual IngestJobsClient IngestJobs { get; }

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

    private static HttpClient CreateHttpClient(AgentsetClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        return ClientPipeline.CreateHttpClient(options, ServiceName, AuthHandler.Bearer);
    }
}
