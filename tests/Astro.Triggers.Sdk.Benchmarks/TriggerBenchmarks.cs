using System.Net;
using System.Net.Http.Json;
using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Astropod.Generated;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Mixpeek.Generated;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Shipyard.Generated;
using Astro.Triggers.Sdk.TrueFoundry;
using Astro.Triggers.Sdk.TrueFoundry.Generated;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>The trigger operation of each service: raw HttpClient (baseline) vs the generated request methods alone vs the SDK.
/// (Agentset's trigger is its create, in <see cref="AgentsetBenchmarks"/>.)</summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class TriggerBenchmarks
{
    private static readonly TriggerJobRequest TfyRequest = new() { ApplicationId = "app-1", Input = new JobRunInput { Command = "python etl.py" } };
    private static readonly TriggerFleetRunRequest ShipyardRequest = new();
    private static readonly TriggerIngestionRequest AstropodRequest = new();

    private HttpClient _tfyRaw = null!, _shipyardRaw = null!, _astropodRaw = null!, _mixpeekRaw = null!;
    private HttpClient _tfyRequests = null!, _shipyardRequests = null!, _astropodRequests = null!, _mixpeekRequests = null!;
    private TrueFoundryClient _tfy = null!;
    private ShipyardClient _shipyard = null!;
    private AstropodClient _astropod = null!;
    private MixpeekClient _mixpeek = null!;

    [GlobalSetup]
    public void Setup()
    {
        HttpMessageHandler Tfy() => new CannedHandler(Wire.TrueFoundryTriggered);
        HttpMessageHandler Shipyard() => new CannedHandler(Wire.ShipyardTriggered, HttpStatusCode.Created);
        HttpMessageHandler Astropod() => new CannedHandler(Wire.AstropodTriggered);
        HttpMessageHandler Mixpeek() => new CannedHandler(Wire.MixpeekTask);

        (_tfyRaw, _shipyardRaw, _astropodRaw, _mixpeekRaw) = (Harness.Raw(Tfy()), Harness.Raw(Shipyard()), Harness.Raw(Astropod()), Harness.Raw(Mixpeek()));
        _shipyardRaw.DefaultRequestHeaders.Add("X-Shipyard-API-Key", Harness.Key);
        _mixpeekRaw.DefaultRequestHeaders.Add("X-Namespace", "ns_bench");
        (_tfyRequests, _shipyardRequests, _astropodRequests, _mixpeekRequests) = (Harness.Raw(Tfy()), Harness.Raw(Shipyard()), Harness.Raw(Astropod()), Harness.Raw(Mixpeek()));
        _tfy = Harness.Sdk<TrueFoundryClient>(s => s.AddTrueFoundryClient(o => { o.ApiKey = Harness.Key; o.BaseAddress = Harness.BaseAddress; }), Tfy);
        _shipyard = Harness.Sdk<ShipyardClient>(s => s.AddShipyardClient(o => { o.ApiKey = Harness.Key; o.BaseAddress = Harness.BaseAddress; }), Shipyard);
        _astropod = Harness.Sdk<AstropodClient>(s => s.AddAstropodClient(o => { o.ApiKey = Harness.Key; o.BaseAddress = Harness.BaseAddress; }), Astropod);
        _mixpeek = Harness.Sdk<MixpeekClient>(s => s.AddMixpeekClient(o => { o.ApiKey = Harness.Key; o.BaseAddress = Harness.BaseAddress; o.Namespace = "ns_bench"; }), Mixpeek);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        using (response)
        {
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync(type))!;
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("TrueFoundry")]
    public async Task<string?> TrueFoundry_Raw() =>
        (await ReadAsync(await _tfyRaw.PostAsJsonAsync(new Uri("/api/svc/v1/jobs/trigger", UriKind.Relative), TfyRequest, TrueFoundryJsonContext.Default.TriggerJobRequest), TrueFoundryJsonContext.Default.TriggerJobResponse)).JobRunName;

    [Benchmark, BenchmarkCategory("TrueFoundry")]
    public async Task<string?> TrueFoundry_Requests() =>
        (await ReadAsync(await TrueFoundryRequests.TriggerJobAsync(_tfyRequests, TfyRequest, Harness.Call, default), TrueFoundryJsonContext.Default.TriggerJobResponse)).JobRunName;

    [Benchmark, BenchmarkCategory("TrueFoundry")]
    public async Task<string?> TrueFoundry_Sdk() => (await _tfy.JobRuns.StartAsync(TfyRequest)).Id;

    [Benchmark(Baseline = true), BenchmarkCategory("Shipyard")]
    public async Task<string?> Shipyard_Raw() =>
        (await ReadAsync(await _shipyardRaw.PostAsJsonAsync(new Uri("/orgs/org-1/projects/proj-1/fleets/fleet-1/fleetruns", UriKind.Relative), ShipyardRequest, ShipyardJsonContext.Default.TriggerFleetRunRequest), ShipyardJsonContext.Default.TriggerFleetRunResponse)).Data?.FleetRunId;

    [Benchmark, BenchmarkCategory("Shipyard")]
    public async Task<string?> Shipyard_Requests() =>
        (await ReadAsync(await ShipyardRequests.TriggerFleetRunAsync(_shipyardRequests, "org-1", "proj-1", "fleet-1", ShipyardRequest, Harness.Call, default), ShipyardJsonContext.Default.TriggerFleetRunResponse)).Data?.FleetRunId;

    [Benchmark, BenchmarkCategory("Shipyard")]
    public async Task<string?> Shipyard_Sdk() => (await _shipyard.FleetRuns.StartAsync("org-1", "proj-1", "fleet-1")).Id;

    [Benchmark(Baseline = true), BenchmarkCategory("Astropod")]
    public async Task<string?> Astropod_Raw() =>
        (await ReadAsync(await _astropodRaw.PostAsJsonAsync(new Uri("/api/v1/deployments/docs-agent/ingestion/docs_sync/trigger?account=acme", UriKind.Relative), AstropodRequest, AstropodJsonContext.Default.TriggerIngestionRequest), AstropodJsonContext.Default.IngestionTriggerResult)).JobName;

    [Benchmark, BenchmarkCategory("Astropod")]
    public async Task<string?> Astropod_Requests() =>
        (await ReadAsync(await AstropodRequests.TriggerIngestionAsync(_astropodRequests, "docs-agent", "docs_sync", "acme", AstropodRequest, Harness.Call, default), AstropodJsonContext.Default.IngestionTriggerResult)).JobName;

    [Benchmark, BenchmarkCategory("Astropod")]
    public async Task<string?> Astropod_Sdk() => (await _astropod.Ingestions.StartAsync("docs-agent", "docs_sync", "acme")).JobName;

    [Benchmark(Baseline = true), BenchmarkCategory("Mixpeek")]
    public async Task<string> Mixpeek_Raw() =>
        (await ReadAsync(await _mixpeekRaw.PostAsync(new Uri("/v1/triggers/trg_1/execute", UriKind.Relative), null), MixpeekJsonContext.Default.TriggerTask)).TaskId;

    [Benchmark, BenchmarkCategory("Mixpeek")]
    public async Task<string> Mixpeek_Requests() =>
        (await ReadAsync(await MixpeekRequests.ExecuteTriggerAsync(_mixpeekRequests, "trg_1", "ns_bench", Harness.Call, default), MixpeekJsonContext.Default.TriggerTask)).TaskId;

    [Benchmark, BenchmarkCategory("Mixpeek")]
    public async Task<string> Mixpeek_Sdk() => (await _mixpeek.Executions.StartAsync("trg_1")).Id;
}
