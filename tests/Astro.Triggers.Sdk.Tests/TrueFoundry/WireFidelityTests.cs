using System.Text.Json;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using Astro.Triggers.Sdk.TrueFoundry;
using Astro.Triggers.Sdk.TrueFoundry.Generated;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.TrueFoundry;

/// <summary>TrueFoundry as its own (published) models shape the wire: float epoch milliseconds, a command that is a
/// string or a list, params of any JSON type, typed run fields, the status a terminate answers with, the
/// versionNumbers filter. Real client against WireMock on loopback.</summary>
public sealed class WireFidelityTests : ClientTestBase
{
    private static readonly DateTimeOffset NewYear2026 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private TrueFoundryClient CreateClient() => new(Configure(new TrueFoundryClientOptions()));

    private void Respond(string method, string path, int status, string body) =>
        Server.Given(Request.Create().WithPath(new WildcardMatcher(path)).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    [Theory]
    [InlineData("1767225600000.0")]
    [InlineData("1767225600000")]
    [InlineData("1.7672256E12")]
    [InlineData("1.7672256e+12")]
    public async Task CreatedAt_in_any_json_number_form_reads_as_the_same_instant(string createdAt)
    {
        Respond("GET", "/api/svc/v1/jobs/*", 200, $$$"""{"data":{"name":"r1","createdAt":{{{createdAt}}}}}""");
        using var client = CreateClient();

        var run = await client.JobRuns.GetAsync("app-1", "r1");

        run.CreatedAt.Should().Be(1767225600000);
        run.CreatedAtUtc.Should().Be(NewYear2026);
        run.EndTimeUtc.Should().BeNull();
    }

    [Fact]
    public async Task Whole_numbers_written_as_floats_read_in_every_integer_field_and_page_counts()
    {
        Respond("GET", "/api/svc/v1/jobs/app-1/runs", 200, """
            {"data":[{"name":"r1","endTime":1.7672292E12,"exitCode":3.0,"totalRetries":2E0}],
             "pagination":{"total":1.0,"offset":0.0,"limit":1E1}}
            """);
        using var client = CreateClient();

        var runs = new List<JobRun>();
        await foreach (var run in client.JobRuns.ListAsync("app-1"))
        {
            runs.Add(run);
        }

        runs.Should().ContainSingle();
        runs[0].ExitCode.Should().Be(3);
        runs[0].TotalRetries.Should().Be(2);
        runs[0].EndTimeUtc.Should().Be(NewYear2026.AddHours(1));
    }

    [Fact]
    public async Task Run_fields_application_deployment_tenant_and_spark_ui_are_typed_not_extras()
    {
        Respond("GET", "/api/svc/v1/jobs/*", 200, """
            {"data":{"name":"r1","applicationId":"app-1","deploymentId":"dep-9","tenantName":"acme","sparkUi":"https://spark.acme.example/ui/r1"}}
            """);
        using var client = CreateClient();

        var run = await client.JobRuns.GetAsync("app-1", "r1");

        run.ApplicationId.Should().Be("app-1");
        run.DeploymentId.Should().Be("dep-9");
        run.TenantName.Should().Be("acme");
        run.SparkUi.Should().Be("https://spark.acme.example/ui/r1");
        run.AdditionalProperties.Should().BeEmpty();
    }

    [Fact]
    public async Task A_command_given_as_a_list_and_params_of_any_json_type_are_sent_as_given()
    {
        Respond("POST", "/api/svc/v1/jobs/trigger", 200, """{"jobRunName":"r1","data":{"name":"r1","status":"CREATED"}}""");
        using var client = CreateClient();

        await client.JobRuns.StartAsync(new TriggerJobRequest
        {
            ApplicationId = "app-1",
            Input = new JobRunInput
            {
                Command = JobRunCommand.FromList(["python", "etl.py", "--full"]),
                Params = new Dictionary<string, object>
                {
                    ["day"] = "2026-11-23",
                    ["shards"] = 4,
                    ["ratio"] = 0.5,
                    ["dry"] = true,
                    ["tags"] = new[] { "a", "b" },
                    ["limits"] = JsonSerializer.SerializeToElement(new Dictionary<string, int> { ["cpu"] = 2 }),
                },
            },
        });

        JsonDocument.Parse(SingleRequest().Body!).RootElement.GetRawText().Should().Be(JsonDocument.Parse("""
            {"applicationId":"app-1","input":{"command":["python","etl.py","--full"],"params":{"day":"2026-11-23","shards":4,"ratio":0.5,"dry":true,"tags":["a","b"],"limits":{"cpu":2}}}}
            """).RootElement.GetRawText());
    }

    [Fact]
    public async Task A_command_given_as_one_string_is_still_sent_as_a_string()
    {
        Respond("POST", "/api/svc/v1/jobs/trigger", 200, """{"jobRunName":"r1","data":{"name":"r1"}}""");
        using var client = CreateClient();

        await client.JobRuns.StartAsync(new TriggerJobRequest { ApplicationId = "app-1", Input = new JobRunInput { Command = "python etl.py" } });

        SingleRequest().Body.Should().Be("""{"applicationId":"app-1","input":{"command":"python etl.py"}}""");
    }

    [Theory]
    [InlineData("""{"command":"python etl.py","params":{"n":"1"}}""", false, "python etl.py")]
    [InlineData("""{"command":["python","etl.py"],"params":{"n":3,"on":true,"cfg":{"a":[1]}}}""", true, "python etl.py")]
    public void Input_reads_both_command_forms_and_params_of_any_json_type(string json, bool isList, string commandLine)
    {
        var input = JsonSerializer.Deserialize(json, TrueFoundryJsonContext.ReadOptions.GetTypeInfo(typeof(JobRunInput))) as JobRunInput;

        input!.Command!.IsList.Should().Be(isList);
        input.Command.ToString().Should().Be(commandLine);
        (isList ? input.Command.Parts : [input.Command.Text!]).Should().NotBeEmpty();
        input.Params!.Keys.Should().Contain("n");
    }

    [Fact]
    public async Task A_param_value_the_sdk_cannot_write_is_refused_before_sending()
    {
        using var client = CreateClient();

        var act = () => client.JobRuns.StartAsync(new TriggerJobRequest
        {
            ApplicationId = "app-1",
            Input = new JobRunInput { Params = new Dictionary<string, object> { ["when"] = DateTime.UtcNow } },
        });

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("request.Input.Params[\"when\"]");
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task Terminate_returns_the_runs_new_status()
    {
        Respond("POST", "/api/svc/v1/jobs/terminate", 200, """{"message":"Termination requested","jobRunStatus":"TERMINATION_REQUESTED"}""");
        using var client = CreateClient();

        var termination = await client.JobRuns.CancelAsync("dep-1", "r1");

        termination.JobRunStatus.Should().Be(JobRunStatus.TerminationRequested);
        termination.Message.Should().Be("Termination requested");
        JobRunStatusMap.ToRunStatus(termination.JobRunStatus).Should().Be(Sdk.RunStatus.Cancelled);
    }

    [Fact]
    public async Task Terminate_answered_without_a_body_returns_no_status_instead_of_failing()
    {
        Respond("POST", "/api/svc/v1/jobs/terminate", 204, string.Empty);
        using var client = CreateClient();

        var termination = await client.JobRuns.CancelAsync("dep-1", "r1");

        termination.JobRunStatus.Should().BeNull();
    }

    [Fact]
    public async Task Version_numbers_filter_is_sent_as_repeated_keys()
    {
        Respond("GET", "/api/svc/v1/jobs/app-1/runs", 200, TrueFoundryJson.Page(0, 0));
        using var client = CreateClient();

        await foreach (var unused in client.JobRuns.ListAsync("app-1", new JobRunListOptions { VersionNumbers = [3, 4] }))
        {
        }

        new Uri(SingleRequest().AbsoluteUrl).Query.Should().Be("?offset=0&versionNumbers=3&versionNumbers=4");
    }

    [Fact]
    public async Task A_negative_version_number_is_refused_before_any_request()
    {
        using var client = CreateClient();

        var act = () => client.JobRuns.ListAsync("app-1", new JobRunListOptions { VersionNumbers = [-1] });

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("filter.VersionNumbers");
        Server.LogEntries.Should().BeEmpty();
        await Task.CompletedTask;
    }
}
