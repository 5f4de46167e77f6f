using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Http;
using Astro.Triggers.Sdk.Shipyard.Generated;

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
            new ShipyardOperations(httpClient, options), options);
    }

    /// <summary>Fleet runs: start, get, list, and run handles to wait on.</summary>
    public virtual FleetRunsClient FleetRuns { get; }

    /// <summary>Resumes a run from its resume token (<see cref="TriggeredRun.ResumeToken"/>, written by this or any other
    /// language's SDK or by the CLI): the handle <c>FleetRuns.Track(orgId, projectId, fleetId, fleetRunId)</c> would give, with the organisation, project and fleet the token names; no request is sent until its status is read.</summary>
    /// <param name="token">The <c>atr1.…</c> token of a Shipyard run.</param>
    /// <param name="options">Per-call retry and timeout for every status read.</param>
    /// <returns>The run; call <c>WaitForCompletionAsync</c> on it.</returns>
    /// <exception cref="ArgumentException">The token is not a resume token (the message says which rule it breaks), or it is
    /// another service's; the exception names <paramref name="token"/>.</exception>
    public virtual ShipyardFleetRun ResumeRun(string token, RequestOptions? options = null)
    {
        var fields = ResumeTokens.For(token, ResumeTokens.Shipyard);
        return FleetRuns.Track(fields["org"], fields["project"], fields["fleet"], fields["run"], options);
    }
}

