using Astro.Triggers.Sdk.Astropod.Generated;
using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Http;

namespace Astro.Triggers.Sdk.Astropod;

/// <summary>The Astropod client: trigger a manual ingestion, and discover deployments and their ingestion sources.
/// Create it directly or with <c>services.AddAstropodClient(...)</c>. Members are virtual so tests can mock them.</summary>
public class AstropodClient : ServiceClient
{
    internal const string ServiceName = "Astropod";
    /// <summary>For mocking.</summary>
    protected AstropodClient()
    {
        Ingestions = null!;
        Deployments = null!;
    }

    /// <summary>Creates a client with its own HTTP pipeline (retry, telemetry, auth).</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message lists why).</exception>
    public AstropodClient(AstropodClientOptions options)
        : this(CreateHttpClient(options, ServiceName, AuthHandler.Bearer), options, ownsHttpClient: true)
    {
    }

    internal AstropodClient(HttpClient httpClient, AstropodClientOptions options, bool ownsHttpClient)
        : base(ownsHttpClient ? httpClient : null, options)
    {
        options.ThrowIfInvalid();
        var operations = new AstropodOperations(httpClient, options);
        Ingestions = new IngestionsClient(operations);
        Deployments = new DeploymentsClient(operations);
    }

    /// <summary>Ingestions: start a manual ingestion source's job.</summary>
    public virtual IngestionsClient Ingestions { get; }

    /// <summary>Deployments and their ingestion sources, to find what can be started.</summary>
    public virtual DeploymentsClient Deployments { get; }
}

