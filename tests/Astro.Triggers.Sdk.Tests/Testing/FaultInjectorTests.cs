using System.Diagnostics;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Retry;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Testing.Agentset;
using Astro.Triggers.Sdk.Testing.Mixpeek;
using Microsoft.Extensions.Time.Testing;

namespace Astro.Triggers.Sdk.Tests.Testing;

/// <summary>The fault switches, seen through the real client's retry policy.</summary>
public sealed class FaultInjectorTests : IDisposable
{
    private readonly MixpeekFake _fake = MixpeekFake.Start();
    private readonly MixpeekClient _client;

    public FaultInjectorTests()
    {
        var options = _fake.CreateClientOptions();
        options.Retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(10), UseJitter = false };
        _client = new MixpeekClient(options);
    }

    public void Dispose()
    {
        _client.Dispose();
        _fake.Dispose();
    }

    private Task<Trigger> CreateAsync() =>
        _client.Triggers.CreateAsync(new CreateTriggerRequest(new ClusterAction("clu_1"), new IntervalSchedule(TimeSpan.FromMinutes(1))));

    [Fact]
    public async Task A_503_on_a_read_is_retried_and_the_faulted_call_changed_nothing()
    {
        var trigger = await CreateAsync();
        _fake.Faults.ServerError(count: 2, status: 503);
        (await _client.Triggers.GetAsync(trigger.TriggerId)).TriggerId.Should().Be(trigger.TriggerId);
        _fake.Requests.Should().HaveCount(4, "create, two 503s, the successful get");
        _fake.Faults.Injected.Should().Be(2);
    }

    [Fact]
    public async Task A_500_on_create_is_not_repeated_and_nothing_was_created()
    {
        _fake.Faults.ServerError(status: 500);
        var call = CreateAsync;
        var error = (await call.Should().ThrowAsync<InternalServerErrorException>()).Which;
        error.ErrorCode.Should().Be("InternalServerError");
        _fake.Requests.Should().HaveCount(1);
        _fake.TriggerCount.Should().Be(0);
    }

    [Theory]
    [InlineData(502, "BadGatewayError")]
    [InlineData(503, "ServiceUnavailableError")]
    [InlineData(504, "GatewayTimeoutError")]
    public async Task An_injected_server_error_names_its_own_status(int status, string code)
    {
        _fake.Faults.ServerError(status: status);
        var call = CreateAsync;
        var error = (await call.Should().ThrowAsync<ServiceRequestException>()).Which;
        error.Status.Should().Be(status);
        error.ErrorCode.Should().Be(code, "a 503 is not an internal server error");
    }

    [Fact]
    public async Task Faults_run_in_order_then_the_fake_behaves()
    {
        _fake.Faults.RateLimit(1, TimeSpan.Zero).ServerError(1, 502);
        _fake.Faults.Pending.Should().Be(2);
        (await _client.Triggers.ListAsync().ToListAsync()).Should().BeEmpty();
        _fake.Faults.Pending.Should().Be(0);
        _fake.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_dropped_connection_is_a_transport_error_for_create_and_retried_for_a_read()
    {
        _fake.Faults.DropConnection();
        var create = CreateAsync;
        (await create.Should().ThrowAsync<ServiceTransportException>()).Which.MayHaveBeenProcessed.Should().BeTrue();
        _fake.TriggerCount.Should().Be(0);

        _fake.Faults.DropConnection();
        (await _client.Triggers.ListAsync().ToListAsync()).Should().BeEmpty();
        _fake.Faults.Injected.Should().Be(2);
        _fake.Requests.Select(r => r.OperationId).Should().Equal(["createTrigger", "listTriggers", "listTriggers"], "a dropped call was received, so it is recorded");
    }

    [Fact]
    public async Task A_delay_longer_than_the_attempt_timeout_times_out_and_a_read_is_retried()
    {
        var options = _fake.CreateClientOptions();
        options.Retry = new RetryOptions { AttemptTimeout = TimeSpan.FromMilliseconds(200), BaseDelay = TimeSpan.FromMilliseconds(10), UseJitter = false };
        using var client = new MixpeekClient(options);
        _fake.Faults.Delay(TimeSpan.FromSeconds(2));
        var watch = Stopwatch.StartNew();
        (await client.Triggers.ListAsync().ToListAsync()).Should().BeEmpty();
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2), "the client gave up on the slow attempt at 200 ms");
        _fake.Faults.Injected.Should().Be(1);

        // Both attempts are recorded on arrival, the slow one before its delayed answer is written.
        _fake.Requests.Select(r => r.OperationId).Should().Equal("listTriggers", "listTriggers");
    }

    [Fact]
    public async Task A_delay_runs_on_the_fakes_clock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions { TimeProvider = time });
        using var client = new AgentsetClient(fake.CreateClientOptions());
        // Within the client's attempt timeout (30 s): the client runs on the fake's clock too (CreateClientOptions).
        fake.Faults.Delay(TimeSpan.FromSeconds(20));
        var call = client.IngestJobs.ListAsync().ToListAsync().AsTask();
        await Task.Delay(200);
        call.IsCompleted.Should().BeFalse("the fake waits for its clock");
        time.Advance(TimeSpan.FromSeconds(20));
        (await call.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeEmpty();
    }

    [Fact]
    public void Bad_switch_arguments_are_refused()
    {
        var count = () => _fake.Faults.RateLimit(0);
        count.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("count");
        var status = () => _fake.Faults.ServerError(status: 429);
        status.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("status");
        var delay = () => _fake.Faults.Delay(TimeSpan.FromSeconds(-1));
        delay.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("delay");
    }
}
