using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Retry;
using Astro.Triggers.Sdk.Testing.Agentset;

namespace Astro.Triggers.Sdk.Tests.Testing;

/// <summary>Faults aimed at one operation (<c>Faults.For(…)</c>) hit only that operation's calls, while others run.</summary>
public sealed class TargetedFaultTests : IDisposable
{
    private readonly AgentsetFake _fake = AgentsetFake.Start();
    private readonly AgentsetClient _client;

    public TargetedFaultTests()
    {
        // No retries: every injected fault surfaces as an exception of the call it hit, so none can hide.
        var options = _fake.CreateClientOptions();
        options.Retry = RetryOptions.None;
        _client = new AgentsetClient(options);
    }

    public void Dispose()
    {
        _client.Dispose();
        _fake.Dispose();
    }

    private Task<IngestJob> CreateAsync() =>
        _client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "hi" } });

    [Fact]
    public async Task A_rate_limit_for_creates_hits_exactly_that_many_creates_while_a_list_loop_runs()
    {
        var creates = _fake.Faults.For("createIngestJob").RateLimit(count: 3, retryAfter: TimeSpan.Zero);
        creates.Target.Should().Be("createIngestJob");

        using var stop = new CancellationTokenSource();
        var lists = 0;
        var firstList = new TaskCompletionSource();
        var listLoop = Task.Run(async () =>
        {
            // A list that took a fault would throw here and fail the test when the loop is awaited.
            while (!stop.IsCancellationRequested)
            {
                await _client.IngestJobs.ListAsync().ToListAsync();
                lists++;
                firstList.TrySetResult();
            }
        });
        await firstList.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                await CreateAsync();
                return "created";
            }
            catch (RateLimitExceededException)
            {
                return "429";
            }
        }));
        await stop.CancelAsync();
        await listLoop;

        outcomes.Count(o => o == "429").Should().Be(3);
        _fake.JobCount.Should().Be(5, "a faulted create creates nothing");
        lists.Should().BeGreaterThan(0);
        creates.Injected.Should().Be(3);
        creates.Pending.Should().Be(0);
        _fake.Faults.Injected.Should().Be(3, "no list call was faulted");
        _fake.Faults.For("listIngestJobs").Injected.Should().Be(0);
        _fake.Requests.Count(r => r.OperationId == "createIngestJob").Should().Be(8);
        _fake.Requests.Count(r => r.OperationId == "listIngestJobs").Should().Be(lists);
    }

    [Fact]
    public async Task A_method_and_path_pattern_targets_lists_only_and_a_dropped_create_by_its_pattern()
    {
        var job = await CreateAsync();
        _fake.Faults.For(HttpMethod.Get, "/v1/namespace/*/ingest-jobs").ServerError(count: 2, status: 500);
        _fake.Faults.For(HttpMethod.Post, "/v1/namespace/*/ingest-jobs").DropConnection();

        // GET of one job has one more segment: not matched, not used up.
        (await _client.IngestJobs.GetAsync(job.Id)).Id.Should().Be(job.Id);
        var list = () => _client.IngestJobs.ListAsync().ToListAsync().AsTask();
        await list.Should().ThrowAsync<InternalServerErrorException>();
        await list.Should().ThrowAsync<InternalServerErrorException>();
        (await list()).Should().ContainSingle();

        var create = CreateAsync;
        await create.Should().ThrowAsync<ServiceTransportException>();
        (await CreateAsync()).Id.Should().NotBe(job.Id);
        _fake.Faults.Injected.Should().Be(3);
        _fake.Faults.For(HttpMethod.Get, "/v1/namespace/*/ingest-jobs").Injected.Should().Be(2, "views of the same target share its count");
    }

    [Fact]
    public async Task An_untargeted_fault_still_hits_the_next_call_of_any_operation_in_order()
    {
        _fake.Faults.ServerError(count: 1, status: 500);
        _fake.Faults.For("getIngestJob").RateLimit(count: 1, retryAfter: TimeSpan.Zero);
        var list = () => _client.IngestJobs.ListAsync().ToListAsync().AsTask();
        await list.Should().ThrowAsync<InternalServerErrorException>("the untargeted fault came first and matches every call");
        (await list()).Should().BeEmpty("the targeted one waits for its operation");
        _fake.Faults.Pending.Should().Be(1);
    }

    [Fact]
    public void An_unknown_operation_id_is_refused_with_the_known_ones()
    {
        var call = () => _fake.Faults.For("createJob");
        var error = call.Should().Throw<ArgumentException>().WithParameterName("operationId").Which;
        error.Message.Should().Contain("createJob").And.Contain("createIngestJob").And.Contain("listIngestJobs")
            .And.Contain("getIngestJob").And.Contain("deleteIngestJob").And.Contain("reIngestJob");
    }

    [Fact]
    public void Targets_do_not_combine_and_a_pattern_starts_with_a_slash()
    {
        var nested = () => _fake.Faults.For("listIngestJobs").For("getIngestJob");
        nested.Should().Throw<InvalidOperationException>();
        var relative = () => _fake.Faults.For(HttpMethod.Get, "v1/namespace/*/ingest-jobs");
        relative.Should().Throw<ArgumentException>().WithParameterName("pathPattern");
        var query = () => _fake.Faults.For(HttpMethod.Get, "/v1/x?y=1");
        query.Should().Throw<ArgumentException>().WithParameterName("pathPattern");
    }

    [Fact]
    public void Clear_on_a_view_removes_only_its_targets_faults()
    {
        _fake.Faults.ServerError();
        var gets = _fake.Faults.For("getIngestJob").RateLimit(count: 2);
        gets.Pending.Should().Be(2);
        _fake.Faults.Pending.Should().Be(3);
        gets.Clear();
        gets.Pending.Should().Be(0);
        _fake.Faults.Pending.Should().Be(1);
        _fake.Faults.Clear();
        _fake.Faults.Pending.Should().Be(0);
    }
}
