using System.Text.Json;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using Astro.Triggers.Sdk.TrueFoundry;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.TrueFoundry;

/// <summary>A real TrueFoundryClient against WireMock on loopback: exact requests, paging, errors, run handles.</summary>
public sealed class JobsClientTests : ClientTestBase
{
    private TrueFoundryClient CreateClient(Action<TrueFoundryClientOptions>? configure = null) => new(Configure(new TrueFoundryClientOptions(), configure));

    private void Respond(string method, string path, int status, string body) =>
        Server.Given(Request.Create().WithPath(new WildcardMatcher(path)).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    private static string TriggerAnswer(string status = "CREATED") =>
        $$"""{ "message": "Job triggered", "jobRunName": "nightly-etl-x1", "data": {{TrueFoundryJson.Run("nightly-etl-x1", status)}} }""";

    [Fact]
    public async Task TriggerJob_posts_camelCase_json_with_command_params_and_alias_and_returns_the_run()
    {
        Respond("POST", "/api/svc/v1/jobs/trigger", 200, TriggerAnswer());
        using var client = CreateClient();

        var run = await client.JobRuns.StartAsync(new TriggerJobRequest
        {
            ApplicationId = "app-1",
            Input = new JobRunInput { Command = "python etl.py --full", Params = new Dictionary<string, object> { ["date"] = "2026-11-23" } },
            Metadata = new JobRunMetadata { JobRunNameAlias = "nightly" },
        });

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/api/svc/v1/jobs/trigger");
        request.Headers!["Authorization"].Should().Equal($"Bearer {Secret}");
        JsonDocument.Parse(request.Body!).RootElement.GetRawText().Should().Be(JsonDocument.Parse("""
            {"applicationId":"app-1","input":{"command":"python etl.py --full","params":{"date":"2026-11-23"}},"metadata":{"job_run_name_alias":"nightly"}}
            """).RootElement.GetRawText());
        run.Id.Should().Be("nightly-etl-x1");
        run.Message.Should().Be("Job triggered");
        run.Status.Should().Be(RunStatus.Queued);
        run.RawStatus.Should().Be("CREATED");
        run.Value.TriggeredBySubject!.SubjectDisplayName.Should().Be("CI bot");
        run.Value.CreatedAt.Should().Be(1763899200000);
        run.Value.Duration.Should().Be(12.5);
    }

    [Fact]
    public async Task Spark_input_is_sent_as_its_own_fields()
    {
        Respond("POST", "/api/svc/v1/jobs/trigger", 200, TriggerAnswer());
        using var client = CreateClient();

        await client.JobRuns.StartAsync(new TriggerJobRequest
        {
            DeploymentId = "dep-9",
            Input = new JobRunInput { MainClass = "com.acme.Etl", MainApplicationFile = "s3://b/etl.jar", Arguments = "--day 1" },
        });

        SingleRequest().Body.Should().Be("""{"deploymentId":"dep-9","input":{"mainClass":"com.acme.Etl","mainApplicationFile":"s3://b/etl.jar","arguments":"--day 1"}}""");
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("dep-1", "app-1")]
    public async Task Exactly_one_of_deployment_id_and_application_id_is_required(string? deploymentId, string? applicationId)
    {
        using var client = CreateClient();

        var act = () => client.JobRuns.StartAsync(new TriggerJobRequest { DeploymentId = deploymentId, ApplicationId = applicationId });

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("exactly one of 'request.DeploymentId' and 'request.ApplicationId'");
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task Command_and_spark_input_together_are_refused()
    {
        using var client = CreateClient();

        var act = () => client.JobRuns.StartAsync(new TriggerJobRequest
        {
            ApplicationId = "app-1",
            Input = new JobRunInput { Command = "x", MainClass = "y" },
        });

        await act.Should().ThrowAsync<ArgumentException>();
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task A_trigger_answered_500_or_timed_out_is_sent_exactly_once()
    {
        Respond("POST", "/api/svc/v1/jobs/trigger", 500, """{"statusCode":500,"message":"boom"}""");
        using var client = CreateClient(o => o.Retry.RetryInternalServerError = true);

        var act = () => client.JobRuns.StartAsync(new TriggerJobRequest { ApplicationId = "app-1" });

        var ex = (await act.Should().ThrowAsync<InternalServerErrorException>()).Which;
        ex.MayHaveBeenProcessed.Should().BeTrue();
        ex.ServiceMessage.Should().Be("boom");
        Server.LogEntries.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_trigger_whose_answer_never_comes_times_out_once_and_is_not_repeated()
    {
        Server.Given(Request.Create().WithPath("/api/svc/v1/jobs/trigger").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(TriggerAnswer()).WithDelay(TimeSpan.FromSeconds(5)));
        using var client = CreateClient(o => o.Retry.AttemptTimeout = TimeSpan.FromSeconds(2));

        var call = client.JobRuns.StartAsync(new TriggerJobRequest { ApplicationId = "app-1" });
        var act = () => RunAsync(call);

        (await act.Should().ThrowAsync<ServiceTimeoutException>()).Which.MayHaveBeenProcessed.Should().BeTrue();
        Logs.Lines.Count(l => l.Contains("(attempt ", StringComparison.Ordinal)).Should().Be(1, "an ambiguous trigger is never sent twice");
    }

    [Theory]
    [InlineData(400, typeof(BadRequestException))]
    [InlineData(401, typeof(UnauthorizedException))]
    [InlineData(403, typeof(ForbiddenException))]
    [InlineData(404, typeof(NotFoundException))]
    [InlineData(417, typeof(UnexpectedStatusException))]
    [InlineData(422, typeof(UnprocessableEntityException))]
    [InlineData(500, typeof(InternalServerErrorException))]
    public async Task Error_statuses_map_to_typed_exceptions_with_the_services_message(int status, Type expected)
    {
        Respond("POST", "/api/svc/v1/jobs/*", status, $$"""{"statusCode":{{status}},"message":"application not supported for job trigger","code":"E_APP"}""");
        using var client = CreateClient();

        var act = () => client.JobRuns.CancelAsync("dep-1", "run-1");

        var ex = (await act.Should().ThrowAsync<ServiceRequestException>()).Which;
        ex.Should().BeOfType(expected);
        ex.ServiceMessage.Should().Be("application not supported for job trigger");
        ex.ErrorCode.Should().Be("E_APP");
        ex.Info.Service.Should().Be("TrueFoundry");
    }

    [Fact]
    public async Task GetRun_reads_one_run_by_application_id_and_escaped_run_name()
    {
        Respond("GET", "/api/svc/v1/jobs/*", 200, TrueFoundryJson.Envelope("run 1/a", "RUNNING"));
        using var client = CreateClient();

        var run = await client.JobRuns.GetAsync("app-1", "run 1/a");

        new Uri(SingleRequest().AbsoluteUrl).AbsolutePath.Should().Be("/api/svc/v1/jobs/app-1/runs/run%201%2Fa");
        run.Status.Should().Be(JobRunStatus.Running);
        run.ApplicationName.Should().Be("nightly-etl");
    }

    [Fact]
    public async Task ListRuns_pages_by_offset_with_filters_as_repeated_keys_across_three_pages()
    {
        var path = "/api/svc/v1/jobs/app-1/runs";
        Server.Given(Request.Create().WithPath(path).WithParam("offset", "0").UsingGet()).RespondWith(Response.Create().WithBody(TrueFoundryJson.Page(5, 0, "r1", "r2")));
        Server.Given(Request.Create().WithPath(path).WithParam("offset", "2").UsingGet()).RespondWith(Response.Create().WithBody(TrueFoundryJson.Page(5, 2, "r3", "r4")));
        Server.Given(Request.Create().WithPath(path).WithParam("offset", "4").UsingGet()).RespondWith(Response.Create().WithBody(TrueFoundryJson.Page(5, 4, "r5")));
        using var client = CreateClient();

        var names = new List<string>();
        await foreach (var run in client.JobRuns.ListAsync("app-1", new JobRunListOptions
        {
            PageSize = 2,
            Statuses = [JobRunStatus.Failed, JobRunStatus.Finished],
            TriggeredBy = ["ci-bot"],
            SortBy = JobRunSortBy.StartTime,
            Order = SortDirection.Descending,
            SearchPrefix = "nightly",
        }))
        {
            names.Add(run.Name);
        }

        names.Should().Equal("r1", "r2", "r3", "r4", "r5");
        var queries = Server.LogEntries.Select(e => new Uri(e.RequestMessage!.AbsoluteUrl).Query).ToList();
        queries.Should().HaveCount(3);
        queries[0].Should().Be("?limit=2&offset=0&searchPrefix=nightly&sortBy=startTime&order=desc&triggeredBy=ci-bot&status=FAILED&status=FINISHED");
        queries[2].Should().Contain("offset=4");
    }

    [Fact]
    public async Task ListRuns_pages_expose_the_next_offset_as_a_resumable_token()
    {
        Server.Given(Request.Create().WithPath("/api/svc/v1/jobs/app-1/runs").WithParam("offset", "3").UsingGet())
            .RespondWith(Response.Create().WithBody(TrueFoundryJson.Page(10, 3, "r4", "r5", "r6")));
        using var client = CreateClient();

        await foreach (var page in client.JobRuns.ListAsync("app-1").AsPages("3", 3))
        {
            page.Items.Select(r => r.Name).Should().Equal("r4", "r5", "r6");
            page.ContinuationToken.Should().Be("6");
            page.PreviousToken.Should().Be("0");
            page.HasMore.Should().BeTrue();
            break;
        }

        new Uri(SingleRequest().AbsoluteUrl).Query.Should().Be("?limit=3&offset=3");
    }

    [Fact]
    public async Task A_page_size_out_of_range_is_refused_before_any_request()
    {
        using var client = CreateClient();

        var act = () => client.JobRuns.ListAsync("app-1", new JobRunListOptions { PageSize = 1001 });

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("filter.PageSize");
        Server.LogEntries.Should().BeEmpty();
        await Task.CompletedTask;
    }

    [Fact]
    public async Task TerminateRun_posts_the_deployment_and_run_name_as_query_and_is_retried_because_it_is_safe_to_repeat()
    {
        var request = Request.Create().WithPath("/api/svc/v1/jobs/terminate").UsingPost();
        Server.Given(request).InScenario("t").WillSetStateTo("ok").RespondWith(Response.Create().WithStatusCode(503));
        Server.Given(request).InScenario("t").WhenStateIs("ok").RespondWith(Response.Create().WithStatusCode(200));
        using var client = CreateClient();

        await RunAsync(client.JobRuns.CancelAsync("dep-1", "nightly-etl-x1"));

        Server.LogEntries.Should().HaveCount(2);
        new Uri(Server.LogEntries[0].RequestMessage!.AbsoluteUrl).Query.Should().Be("?deploymentId=dep-1&jobRunName=nightly-etl-x1");
    }

    [Fact]
    public async Task DeleteRun_sends_a_delete_to_the_run()
    {
        Respond("DELETE", "/api/svc/v1/jobs/*", 204, string.Empty);
        using var client = CreateClient();

        await client.JobRuns.DeleteAsync("app-1", "r1");

        var request = SingleRequest();
        request.Method.Should().Be("DELETE");
        request.Path.Should().Be("/api/svc/v1/jobs/app-1/runs/r1");
    }

    [Fact]
    public async Task A_triggered_run_is_followed_to_the_end_and_a_failure_carries_the_runs_error()
    {
        Respond("POST", "/api/svc/v1/jobs/trigger", 200, TriggerAnswer());
        var get = Request.Create().WithPath("/api/svc/v1/jobs/app-1/runs/nightly-etl-x1").UsingGet();
        Server.Given(get).InScenario("r").WillSetStateTo("2").RespondWith(Response.Create().WithBody(TrueFoundryJson.Envelope("nightly-etl-x1", "RUNNING")));
        Server.Given(get).InScenario("r").WhenStateIs("2").RespondWith(Response.Create().WithBody(TrueFoundryJson.Envelope("nightly-etl-x1", "FAILED", "exit code 3")));
        using var client = CreateClient();

        var run = await client.JobRuns.StartAsync(new TriggerJobRequest { ApplicationId = "app-1" });
        var wait = run.WaitForCompletionAsync(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        var act = () => wait.WaitAsync(TimeSpan.FromSeconds(30));

        var ex = (await act.Should().ThrowAsync<RunFailedException>()).Which;
        ex.RawStatus.Should().Be("FAILED");
        ex.ServiceError.Should().Be("exit code 3");
        Server.LogEntries.Should().HaveCount(3, "one trigger and two status reads");
    }

    [Fact]
    public async Task A_run_triggered_by_deployment_id_says_how_to_follow_it_instead_of_guessing()
    {
        Respond("POST", "/api/svc/v1/jobs/trigger", 200, TriggerAnswer());
        using var client = CreateClient();

        var run = await client.JobRuns.StartAsync(new TriggerJobRequest { DeploymentId = "dep-1" });
        var act = () => run.UpdateStatusAsync();

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("JobRunsClient.Track(applicationId");
        var tracked = () => client.JobRuns.Track("app-1", run.Id).UpdateStatusAsync();
        await tracked.Should().ThrowAsync<NotFoundException>("the tracked handle reads /jobs/app-1/runs/… (no stub here: 404)");
    }

    [Fact]
    public async Task A_tracked_run_cancels_after_reading_its_deployment_id_once_as_in_TypeScript()
    {
        var run = TrueFoundryJson.Envelope("etl-7", "RUNNING").Replace("\"applicationName\"", "\"deploymentId\": \"dep-7\", \"applicationName\"", StringComparison.Ordinal);
        var get = Request.Create().WithPath("/api/svc/v1/jobs/app-1/runs/etl-7").UsingGet();
        Server.Given(get).InScenario("c").WillSetStateTo("terminating").RespondWith(Response.Create().WithBody(run));
        Server.Given(get).InScenario("c").WhenStateIs("terminating")
            .RespondWith(Response.Create().WithBody(run.Replace("\"RUNNING\"", "\"TERMINATING\"", StringComparison.Ordinal)));
        Respond("POST", "/api/svc/v1/jobs/terminate", 200, """{ "message": "ok", "jobRunStatus": "TERMINATION_REQUESTED" }""");
        using var client = CreateClient();

        var tracked = client.JobRuns.Track("app-1", "etl-7");
        await tracked.CancelAsync();

        Server.LogEntries.Select(e => e.RequestMessage!.Method + " " + new Uri(e.RequestMessage.AbsoluteUrl).PathAndQuery).Should().Equal(
            "GET /api/svc/v1/jobs/app-1/runs/etl-7", "POST /api/svc/v1/jobs/terminate?deploymentId=dep-7&jobRunName=etl-7", "GET /api/svc/v1/jobs/app-1/runs/etl-7");
        tracked.Status.Should().Be(RunStatus.Cancelled);
    }

    [Theory]
    [InlineData(JobRunStatus.Created, RunStatus.Queued)]
    [InlineData(JobRunStatus.Scheduled, RunStatus.Queued)]
    [InlineData(JobRunStatus.Running, RunStatus.Running)]
    [InlineData(JobRunStatus.Finished, RunStatus.Succeeded)]
    [InlineData(JobRunStatus.Failed, RunStatus.Failed)]
    [InlineData(JobRunStatus.TerminationRequested, RunStatus.Cancelled)]
    [InlineData(JobRunStatus.Terminating, RunStatus.Cancelled)]
    [InlineData(JobRunStatus.Terminated, RunStatus.Cancelled)]
    [InlineData(JobRunStatus.Unknown, RunStatus.Unknown)]
    public void TrueFoundry_statuses_map_onto_the_common_model(JobRunStatus status, RunStatus expected) =>
        JobRunStatusMap.ToRunStatus(status).Should().Be(expected);

    [Theory]
    [InlineData(JobRunStatus.TerminationRequested, "TERMINATION_REQUESTED")]
    [InlineData(JobRunStatus.Finished, "FINISHED")]
    [InlineData(null, null)]
    public void Raw_statuses_are_spelled_as_on_the_wire(JobRunStatus? status, string? expected) =>
        JobRunStatusMap.WireName(status).Should().Be(expected);

    [Fact]
    public void The_control_plane_address_is_required()
    {
        var act = () => new TrueFoundryClient(new TrueFoundryClientOptions { ApiKey = "k" });

        act.Should().Throw<ArgumentException>().WithMessage("*BaseAddress is required: your TrueFoundry control-plane URL*");
    }
}
