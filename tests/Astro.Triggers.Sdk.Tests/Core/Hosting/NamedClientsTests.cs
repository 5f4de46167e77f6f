using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Tests.Agentset;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.Core.Hosting;

/// <summary>Issue 15 #3: several clients of one service by name, each with its own options, pipeline and credential;
/// validation that names the client's section; configuration keys no option reads are reported.</summary>
public sealed class NamedClientsTests : WireMockTestBase
{
    private void JobsAnswer() =>
        Server.Given(Request.Create().UsingPost().WithPath(new WireMock.Matchers.WildcardMatcher("/v1/namespace/*/ingest-jobs")))
            .RespondWith(Response.Create().WithStatusCode(201).WithBody(AgentsetJson.Single("job_1")));

    [Fact]
    public async Task Two_named_clients_create_jobs_in_their_own_namespaces_with_their_own_keys()
    {
        JobsAnswer();
        var services = new ServiceCollection();
        services.AddAgentsetClient("eu", o => { o.BaseAddress = BaseAddress; o.ApiKey = "key-eu-000001"; o.NamespaceId = "ns_eu"; });
        services.AddAgentsetClient("us", o => { o.BaseAddress = BaseAddress; o.ApiKey = "key-us-000002"; o.NamespaceId = "ns_us"; });
        await using var provider = services.BuildServiceProvider();

        var eu = provider.GetRequiredKeyedService<AgentsetClient>("eu");
        var us = provider.GetRequiredService<ITriggerClientFactory<AgentsetClient>>().GetClient("us");
        await eu.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "a" } });
        await us.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "b" } });

        var seen = Server.LogEntries.Select(e => (e.RequestMessage!.Path, Auth: e.RequestMessage.Headers!["Authorization"].Single())).ToList();
        seen.Should().Equal(("/v1/namespace/ns_eu/ingest-jobs", "Bearer key-eu-000001"), ("/v1/namespace/ns_us/ingest-jobs", "Bearer key-us-000002"));
        eu.Should().NotBeSameAs(us);
        provider.GetService<AgentsetClient>().Should().BeNull("no default client was registered");
    }

    [Fact]
    public void A_named_client_is_a_keyed_service_a_constructor_can_ask_for()
    {
        var services = new ServiceCollection();
        services.AddAgentsetClient("eu", o => { o.BaseAddress = BaseAddress; o.ApiKey = "key-eu-000001"; o.NamespaceId = "ns_eu"; });
        services.AddSingleton<NeedsEu>();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<NeedsEu>().Client.Should().BeSameAs(provider.GetRequiredKeyedService<AgentsetClient>("eu"));
    }

    [Fact]
    public void A_second_registration_under_the_same_name_is_refused_instead_of_merging_options()
    {
        var services = new ServiceCollection();
        services.AddAgentsetClient(o => o.NamespaceId = "ns_a");

        var again = () => services.AddAgentsetClient(o => o.NamespaceId = "ns_b");
        var sameName = () => { services.AddAgentsetClient("eu", _ => { }); services.AddAgentsetClient("eu", _ => { }); };

        again.Should().Throw<InvalidOperationException>().WithMessage("*already registered*by name*");
        sameName.Should().Throw<InvalidOperationException>().WithMessage("*named 'eu' is already registered*");
    }

    [Fact]
    public void Validation_names_the_section_of_each_client_that_is_missing_a_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Astro:Agentset:BaseAddress"] = "https://api.agentset.ai/",
            ["Astro:Mixpeek:BaseAddress"] = "https://api.mixpeek.com/",
        }).Build();
        var services = new ServiceCollection();
        services.AddTriggerClients(configuration.GetSection("Astro"));
        using var provider = services.BuildServiceProvider();

        var agentset = () => provider.GetRequiredService<IOptionsMonitor<AgentsetClientOptions>>().Get(Options.DefaultName);
        var mixpeek = () => provider.GetRequiredService<IOptionsMonitor<MixpeekClientOptions>>().Get(Options.DefaultName);

        agentset.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain("Astro:Agentset: ApiKey or TokenProvider is required.");
        mixpeek.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain("Astro:Mixpeek: ApiKey or TokenProvider is required.");
    }

    [Fact]
    public void A_configuration_key_no_option_reads_is_reported_with_its_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Astro:Agentset:BaseAddress"] = "https://api.agentset.ai/",
            ["Astro:Agentset:ApiKy"] = "typo",
            ["Astro:Agentset:NamespaceId"] = "ns_1",
            ["Astro:Agentset:Retry:MaxAtempts"] = "3",
        }).Build();
        var services = new ServiceCollection();
        services.AddAgentsetClient(configuration.GetSection("Astro:Agentset"));
        using var provider = services.BuildServiceProvider();

        var resolve = () => provider.GetRequiredService<AgentsetClient>();

        var failures = resolve.Should().Throw<OptionsValidationException>().Which.Failures.ToList();
        failures.Should().Contain(f => f.StartsWith("Astro:Agentset: unknown setting 'ApiKy'", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("Astro:Agentset: unknown setting 'Retry:MaxAtempts'", StringComparison.Ordinal));
        failures.Should().Contain("Astro:Agentset: ApiKey or TokenProvider is required.");
    }

    private sealed class NeedsEu([FromKeyedServices("eu")] AgentsetClient client)
    {
        public AgentsetClient Client { get; } = client;
    }
}
