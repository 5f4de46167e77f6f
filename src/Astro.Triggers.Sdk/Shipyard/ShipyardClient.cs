using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Http;
using Astro.Triggers.Sdk.Shipyard.Generated;
using Refit;

namespace Astro.Triggers.Sdk.Shipyard;

/// <summary>The Shipyard client: trigger fleet runs with per-vessel environment overrides and follow them.
/// Create it directly or with <c>services.AddShipyardClient(...)</c>. Members are virtual so tests can mock them.</summary>
public class ShipyardClient : ServiceClient
{
    internal const string ServiceName = "Shipyard";
    internal const string ApiKeyHeader = "X-Shipyard-API-Key";

    /// <summary>For mocking.</summary>
    protected ShipyardClient()
    {
        FleetRuns = null!;
    }

    /// <summary>Creates a client with its own HTTP pipeline (retry, telemetry, API-key header).</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message lists why).</exception>
    public ShipyardClient(ShipyardClientOptions options)
        : this(CreateHttpClient(options, ServiceName, AuthHandler.Header(ApiKeyHeader)), options, ownsHttpClient: true)
    {
    }

    internal ShipyardClient(HttpClient httpClient, ShipyardClientOptions options, bool ownsHttpClient)
        : base(ownsHttpClient ? httpClient : null, options)
    {
        options.ThrowIfInvalid();
        FleetRuns = new FleetRunsClient(
            new ShipyardOperations(RestService.ForGenerated<IShipyardApi>(httpClient, ShipyardOperations.CreateRefitSettings()), options), options);
    }

    /// <summary>Fleet runs: start, get, list, and run handles to wait on.</summary>
    public virtual FleetRunsClient FleetRuns { get; }
}

