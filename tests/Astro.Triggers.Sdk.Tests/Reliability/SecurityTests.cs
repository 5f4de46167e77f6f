using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Tests.Mixpeek;
using Astro.Triggers.Sdk.TrueFoundry;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>Path parameters cannot change the route; secrets and header injection are refused before sending.</summary>
public sealed class SecurityTests : FaultMatrixTestBase
{
    public static TheoryData<string, string> NastyIds => new()
    {
        { "a/b", "a%2Fb" },
        { "../admin", "..%2Fadmin" },
        { "a%2Fb", "a%252Fb" },
        { "a?admin=1", "a%3Fadmin%3D1" },
        { "a#frag", "a%23frag" },
        { "a b", "a%20b" },
        { "résumé-日本", "r%C3%A9sum%C3%A9-%E6%97%A5%E6%9C%AC" },
    };

    private static ServiceClientOptions[] AllOptions() =>
    [
        new AgentsetClientOptions(), new AstropodClientOptions(), new TrueFoundryClientOptions(), new ShipyardClientOptions(), new MixpeekClientOptions(),
    ];

    [Theory]
    [MemberData(nameof(NastyIds))]
    public async Task Path_parameters_are_escaped_into_one_segment(string id, string escaped)
    {
        await using var server = new ScriptedServer(_ => Reply.Json(200, MixpeekJson.Trigger()));
        using var client = new MixpeekClient((MixpeekClientOptions)Options(server.BaseAddress)(new MixpeekClientOptions { Namespace = "ns_1" }));

        await client.Triggers.GetAsync(id);

        server.Requests.Single().Target.Should().Be($"/v1/triggers/{escaped}");
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Dot_segments_that_uri_normalisation_would_resolve_away_are_refused(string id)
    {
        await using var server = new ScriptedServer(_ => Reply.Json(200, MixpeekJson.Trigger()));
        using var mixpeek = new MixpeekClient((MixpeekClientOptions)Options(server.BaseAddress)(new MixpeekClientOptions { Namespace = "ns_1" }));
        using var trueFoundry = new TrueFoundryClient((TrueFoundryClientOptions)Options(server.BaseAddress)(new TrueFoundryClientOptions()));
        using var shipyard = new ShipyardClient((ShipyardClientOptions)Options(server.BaseAddress)(new ShipyardClientOptions()));

        (await mixpeek.Invoking(c => c.Triggers.GetAsync(id)).Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("triggerId");
        (await trueFoundry.Invoking(c => c.JobRuns.GetAsync("app", id)).Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("jobRunName");
        (await shipyard.Invoking(c => c.FleetRuns.StartAsync(id, "p", "f")).Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("orgId");
        server.Requests.Should().BeEmpty("before the fix, GET /v1/triggers/.. went out as GET /v1/");
    }

    [Fact]
    public void A_key_with_cr_or_lf_is_refused_by_every_service()
    {
        foreach (var options in AllOptions())
        {
            options.BaseAddress ??= new Uri("https://example.com");
            options.ApiKey = "sk-1\r\nX-Injected: yes";

            options.Validate().Should().Contain(e => e.Contains("control characters", StringComparison.Ordinal), options.GetType().Name);
        }
    }

    [Fact]
    public void Plain_http_to_a_non_loopback_host_is_refused_unless_allowed()
    {
        foreach (var options in AllOptions())
        {
            options.BaseAddress = new Uri("http://api.example.com");
            options.ApiKey = Secret;

            options.Validate().Should().Contain(e => e.Contains("https", StringComparison.Ordinal), options.GetType().Name);
            options.AllowInsecureHttp = true;
            options.Validate().Should().BeEmpty(options.GetType().Name);
            options.ToString().Should().NotContain(Secret);
        }
    }

    [Fact]
    public async Task Tenant_and_namespace_header_injection_is_refused_before_sending()
    {
        await using var server = new ScriptedServer(_ => Reply.Json(200, "{}"));
        using var agentset = new AgentsetClient((AgentsetClientOptions)Options(server.BaseAddress)(new AgentsetClientOptions { NamespaceId = "ns_1" }));
        using var mixpeek = new MixpeekClient((MixpeekClientOptions)Options(server.BaseAddress)(new MixpeekClientOptions { Namespace = "ns_1" }));

        var tenant = () => agentset.IngestJobs.GetAsync("job_1", new AgentsetRequestOptions { TenantId = "t1\r\nX-Evil: 1" });
        var ns = () => mixpeek.Triggers.GetAsync("trg_1", new MixpeekRequestOptions { Namespace = "ns_1\nX-Evil: 1" });

        await tenant.Should().ThrowAsync<ArgumentException>();
        await ns.Should().ThrowAsync<ArgumentException>();
        server.Requests.Should().BeEmpty();
    }
}
