using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Paging;
using Astro.Triggers.Sdk.Core.Retry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.Agentset;

/// <summary>Paging, tenant, auth, redaction and hosting of the Agentset facade.</summary>
public sealed class IngestJobsClientTests : AgentsetClientTestBase
{
    private const string Path = "/v1/namespace/ns_123/ingest-jobs";

    private void PageAt(string? cursor, string body)
    {
        // The first page (no cursor) is the low-priority catch-all; each cursor has its own stub.
        var request = Request.Create().UsingGet().WithPath(Path);
        Server.Given(cursor is null ? request : request.WithParam("cursor", cursor))
            .AtPriority(cursor is null ? 100 : 1)
            .RespondWith(Response.Create().WithBody(body));
    }

    [Fact]
    public async Task Enumerating_follows_next_cursors_across_three_pages_with_the_filters_on_every_request()
    {
        PageAt(null, AgentsetJson.Page("c2", true, "job_1", "job_2"));
        PageAt("c2", AgentsetJson.Page("c3", true, "job_3"));
        PageAt("c3", AgentsetJson.Page("", false, "job_4"));
        using var client = CreateClient();

        var ids = new List<string>();
        await foreach (var job in client.IngestJobs.ListAsync(new IngestJobListOptions { Statuses = [IngestJobStatus.Failed], PageSize = 2 }))
        {
            ids.Add(job.Id);
        }

        ids.Should().Equal("job_1", "job_2", "job_3", "job_4");
        var queries = Server.LogEntries.Select(e => new Uri(e.RequestMessage!.AbsoluteUrl).Query).ToList();
        queries.Should().Equal(
            "?statuses=FAILED&perPage=2",
            "?statuses=FAILED&cursor=c2&cursorDirection=forward&perPage=2",
            "?statuses=FAILED&cursor=c3&cursorDirection=forward&perPage=2");
    }

    [Fact]
    public async Task Paging_backward_from_a_saved_cursor_follows_prev_cursors()
    {
        PageAt("c9", """{"success":true,"data":[],"pagination":{"nextCursor":"c10","prevCursor":"c8","hasMore":true}}""");
        PageAt("c8", """{"success":true,"data":[],"pagination":{"nextCursor":"c9","prevCursor":"c7","hasMore":true}}""");
        PageAt("c7", """{"success":true,"data":[],"pagination":{"nextCursor":"c8","prevCursor":null,"hasMore":false}}""");
        using var client = CreateClient();

        var pages = new List<Page<IngestJob>>();
        await foreach (var page in client.IngestJobs.ListAsync(new IngestJobListOptions { Direction = CursorDirection.Backward }).AsPages("c9", 10))
        {
            pages.Add(page);
        }

        pages.Select(p => p.ContinuationToken).Should().Equal("c8", "c7", null);
        Server.LogEntries.Select(e => new Uri(e.RequestMessage!.AbsoluteUrl).Query).Should().AllSatisfy(q => q.Should().Contain("cursorDirection=backward").And.Contain("perPage=10"));
    }

    [Fact]
    public async Task A_server_that_repeats_a_cursor_stops_the_enumeration_with_a_clear_exception()
    {
        PageAt(null, AgentsetJson.Page("c2", true, "job_1"));
        PageAt("c2", AgentsetJson.Page("c2", true, "job_2"));
        using var client = CreateClient();

        var act = async () => { await foreach (var _ in client.IngestJobs.ListAsync()) { } };

        (await act.Should().ThrowAsync<PagingException>()).WithMessage("*'c2' a second time*");
        Server.LogEntries.Should().HaveCount(2);
    }

