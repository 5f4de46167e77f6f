using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.Astropod;

/// <summary>A real AstropodClient against WireMock on loopback: the exact requests and every error row.</summary>
public sealed class AstropodClientTests : ClientTestBase
{
    private const string TriggerPath = "/api/v1/deployments/team-docs/ingestion/docs_sync/trigger";

    private AstropodClient CreateClient(Action<AstropodClientOptions>? configure = null) => new(Configure(new AstropodClientOptions(), configure));

    private void Trigger(int status, string body, string contentType = "application/json") =>
        Server.Given(Request.Create().WithPath(new WildcardMatcher("/api/v1/deployments/*")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));

    [Fact]
    public async Task TriggerIngestion_posts_an_empty_object_with_the_account_and_bearer_token_and_reads_the_snake_case_answer()
    {
        Trigger(200, """{"status":"triggered","job_name":"ingestion-docs-sync-manual-x7k2","namespace":"team-docs"}""");
        using var client = CreateClient();

        var result = await client.Ingestions.StartAsync("team-docs", "docs_sync", "acme");

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        new Uri(request.AbsoluteUrl).AbsolutePath.Should().Be(TriggerPath);
        new Uri(request.AbsoluteUrl).Query.Should().Be("?account=acme");
        request.Headers!["Authorization"].Should().Equal($"Bearer {Secret}");
        request.Body.Should().Be("{}");
        request.Headers["Content-Type"].Single().Should().StartWith("application/json");
        result.JobName.Should().Be("ingestion-docs-sync-manual-x7k2");
        result.Namespace.Should().Be("team-docs");
        result.Status.Should().Be("triggered");
        result.Ingestion.Should().Be("docs_sync");
        result.HasStatusSource.Should().BeFalse("Astropod has no status endpoint for a triggered ingestion");
    }

    [Fact]
    public async Task Path_segments_are_escaped_so_they_cannot_change_the_route()
    {
        Trigger(200, """{"status":"ok","job_name":"j","namespace":"n"}""");
        using var client = CreateClient();

        await client.Ingestions.StartAsync("a/../b", "x?y#z é", "acme & co");

        var uri = new Uri(SingleRequest().AbsoluteUrl);
        uri.AbsolutePath.Should().Be("/api/v1/deployments/a%2F..%2Fb/ingestion/x%3Fy%23z%20%C3%A9/trigger");
        uri.Query.Should().Be("?account=acme%20%26%20co");
    }

    [Theory]
    [InlineData(400, typeof(BadRequestException))]
    [InlineData(401, typeof(UnauthorizedException))]
    [InlineData(403, typeof(ForbiddenException))]
    [InlineData(404, typeof(NotFoundException))]
    [InlineData(500, typeof(InternalServerErrorException))]
    public async Task Each_documented_error_status_is_its_typed_exception(int status, Type expected)
    {
        Trigger(status, """{"error":"Deployment not ready","code":"NOT_READY","reason":"build pending","details":{"build":"b1"}}""");
        using var client = CreateClient(o => o.Retry = new() { MaxAttempts = 1 });

        var act = () => client.Ingestions.StartAsync("team-docs", "docs_sync", "acme");

        var ex = (await act.Should().ThrowAsync<ServiceRequestException>()).Which;
        ex.Should().BeOfType(expected);
        ex.Status.Should().Be(status);
        ex.ErrorCode.Should().Be("NOT_READY");
        ex.ServiceMessage.Should().Be("Deployment not ready");
        ex.Reason.Should().Be("build pending");
        ex.Method.Should().Be("POST");
        ex.Info.OperationId.Should().Be("triggerIngestion");
        ex.MayHaveBeenProcessed.Should().Be(status == 500);
        Server.LogEntries.Should().HaveCount(1);
    }

    [Fact]
    public async Task Billing_suspension_is_PaymentRequired_with_the_suggested_action()
    {
        Trigger(402, """{"error":"Billing suspended","code":"BILLING_SUSPENDED","reason":"card declined","action":"update_card"}""");
        using var client = CreateClient();

        var act = () => client.Ingestions.StartAsync("team-docs", "docs_sync", "acme");

        var ex = (await act.Should().ThrowAsync<PaymentRequiredException>()).Which;
        ex.ErrorCode.Should().Be("BILLING_SUSPENDED");
        ex.SuggestedAction.Should().Be("update_card");
        ex.Message.Should().Contain("update_card");
        Server.LogEntries.Should().HaveCount(1);
    }

    [Theory]
    [InlineData("text/plain", "upstream connect error")]
    [InlineData("text/html", "<html><body><h1>403 Forbidden</h1></body></html>")]
    [InlineData("application/json", "")]
    public async Task Plain_text_html_and_empty_error_bodies_still_give_the_typed_exception_with_the_raw_text(string contentType, string body)
    {
        Trigger(403, body, contentType);
        using var client = CreateClient();

        var act = () => client.Ingestions.StartAsync("team-docs", "docs_sync", "acme");

        var ex = (await act.Should().ThrowAsync<ForbiddenException>()).Which;
        ex.RawBody.Should().Be(body);
        ex.ServiceMessage.Should().BeNull();
    }

