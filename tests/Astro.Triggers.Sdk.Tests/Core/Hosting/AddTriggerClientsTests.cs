using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using Astro.Triggers.Sdk.TrueFoundry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.Core.Hosting;

/// <summary>All services registered at once from one configuration tree, each working through IHttpClientFactory.</summary>
public sealed class AddTriggerClientsTests : WireMockTestBase
{
    private IConfiguration Configuration(params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string?>
        {
            ["Triggers:Agentset:BaseAddress"] = BaseAddress.ToString(),
            ["Triggers:Agentset:ApiKey"] = "agentset-key",
            ["Triggers:Agentset:NamespaceId"] = "ns_1",
            ["Triggers:Astropod:BaseAddress"] = BaseAddress.ToString(),
            ["Triggers:Astropod:ApiKey"] = "astropod-token",
            ["Triggers:TrueFoundry:BaseAddress"] = BaseAddress.ToString(),
            ["Triggers:TrueFoundry:ApiKey"] = "tfy-token",
            ["Triggers:Shipyard:BaseAddress"] = BaseAddress.ToString(),
            ["Triggers:Shipyard:ApiKey"] = "shipyard-key",
            ["Triggers:Shipyard:StatusMapping:Hibernating"] = "Queued",
            ["Triggers:Mixpeek:BaseAddress"] = BaseAddress.ToString(),
            ["Triggers:Mixpeek:ApiKey"] = "mixpeek-key",
            ["Triggers:Mixpeek:Namespace"] = "ns_prod",
            ["Triggers:Mixpeek:MinimumInterval"] = "00:05:00",
        };
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Triggers");
    }

    [Fact]
    public async Task Every_configured_service_is_registered_and_sends_its_own_credential()
    {
        Server.Given(Request.Create().WithPath("/api/v1/deployments").UsingGet()).RespondWith(Response.Create().WithBody("""{"deployments":[],"count":0}"""));
        Server.Given(Request.Create().WithPath("/orgs/o/projects/p/fleets/f/fleetruns").UsingGet()).RespondWith(Response.Create().WithBody("Fleet Log ID,Status\r\n"));
        Server.Given(Request.Create().WithPath("/api/svc/v1/jobs/app/runs").UsingGet()).RespondWith(Response.Create().WithBody("""{"data":[],"pagination":{"total":0,"offset":0,"limit":10}}"""));
        Server.Given(Request.Create().WithPath("/v1/triggers/trg_1").UsingGet()).RespondWith(Response.Create().WithBody(
            """{"trigger_id":"trg_1","namespace_id":"ns_prod","action_type":"cluster","action_config":{"cluster_id":"c"},"trigger_type":"cron","schedule_config":{"cron_expression":"0 2 * * *"},"status":"active","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}"""));
        var services = new ServiceCollection().AddLogging();
        services.AddTriggerClients(Configuration());
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<AgentsetClient>().Should().NotBeNull();
        await provider.GetRequiredService<MixpeekClient>().Triggers.GetAsync("trg_1");
        await provider.GetRequiredService<AstropodClient>().Deployments.ListAsync("acme").ToListAsync();
        await provider.GetRequiredService<ShipyardClient>().FleetRuns.ListAsync("o", "p", "f").ToListAsync();
        await foreach (var unused in provider.GetRequiredService<TrueFoundryClient>().JobRuns.ListAsync("app"))
        {
        }

        var headers = Server.LogEntries.Select(e => e.RequestMessage!).ToDictionary(r => r.Path, r => r.Headers!);
        headers["/api/v1/deployments"]["Authorization"].Should().Equal("Bearer astropod-token");
        headers["/orgs/o/projects/p/fleets/f/fleetruns"]["X-Shipyard-API-Key"].Should().Equal("shipyard-key");
        headers["/orgs/o/projects/p/fleets/f/fleetruns"].Should().NotContainKey("Authorization");
        headers["/api/svc/v1/jobs/app/runs"]["Authorization"].Should().Equal("Bearer tfy-token");
        headers["/v1/triggers/trg_1"]["Authorization"].Should().Equal("Bearer mixpeek-key");
        headers["/v1/triggers/trg_1"]["X-Namespace"].Should().Equal("ns_prod");
        provider.GetRequiredService<IOptions<MixpeekClientOptions>>().Value.MinimumInterval.Should().Be(TimeSpan.FromMinutes(5));
        provider.GetRequiredService<IOptions<ShipyardClientOptions>>().Value.StatusMapping["Hibernating"].Should().Be(RunStatus.Queued);
    }

    [Fact]
    public async Task A_service_without_a_section_is_not_registered()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Triggers:Astropod:ApiKey"] = "t",
        }).Build().GetSection("Triggers");
        var services = new ServiceCollection().AddLogging();
        services.AddTriggerClients(configuration);
        await using var provider = services.BuildServiceProvider();

        provider.GetService<AstropodClient>().Should().NotBeNull();
        provider.GetService<ShipyardClient>().Should().BeNull();
        provider.GetRequiredService<AstropodClient>().ToString().Should().Contain("api.astropod.ai").And.NotContain("t }");
    }

    [Fact]
    public async Task TrueFoundry_without_a_control_plane_address_fails_validation_clearly()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddTrueFoundryClient(o => o.ApiKey = "k");
        await using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<TrueFoundryClient>();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should()
            .ContainSingle(f => f.Contains("control-plane URL", StringComparison.Ordinal));
    }
}
