using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Tests.Agentset;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.Core.Http;

/// <summary>Issue 15 #5 and #6: every request carries the SDK's User-Agent (and the application id); a client made
/// without DI can be given a transport, with the SDK's pipeline still applied on top.</summary>
public sealed class TransportTests : ClientTestBase
{
    private void JobAnswer() =>
        Server.Given(Request.Create().UsingGet().WithPath("/v1/namespace/ns_123/ingest-jobs/job_1"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(AgentsetJson.Single("job_1")));

    [Fact]
    public async Task Every_request_carries_the_sdk_user_agent_with_the_application_id_first()
    {
        JobAnswer();
        using var client = new AgentsetClient(Configure(new AgentsetClientOptions { NamespaceId = "ns_123", ApplicationId = "nightly-etl" }));

        await client.IngestJobs.GetAsync("job_1");

        var userAgent = SingleRequest().Headers!["User-Agent"].Single();
        userAgent.Should().MatchRegex(@"^nightly-etl Astro\.Triggers\.Sdk/\d+\.\d+\.\d+\S* \(\.NET \d+\.\d+\.\d+; [^()]+\)$");
    }

    [Fact]
    public async Task A_client_registered_with_di_sends_the_same_user_agent()
    {
        JobAnswer();
        var services = new ServiceCollection();
        services.AddAgentsetClient(o => { o.BaseAddress = BaseAddress; o.ApiKey = Secret; o.NamespaceId = "ns_123"; });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<AgentsetClient>().IngestJobs.GetAsync("job_1");

        SingleRequest().Headers!["User-Agent"].Single().Should().StartWith("Astro.Triggers.Sdk/");
    }

    [Fact]
    public void An_application_id_with_spaces_is_refused_naming_the_setting()
    {
        var act = () => new AgentsetClient(Configure(new AgentsetClientOptions { NamespaceId = "ns_123", ApplicationId = "my app" }));

        act.Should().Throw<ArgumentException>().WithMessage("*ApplicationId must be 1–24 characters*");
    }

    [Fact]
    public async Task A_given_handler_carries_the_requests_under_the_sdks_pipeline_and_is_not_disposed()
    {
        JobAnswer();
        using var transport = new RecordingHandler(new SocketsHttpHandler());
        var client = new AgentsetClient(Configure(new AgentsetClientOptions { NamespaceId = "ns_123", Transport = transport }));

        var job = await client.IngestJobs.GetAsync("job_1");
        client.Dispose();

        job.Id.Should().Be("job_1");
        transport.Requests.Should().ContainSingle().Which.Headers.Authorization!.ToString().Should().Be("Bearer " + Secret, "the SDK's auth runs above the transport");
        transport.Disposed.Should().BeFalse("the caller owns the transport");
    }

    [Fact]
    public async Task A_given_http_client_is_used_as_the_transport_and_the_sdks_retries_still_apply()
    {
        Server.Given(Request.Create().UsingGet().WithPath("/v1/namespace/ns_123/ingest-jobs/job_1")).InScenario("s").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "0"));
        Server.Given(Request.Create().UsingGet().WithPath("/v1/namespace/ns_123/ingest-jobs/job_1")).InScenario("s").WhenStateIs("ok").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(AgentsetJson.Single("job_1")));
        using var counting = new RecordingHandler(new SocketsHttpHandler());
        using var http = new HttpClient(counting, disposeHandler: false);
        var options = Configure(new AgentsetClientOptions { NamespaceId = "ns_123" });
        options.UseTransport(http);
        using var client = new AgentsetClient(options);

        var job = await client.IngestJobs.GetAsync("job_1");

        job.Id.Should().Be("job_1");
        counting.Requests.Should().HaveCount(2, "the 503 was retried by the SDK, through the caller's HttpClient");
        Server.LogEntries.Should().HaveCount(2);
    }
}
