using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.TrueFoundry.Generated;
using Refit;

namespace Astro.Triggers.Sdk.TrueFoundry;

/// <summary>The TrueFoundry client, on your own control plane. Create it directly or with
/// <c>services.AddTrueFoundryClient(...)</c>. Thread-safe.</summary>
public class TrueFoundryClient : ServiceClient
{
    internal const string ServiceName = "TrueFoundry";

    /// <summary>For mocking.</summary>
    protected TrueFoundryClient()
    {
        JobRuns = null!;
    }

    /// <summary>Creates a client with its own HTTP pipeline (retry, telemetry, auth).</summary>
    /// <param name="options">The settings; validated here (the base address is required).</param>
    /// <exception cref="ArgumentException">The options are invalid (the message lists why).</exception>
    public TrueFoundryClient(TrueFoundryClientOptions options)
        : this(CreateHttpClient(options, ServiceName, AuthHandler.Bearer), options, ownsHttpClient: true)
    {
    }

    internal TrueFoundryClient(HttpClient httpClient, TrueFoundryClientOptions options, bool ownsHttpClient)
        : base(ownsHttpClient ? httpClient : null, options)
    {
        options.ThrowIfInvalid();
        var api = RestService.ForGenerated<ITrueFoundryApi>(httpClient, TrueFoundryOperations.CreateRefitSettings());
        JobRuns = new JobRunsClient(new TrueFoundryOperations(api, options), options);
    }

    /// <summary>Job runs: start, get, list, cancel (terminate), delete, and run handles to wait on.</summary>
    public virtual JobRunsClient JobRuns { get; }
}