    [Fact]
    public async Task A_trigger_answered_500_is_sent_exactly_once_and_marked_may_have_been_processed()
    {
        Trigger(500, """{"error":"internal"}""");
        using var client = CreateClient(o => o.Retry.RetryInternalServerError = true);

        var act = () => client.Ingestions.StartAsync("team-docs", "docs_sync", "acme");

        (await act.Should().ThrowAsync<InternalServerErrorException>()).Which.MayHaveBeenProcessed.Should().BeTrue();
        Server.LogEntries.Should().HaveCount(1, "a trigger is not idempotent: a 500 is ambiguous and never repeated silently");
    }

    [Fact]
    public async Task A_401_refreshes_the_token_once_and_repeats_once()
    {
        Server.Given(Request.Create().UsingPost().WithHeader("Authorization", "Bearer stale"))
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{"error":"token expired"}"""));
        Server.Given(Request.Create().UsingPost().WithHeader("Authorization", "Bearer fresh"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"status":"ok","job_name":"j","namespace":"n"}"""));
        var refreshes = 0;
        using var client = CreateClient(o =>
        {
            o.ApiKey = null;
            o.TokenProvider = (force, _) =>
            {
                refreshes += force ? 1 : 0;
                return ValueTask.FromResult(force ? "fresh" : "stale");
            };
        });

        var result = await client.Ingestions.StartAsync("team-docs", "docs_sync", "acme");

        result.JobName.Should().Be("j");
        refreshes.Should().Be(1);
        Server.LogEntries.Should().HaveCount(2);
    }

    [Fact]
    public async Task ListDeployments_sends_the_account_and_reads_every_field()
    {
        Server.Given(Request.Create().WithPath("/api/v1/deployments").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("""
            {"deployments":[{"id":"dep_1","name":"docs-agent","display_name":"Docs agent","build_id":"b_9","namespace":"team-docs",
              "status":"running","created_at":"2026-11-01T10:00:00Z"}],"count":1}
            """));
        using var client = CreateClient();

        var deployments = await client.Deployments.ListAsync("acme").ToListAsync();

        new Uri(SingleRequest().AbsoluteUrl).Query.Should().Be("?account=acme");
        var d = deployments.Should().ContainSingle().Which;
        d.Id.Should().Be("dep_1");
        d.DisplayName.Should().Be("Docs agent");
        d.BuildId.Should().Be("b_9");
        d.Namespace.Should().Be("team-docs");
        d.Status.Should().Be("running");
        d.CreatedAt.Should().Be(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task ListIngestionSources_keeps_ingestion_workloads_and_strips_the_prefix()
    {
        Server.Given(Request.Create().WithPath("/api/v1/deployments/dep_1").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("""
            {"deployment":{"id":"dep_1","workloads":[
              {"name":"w1","component":"ingestion-docs_sync","pod_name":"p1","containers":[{"name":"main"}],"schedule":null},
              {"name":"w2","component":"agent","pod_name":"p2","containers":["main"]},
              {"name":"w3","component":"ingestion-crm","schedule":"0 * * * *"}]}}
            """));
        using var client = CreateClient();

        var sources = await client.Deployments.ListIngestionSourcesAsync("dep_1").ToListAsync();

        sources.Should().Equal(
            new IngestionSource("docs_sync", "ingestion-docs_sync", "w1", null),
            new IngestionSource("crm", "ingestion-crm", "w3", "0 * * * *"));
    }

    [Theory]
    [InlineData("", "docs_sync", "acme", "deploymentNamespace")]
    [InlineData("team-docs", " ", "acme", "ingestion")]
    [InlineData("team-docs", "docs_sync", "a\r\nX-Evil: 1", "account")]
    public async Task Bad_arguments_are_refused_before_any_request(string ns, string ingestion, string account, string param)
    {
        using var client = CreateClient();

        var act = () => client.Ingestions.StartAsync(ns, ingestion, account);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be(param);
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public void A_per_call_tenant_cannot_even_be_written_because_Astropod_has_no_tenant_header()
    {
        // Compile-time fact (issue 19 #5): Astropod calls take RequestOptions, which has no tenant; only the services
        // that scope calls get a subclass with their scope (AgentsetRequestOptions.TenantId, MixpeekRequestOptions.Namespace).
        typeof(RequestOptions).GetProperty("TenantId").Should().BeNull();
        typeof(Sdk.Agentset.AgentsetRequestOptions).GetProperty("TenantId").Should().NotBeNull();
        typeof(Sdk.Mixpeek.MixpeekRequestOptions).GetProperty("TenantId").Should().BeNull();
    }
}
