using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Testing.TrueFoundry;
using Astro.Triggers.Sdk.TrueFoundry;
using Microsoft.Extensions.Time.Testing;

namespace Astro.Triggers.Sdk.Tests.Testing;

public sealed class TrueFoundryFakeTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly TrueFoundryFake _fake;
    private readonly TrueFoundryClient _client;

    public TrueFoundryFakeTests()
    {
        _fake = TrueFoundryFake.Start(new TrueFoundryFakeOptions { TimeProvider = _time });
        _client = new TrueFoundryClient(_fake.CreateClientOptions());
    }

    public void Dispose()
    {
        _client.Dispose();
        _fake.Dispose();
    }

    private Task<TrueFoundryJobRun> TriggerAsync() =>
        _client.JobRuns.StartAsync(new TriggerJobRequest { ApplicationId = _fake.ApplicationId, Input = new JobRunInput { Command = "python etl.py" } });

    [Fact]
    public async Task A_triggered_run_progresses_to_finished_on_the_fake_clock()
    {
        var run = await TriggerAsync();
        run.RawStatus.Should().Be("CREATED");
        run.Value.Name.Should().Be("fake-job-0001");
        run.Value.Command.Should().Be("python etl.py");

        _time.Advance(TimeSpan.FromSeconds(1));
        (await run.UpdateStatusAsync()).Should().Be(RunStatus.Running);
        _time.Advance(TimeSpan.FromSeconds(2));
        (await run.UpdateStatusAsync()).Should().Be(RunStatus.Succeeded);
        run.Value.ExitCode.Should().Be(0);
        run.Value.EndTime.Should().Be(_time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task FailNextRuns_ends_the_run_failed_with_its_error()
    {
        _fake.FailNextRuns(1, "OOMKilled");
        var run = await TriggerAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        (await run.UpdateStatusAsync()).Should().Be(RunStatus.Failed);
        run.ErrorMessage.Should().Be("OOMKilled");
        run.Value.ExitCode.Should().Be(1);
    }

    [Fact]
    public async Task Terminate_stops_a_live_run_and_a_finished_one_is_417()
    {
        var run = await TriggerAsync();
        var termination = await _client.JobRuns.CancelAsync(_fake.DeploymentId, run.Id);
        termination.JobRunStatus.Should().Be(JobRunStatus.TerminationRequested);
        termination.Message.Should().Be("Termination requested");
        (await run.UpdateStatusAsync()).Should().Be(RunStatus.Cancelled);
        run.RawStatus.Should().Be("TERMINATION_REQUESTED");
        _time.Advance(TimeSpan.FromSeconds(1));
        await run.UpdateStatusAsync();
        run.RawStatus.Should().Be("TERMINATED");

        var again = () => _client.JobRuns.CancelAsync(_fake.DeploymentId, run.Id);
        (await again.Should().ThrowAsync<ServiceRequestException>()).Which.Status.Should().Be(417);
    }

    [Fact]
    public async Task List_pages_by_offset_with_status_filter_and_order()
    {
        for (var i = 0; i < 5; i++)
        {
            await TriggerAsync();
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        var newest = await TriggerAsync();

        var all = await _client.JobRuns.ListAsync(_fake.ApplicationId, new JobRunListOptions { PageSize = 2 }).ToListAsync();
        all.Select(r => r.Name).Should().Equal("fake-job-0006", "fake-job-0005", "fake-job-0004", "fake-job-0003", "fake-job-0002", "fake-job-0001");
        var pages = await _client.JobRuns.ListAsync(_fake.ApplicationId, new JobRunListOptions { PageSize = 2 }).AsPages().ToListAsync();
        pages.Should().HaveCount(3);

        var running = await _client.JobRuns.ListAsync(_fake.ApplicationId, new JobRunListOptions { Statuses = [JobRunStatus.Created] }).ToListAsync();
        running.Select(r => r.Name).Should().Equal(newest.Id);
        var oldest = await _client.JobRuns.ListAsync(_fake.ApplicationId, new JobRunListOptions { Order = SortDirection.Ascending, SearchPrefix = "fake-job-000" }).FirstAsync();
        oldest.Name.Should().Be("fake-job-0001");
    }

    [Fact]
    public async Task Delete_removes_the_run()
    {
        var run = await TriggerAsync();
        await _client.JobRuns.DeleteAsync(_fake.ApplicationId, run.Id);
        var get = () => _client.JobRuns.GetAsync(_fake.ApplicationId, run.Id);
        await get.Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task Unknown_application_is_404_and_a_service_is_not_a_job()
    {
        var unknown = () => _client.JobRuns.StartAsync(new TriggerJobRequest { ApplicationId = "app-nope" });
        (await unknown.Should().ThrowAsync<NotFoundException>()).Which.ServiceMessage.Should().Be("Application app-nope not found");

        _fake.AddJob("app-web", "dep-web", "web", isJob: false);
        var service = () => _client.JobRuns.StartAsync(new TriggerJobRequest { DeploymentId = "dep-web" });
        (await service.Should().ThrowAsync<BadRequestException>()).Which.ServiceMessage.Should().Be("application not supported for job trigger");
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"applicationId":"app-fake","deploymentId":"dep-fake"}""")]
    [InlineData("""{"applicationId":"app-fake","input":{"command":5}}""")]
    [InlineData("""{"applicationId":"app-fake","input":{"params":["day"]}}""")]
    public async Task Invalid_trigger_bodies_are_400_with_truefoundrys_error_body(string body)
    {
        var (status, text) = await FakeHttp.SendAsync(_fake.BaseAddress, HttpMethod.Post, "api/svc/v1/jobs/trigger", body, ("Authorization", "Bearer " + _fake.ApiKey));
        status.Should().Be(400);
        text.Should().Contain("\"statusCode\":400");
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("offset=-1")]
    [InlineData("status=DONE")]
    [InlineData("sortBy=name")]
    public async Task Invalid_list_queries_are_400(string query)
    {
        var (status, _) = await FakeHttp.SendAsync(_fake.BaseAddress, HttpMethod.Get, "api/svc/v1/jobs/app-fake/runs?" + query, null, ("Authorization", "Bearer " + _fake.ApiKey));
        status.Should().Be(400);
    }

    [Fact]
    public async Task A_wrong_token_is_401()
    {
        var options = _fake.CreateClientOptions();
        options.ApiKey = "stale";
        using var client = new TrueFoundryClient(options);
        var call = () => client.JobRuns.GetAsync(_fake.ApplicationId, "x");
        (await call.Should().ThrowAsync<UnauthorizedException>()).Which.ServiceMessage.Should().Be("Unauthorized");
    }
}
