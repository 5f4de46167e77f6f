using Astro.Triggers.Sdk.Agentset.Generated;
using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Auth;
using Refit;

namespace Astro.Triggers.Sdk.Agentset;

/// <summary>The Agentset client. Create it directly (<c>new AgentsetClient(options)</c>) or register it with
/// <c>services.AddAgentsetClient(...)</c>. Thread-safe; one instance serves many tenants concurrently.</summary>
public class AgentsetClient : ServiceClient
{
    internal const string ServiceName = "Agentset";

    /// <summary>For mocking.</summary>
    protected AgentsetClient()
    {
        IngestJobs = null!;
    }

    /// <summary>Creates a client with its own HTTP pipeline (retry, telemetry, auth).</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message lists why).</exception>
    public AgentsetClient(AgentsetClientOptions options)
        : this(CreateHttpClient(options, ServiceName, AuthHandler.Bearer), options, ownsHttpClient: true)
    {
    }

    internal AgentsetClient(HttpClient httpClient, AgentsetClientOptions options, bool ownsHttpClient)
        : base(ownsHttpClient ? httpClient : null, options)
    {
        options.ThrowIfInvalid();
        var api = RestService.ForGenerated<IAgentsetApi>(httpClient, AgentsetOperations.CreateRefitSettings());
        IngestJobs = new IngestJobsClient(new AgentsetOperations(api, options), options);
    }

    /// <summary>Ingest jobs: list, create, get, delete, re-ingest, and run handles to wait on.</summary>
    public virtual IngestJobsClient IngestJobs { get; }
}
