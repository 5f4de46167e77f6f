using System.Net;
using System.Net.Http.Headers;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Paging;
using Astro.Triggers.Sdk.Testing.Agentset;
using Microsoft.Extensions.Time.Testing;

namespace Astro.Triggers.Sdk.Tests.Testing;

/// <summary>The Agentset fake through the real client: state, time, paging, and the rules it enforces.</summary>
public sealed class AgentsetFakeTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly AgentsetFake _fake;
    private readonly AgentsetClient _client;

    public AgentsetFakeTests()
    {
        _fake = AgentsetFake.Start(new AgentsetFakeOptions { TimeProvider = _time });
        _client = new AgentsetClient(_fake.CreateClientOptions());
    }

    public void Dispose()
    {
        _client.Dispose();
        _fake.Dispose();
    }

    private const string Jobs = "v1/namespace/ns_fake/ingest-jobs";

    private (string, string) Bearer => ("Authorization", "Bearer " + _fake.ApiKey);

    private Task<IngestJob> CreateAsync(string text = "hello", AgentsetRequestOptions? options = null) =>
        _client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = text } }, options);

    [Fact]
    public async Task Binds_loopback_only_on_a_random_port()
    {
        _fake.BaseAddress.Host.Should().Be("127.0.0.1");
        await using var other = AgentsetFake.Start();
        other.BaseAddress.Port.Should().NotBe(_fake.BaseAddress.Port);
    }

    [Fact]
    public async Task A_created_job_moves_through_its_statuses_on_the_fake_clock()
    {
        var job = await CreateAsync();
        job.Id.Should().StartWith("job_");
        job.Status.Should().Be(IngestJobStatus.Queued);
        job.QueuedAt.Should().Be(_time.GetUtcNow());

        _time.Advance(TimeSpan.FromSeconds(1));
        (await _client.IngestJobs.GetAsync(job.Id)).Status.Should().Be(IngestJobStatus.PreProcessing);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        (await _client.IngestJobs.GetAsync(job.Id)).Status.Should().Be(IngestJobStatus.Processing);
        _time.Advance(TimeSpan.FromSeconds(2));
        var done = await _client.IngestJobs.GetAsync(job.Id);
        done.Status.Should().Be(IngestJobStatus.Completed);
        done.CompletedAt.Should().Be(_time.GetUtcNow());
        done.Error.Should().BeNull();
    }

    [Fact]
    public async Task FailNextRuns_ends_the_next_job_failed_with_the_error()
    {
        _fake.FailNextRuns(1, "bad PDF");
        var failing = await CreateAsync();
        var fine = await CreateAsync();
        _time.Advance(TimeSpan.FromMinutes(1));

        var failed = await _client.IngestJobs.GetAsync(failing.Id);
        failed.Status.Should().Be(IngestJobStatus.Failed);
        failed.Error.Should().Be("bad PDF");
        failed.FailedAt.Should().NotBeNull();
        (await _client.IngestJobs.GetAsync(fine.Id)).Status.Should().Be(IngestJobStatus.Completed);
    }

    [Fact]
    public async Task Delete_shows_the_deletion_then_the_job_is_gone()
    {
        var job = await CreateAsync();
        var deleted = await _client.IngestJobs.DeleteAsync(job.Id);
        deleted!.Status.Should().Be(IngestJobStatus.QueuedForDelete);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        (await _client.IngestJobs.GetAsync(job.Id)).Status.Should().Be(IngestJobStatus.Deleting);
        _time.Advance(TimeSpan.FromMilliseconds(500));

        var get = () => _client.IngestJobs.GetAsync(job.Id);
        (await get.Should().ThrowAsync<NotFoundException>()).Which.ErrorCode.Should().Be("not_found");
        _fake.JobCount.Should().Be(0);
    }

    [Fact]
    public async Task ReIngest_requeues_a_finished_job_and_refuses_a_running_one()
    {
        var job = await CreateAsync();
        var early = () => _client.IngestJobs.ReIngestAsync(job.Id);
        (await early.Should().ThrowAsync<ConflictException>()).Which.ErrorCode.Should().Be("conflict");

        _time.Advance(TimeSpan.FromMinutes(1));
        (await _client.IngestJobs.ReIngestAsync(job.Id)).Should().Be(job.Id);
        (await _client.IngestJobs.GetAsync(job.Id)).Status.Should().Be(IngestJobStatus.QueuedForResync);
        _time.Advance(TimeSpan.FromMinutes(1));
        (await _client.IngestJobs.GetAsync(job.Id)).Status.Should().Be(IngestJobStatus.Completed);
    }

    [Fact]
    public async Task List_pages_with_real_cursors_in_both_directions_and_orders()
    {
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await CreateAsync($"doc {i}")).Id);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var newestFirst = await _client.IngestJobs.ListAsync(new IngestJobListOptions { PageSize = 3 }).AsPages().ToListAsync();
        newestFirst.Select(p => p.Items.Count).Should().Equal(3, 3, 1);
        newestFirst.SelectMany(p => p.Items).Select(j => j.Id).Should().Equal(Enumerable.Reverse(ids));

        var oldestFirst = await _client.IngestJobs.ListAsync(new IngestJobListOptions { PageSize = 3, Order = SortDirection.Ascending }).ToListAsync();
        oldestFirst.Select(j => j.Id).Should().Equal(ids);

        // Resume from the last page's previous cursor, paging backward: the pages in front of it, newest page first.
        var last = newestFirst[^1];
        var back = await _client.IngestJobs.ListAsync(new IngestJobListOptions { PageSize = 3, Direction = CursorDirection.Backward })
            .AsPages(last.PreviousToken).ToListAsync();
        back.SelectMany(p => p.Items).Select(j => j.Id).Should().BeEquivalentTo(ids.Skip(1));
    }

    [Fact]
    public async Task List_filters_by_status_and_tenant()
    {
        var queued = await CreateAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        var fresh = await CreateAsync();
        var tenants = await CreateAsync(options: new AgentsetRequestOptions { TenantId = "acme" });

        var done = await _client.IngestJobs.ListAsync(new IngestJobListOptions { Statuses = [IngestJobStatus.Completed] }).ToListAsync();
        done.Select(j => j.Id).Should().Equal(queued.Id);
        var acme = await _client.IngestJobs.ListAsync(options: new AgentsetRequestOptions { TenantId = "acme" }).ToListAsync();
        acme.Select(j => j.Id).Should().Equal(tenants.Id);
        acme.Single().TenantId.Should().Be("acme");
        (await _client.IngestJobs.ListAsync().ToListAsync()).Select(j => j.Id).Should().Equal(fresh.Id, queued.Id);
    }

    [Fact]
    public async Task A_wrong_key_is_401_with_agentsets_error_body()
    {
        var options = _fake.CreateClientOptions();
        options.ApiKey = "wrong";
        using var client = new AgentsetClient(options);
        var call = () => client.IngestJobs.GetAsync("job_x");
        var error = (await call.Should().ThrowAsync<UnauthorizedException>()).Which;
        error.ErrorCode.Should().Be("unauthorized");
        error.ServiceMessage.Should().Be("Unauthorized: Invalid API key.");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, "unauthorized")]
    [InlineData("fake-api-key", HttpStatusCode.BadRequest, "bad_request")]
    [InlineData("Basic fake-api-key", HttpStatusCode.BadRequest, "bad_request")]
    public async Task Missing_or_malformed_authorization_is_refused(string? authorization, HttpStatusCode status, string code)
    {
        var headers = authorization is null ? [] : new[] { ("Authorization", authorization) };
        var (actual, body) = await FakeHttp.SendAsync(_fake.BaseAddress, HttpMethod.Get, Jobs, null, headers);
        actual.Should().Be((int)status);
        body.Should().Contain($"\"code\":\"{code}\"");
    }

    [Fact]
    public async Task An_invalid_tenant_id_is_400_Invalid_tenant_ID()
    {
        var (status, body) = await FakeHttp.SendAsync(_fake.BaseAddress, HttpMethod.Get, Jobs, null, Bearer, ("x-tenant-id", "not-alphanumeric"));
        status.Should().Be(400);
        body.Should().Contain("Invalid tenant ID.");
    }

    [Fact]
    public async Task Unknown_namespace_and_job_are_404()
    {
        var job = () => _client.IngestJobs.GetAsync("job_missing");
        (await job.Should().ThrowAsync<NotFoundException>()).Which.ServiceMessage.Should().Be("Ingest job not found.");
        var ns = () => _client.IngestJobs.GetAsync("job_missing", new AgentsetRequestOptions { NamespaceId = "ns_other" });
        (await ns.Should().ThrowAsync<NotFoundException>()).Which.ServiceMessage.Should().Be("Namespace not found.");
    }

    [Theory]
    [InlineData("""{"name":"x"}""", "payload")]
    [InlineData("""{"payload":{"type":"TEXT","text":""}}""", "payload.text")]
    [InlineData("""{"payload":{"type":"PDF"}}""", "payload.type")]
    [InlineData("""{"payload":{"type":"FILE","fileUrl":"not a url"}}""", "payload.fileUrl")]
    [InlineData("""{"payload":{"type":"CRAWL","url":"https://a.example","maxDepth":0}}""", "payload.maxDepth")]
    [InlineData("""{"payload":{"type":"BATCH","items":[]}}""", "payload.items")]
    [InlineData("""{"payload":{"type":"TEXT","text":"x"},"config":{"chunkSize":8}}""", "config.chunkSize")]
    [InlineData("""{"payload":{"type":"TEXT","text":"x"},"config":{"metadata":{"a":{"b":1}}}}""", "config.metadata.a")]
    public async Task Invalid_create_bodies_are_422_naming_the_field(string body, string field)
    {
        var (status, text) = await FakeHttp.SendAsync(_fake.BaseAddress, HttpMethod.Post, Jobs, body, Bearer);
        status.Should().Be(422);
        text.Should().Contain("\"code\":\"unprocessable_entity\"").And.Contain(field);
        _fake.JobCount.Should().Be(0);
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        var (status, _) = await FakeHttp.SendAsync(_fake.BaseAddress, HttpMethod.Post, Jobs, "{not json", Bearer);
        status.Should().Be(400);
    }

    [Theory]
    [InlineData("perPage=0")]
    [InlineData("perPage=101")]
    [InlineData("statuses=DONE")]
    [InlineData("order=up")]
    [InlineData("cursorDirection=sideways")]
    public async Task Invalid_list_queries_are_422(string query)
    {
        var (status, _) = await FakeHttp.SendAsync(_fake.BaseAddress, HttpMethod.Get, Jobs + "?" + query, null, Bearer);
        status.Should().Be(422);
    }

    [Fact]
    public async Task A_forged_cursor_is_400()
    {
        var (status, _) = await FakeHttp.SendAsync(_fake.BaseAddress, HttpMethod.Get, Jobs + "?cursor=abc!", null, Bearer);
        status.Should().Be(400);
    }

    [Fact]
    public async Task Injected_429_carries_agentsets_millisecond_reset_and_the_client_waits_it_out()
    {
        _fake.Faults.RateLimit(count: 1, retryAfter: TimeSpan.FromSeconds(2));
        // Raw, not FakeHttp: this one reads a response header.
        using var http = new HttpClient { BaseAddress = _fake.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _fake.ApiKey);
        using var response = await http.GetAsync(new Uri(Jobs, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        response.Headers.GetValues("Retry-After").Single().Should().Be(_time.GetUtcNow().AddSeconds(2).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        _fake.Faults.Pending.Should().Be(0);
        _fake.Faults.Injected.Should().Be(1);
    }
}