    [Fact]
    public async Task Cancellation_mid_stream_stops_before_the_next_page()
    {
        PageAt(null, AgentsetJson.Page("c2", true, "job_1", "job_2"));
        PageAt("c2", AgentsetJson.Page("", false, "job_3"));
        using var client = CreateClient();
        using var cts = new CancellationTokenSource();

        var act = async () =>
        {
            await foreach (var job in client.IngestJobs.ListAsync(cancellationToken: cts.Token))
            {
                await cts.CancelAsync();
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        Server.LogEntries.Should().HaveCount(1);
    }

    [Theory]
    [InlineData("tenant-1")]
    [InlineData("a\r\nX-Evil: 1")]
    [InlineData("")]
    [InlineData("t12345678901234567890123456789012345678901234567890123456789012345")]
    public async Task Invalid_tenant_ids_are_refused_before_any_request(string tenant)
    {
        using var client = CreateClient();

        var act = () => client.IngestJobs.GetAsync("job_1", new AgentsetRequestOptions { TenantId = tenant });

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*A-Za-z0-9*");
        Server.LogEntries.Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("doc_1")]
    [InlineData("job_")]
    public async Task Job_ids_without_the_job_prefix_are_refused_before_any_request(string jobId)
    {
        using var client = CreateClient();

        await client.Invoking(c => c.IngestJobs.ReIngestAsync(jobId)).Should().ThrowAsync<ArgumentException>().WithParameterName("jobId");
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task One_client_serves_many_tenants_concurrently_without_mixing_them()
    {
        var tenants = Enumerable.Range(0, 24).Select(i => $"tenant{i}").ToArray();
        foreach (var tenant in tenants)
        {
            Server.Given(Request.Create().UsingGet().WithHeader("x-tenant-id", tenant))
                .RespondWith(Response.Create().WithBody($$$"""{"success":true,"data":{{{AgentsetJson.Job("job_1", tenantId: tenant)}}}}"""));
        }

        using var client = CreateClient(o => o.TenantId = "default0");

        var results = await Task.WhenAll(tenants.Select(async t =>
            (Asked: t, Got: (await client.IngestJobs.GetAsync("job_1", new AgentsetRequestOptions { TenantId = t })).TenantId)));

        results.Should().AllSatisfy(r => r.Got.Should().Be(r.Asked));
        Server.LogEntries.Select(e => e.RequestMessage!.Headers!["x-tenant-id"].Single()).Should().BeEquivalentTo(tenants);
    }

    [Fact]
    public async Task A_provider_backed_client_refreshes_the_token_once_on_401_and_repeats_once()
    {
        Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer old"))
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{"success":false,"error":{"code":"unauthorized","message":"expired"}}"""));
        Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer new"))
            .RespondWith(Response.Create().WithBody(AgentsetJson.Single("job_1")));
        var refreshes = 0;
        using var client = CreateClient(o =>
        {
            o.ApiKey = null;
            o.TokenProvider = (force, _) =>
            {
                refreshes += force ? 1 : 0;
                return ValueTask.FromResult(force ? "new" : "old");
            };
        });

        var job = await client.IngestJobs.GetAsync("job_1");

        job.Id.Should().Be("job_1");
        refreshes.Should().Be(1);
        Server.LogEntries.Should().HaveCount(2);
    }

    [Fact]
    public async Task The_secret_never_appears_in_logs_exception_messages_or_ToString()
    {
        Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody($$$"""{"success":false,"error":{"code":"bad_request","message":"bad header Bearer {{{Secret}}}"}}"""));
        var options = new AgentsetClientOptions();
        using var client = CreateClient(o => { o.Retry = RetryOptions.None; options = o; });

        var ex = (await client.Invoking(c => c.IngestJobs.GetAsync("job_1")).Should().ThrowAsync<BadRequestException>()).Which;

        Server.LogEntries.Single().RequestMessage!.Headers!["Authorization"].Should().Equal($"Bearer {Secret}");
        Logs.Lines.Should().NotBeEmpty();
        string[] surfaces = [ex.Message, ex.ToString(), ex.RawBody!, ex.ServiceMessage!, client.ToString()!, options.ToString(), .. Logs.Lines];
        surfaces.Should().AllSatisfy(text => text.Should().NotContain(Secret));
    }

    [Fact]
    public void Non_loopback_http_is_refused_unless_allowed()
    {
        var act = () => CreateClient(o => o.BaseAddress = new Uri("http://api.agentset.ai"));
        act.Should().Throw<ArgumentException>().WithMessage("*https*");

        using var allowed = CreateClient(o => { o.BaseAddress = new Uri("http://api.agentset.ai"); o.AllowInsecureHttp = true; });
        allowed.Should().NotBeNull();
    }

    [Fact]
    public async Task AddAgentsetClient_binds_configuration_and_works_through_IHttpClientFactory()
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithBody(AgentsetJson.Single("job_1")));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Agentset:BaseAddress"] = BaseAddress.ToString(),
            ["Agentset:ApiKey"] = "k1",
            ["Agentset:NamespaceId"] = "ns_123",
            ["Agentset:Retry:MaxAttempts"] = "2",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAgentsetClient(configuration.GetSection("Agentset"));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<AgentsetClient>();
        var job = await client.IngestJobs.GetAsync("job_1");

        job.Id.Should().Be("job_1");
        provider.GetRequiredService<IOptions<AgentsetClientOptions>>().Value.Retry.MaxAttempts.Should().Be(2);
        Server.LogEntries.Single().RequestMessage!.Headers!["Authorization"].Should().Equal("Bearer k1");
    }

    [Fact]
    public async Task AddAgentsetClient_with_a_missing_key_and_a_bad_url_fails_validation_clearly()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAgentsetClient(o => o.BaseAddress = new Uri("http://example.com"));
        await using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<AgentsetClient>();

        var ex = act.Should().Throw<OptionsValidationException>().Which;
        ex.Failures.Should().Contain(f => f.Contains("ApiKey", StringComparison.Ordinal));
        ex.Failures.Should().Contain(f => f.Contains("https", StringComparison.Ordinal));
    }
}
