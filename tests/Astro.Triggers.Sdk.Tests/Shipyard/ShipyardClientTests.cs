using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.Shipyard;

/// <summary>A real ShipyardClient against WireMock on loopback: trigger shape, the bare 400, CSV status, waiting.</summary>
public sealed class ShipyardClientTests : ClientTestBase
{
    private const string RunsPath = "/orgs/org-1/projects/proj-1/fleets/fleet-1/fleetruns";
    private const string RunId = "ad4d4655-91fd-4499-9a1a-06d6e8a433d4";

    private ShipyardClient CreateClient(Action<ShipyardClientOptions>? configure = null) => new(Configure(new ShipyardClientOptions(), configure));

    private void Created() =>
        Server.Given(Request.Create().WithPath(RunsPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(201).WithBody($$"""
            { "request": { "id": "955939cc-2b90-4b8e-bf23-7375cd87822b" },
              "data": { "fleet_id": "fleet-1", "project_id": "proj-1", "org_id": "org-1", "fleet_run_id": "{{RunId}}" },
              "log": "https://app.shipyardapp.com/logs/{{RunId}}" }
            """));

    private static string Csv(params (string Id, string Status)[] rows) =>
        "Fleet Name,Fleet Log ID,Status,Notes\r\n"
        + string.Concat(rows.Select(r => $"\"Nightly, EU\",{r.Id},{r.Status},\"said \"\"hi\"\"\nline 2\"\r\n"));

    [Fact]
    public async Task TriggerFleetRun_posts_snake_case_overrides_with_the_api_key_header_and_returns_the_ids()
    {
        Created();
        using var client = CreateClient();

        var run = await client.FleetRuns.StartAsync("org-1", "proj-1", "fleet-1",
        [
            new VesselOverride
            {
                Name = "Load Warehouse",
                EnvironmentVariableOverrides = new Dictionary<string, string?> { ["TARGET"] = "prod", ["DRY_RUN"] = "", ["KEEP"] = null },
            },
            new VesselOverride { Name = "load warehouse", EnvironmentVariableOverrides = new Dictionary<string, string?> { ["X"] = "1" } },
        ]);

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be(RunsPath);
        request.Headers!["X-Shipyard-API-Key"].Should().Equal(Secret);
        request.Headers.Should().NotContainKey("Authorization");
        request.Body.Should().Be(
            """{"vessel_overrides":[{"name":"Load Warehouse","environment_variable_overrides":{"TARGET":"prod","DRY_RUN":"","KEEP":null}},"""
            + """{"name":"load warehouse","environment_variable_overrides":{"X":"1"}}]}""");
        run.Id.Should().Be(RunId);
        run.Ids.Should().Be(new FleetRunIdentity(
            "955939cc-2b90-4b8e-bf23-7375cd87822b", "org-1", "proj-1", "fleet-1", RunId, $"https://app.shipyardapp.com/logs/{RunId}"));
        run.Status.Should().Be(RunStatus.Queued);
        run.RawStatus.Should().BeNull("not yet read");
    }

    [Fact]
    public async Task Without_overrides_the_body_is_an_empty_object()
    {
        Created();
        using var client = CreateClient();

        await client.FleetRuns.StartAsync("org-1", "proj-1", "fleet-1");

        SingleRequest().Body.Should().Be("{}");
    }

    [Fact]
    public async Task The_bare_400_becomes_BadRequest_carrying_the_request_id()
    {
        Server.Given(Request.Create().WithPath(RunsPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(400)
            .WithBody("""{ "request": { "id": "1af80dfc-e1b7-459f-9921-e5cb9e08b684" }, "data": null }"""));
        using var client = CreateClient();

        var act = () => client.FleetRuns.StartAsync("org-1", "proj-1", "fleet-1");

        var ex = (await act.Should().ThrowAsync<BadRequestException>()).Which;
        ex.RequestId.Should().Be("1af80dfc-e1b7-459f-9921-e5cb9e08b684");
        ex.Message.Should().Contain("1af80dfc-e1b7-459f-9921-e5cb9e08b684");
        ex.Info.Service.Should().Be("Shipyard");
        Server.LogEntries.Should().HaveCount(1);
    }

    [Theory]
    [InlineData(401, typeof(UnauthorizedException))]
    [InlineData(403, typeof(ForbiddenException))]
    [InlineData(404, typeof(NotFoundException))]
    [InlineData(500, typeof(InternalServerErrorException))]
    public async Task Other_error_statuses_are_typed_and_a_trigger_is_sent_once(int status, Type expected)
    {
        Server.Given(Request.Create().WithPath(RunsPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(status).WithBody("""{"request":{"id":"r-1"}}"""));
        using var client = CreateClient();

        var act = () => client.FleetRuns.StartAsync("org-1", "proj-1", "fleet-1");

        (await act.Should().ThrowAsync<ServiceRequestException>()).Which.Should().BeOfType(expected);
        Server.LogEntries.Should().HaveCount(1);
    }

    [Fact]
    public async Task Overrides_naming_a_vessel_twice_or_a_bad_variable_are_refused_before_sending()
    {
        using var client = CreateClient();
        var twice = () => client.FleetRuns.StartAsync("org-1", "proj-1", "fleet-1",
        [
            new VesselOverride { Name = "A", EnvironmentVariableOverrides = new Dictionary<string, string?>() },
            new VesselOverride { Name = "A", EnvironmentVariableOverrides = new Dictionary<string, string?>() },
        ]);
        var badName = () => client.FleetRuns.StartAsync("org-1", "proj-1", "fleet-1",
            [new VesselOverride { Name = "A", EnvironmentVariableOverrides = new Dictionary<string, string?> { ["A=B"] = "x" } }]);

        (await twice.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("overridden twice");
        (await badName.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("must not contain '='");
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task A_run_is_followed_through_the_csv_from_not_yet_visible_to_success()
    {
        Created();
        var list = Request.Create().WithPath(RunsPath).UsingGet();
        Server.Given(list).InScenario("csv").WillSetStateTo("2").RespondWith(Response.Create().WithHeader("Content-Type", "text/csv").WithBody(Csv(("other-run", "Success"))));
        Server.Given(list).InScenario("csv").WhenStateIs("2").WillSetStateTo("3").RespondWith(Response.Create().WithHeader("Content-Type", "text/csv").WithBody(Csv(("other-run", "Success"), (RunId, "Running"))));
        Server.Given(list).InScenario("csv").WhenStateIs("3").RespondWith(Response.Create().WithHeader("Content-Type", "text/csv").WithBody(Csv((RunId, "Success"))));
        using var client = CreateClient();
        var seen = new List<RunSnapshot>();

        var run = await client.FleetRuns.StartAsync("org-1", "proj-1", "fleet-1");
        var wait = run.WaitForCompletionAsync(
            new RunWaitOptions { PollInterval = TimeSpan.FromSeconds(1), BackoffFactor = 1 }, new InlineProgress<RunSnapshot>(seen.Add));
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        await wait.WaitAsync(TimeSpan.FromSeconds(30));

        seen.Select(s => (s.Status, s.RawStatus)).Should().Equal(
            (RunStatus.Queued, (string?)null), (RunStatus.Running, "Running"), (RunStatus.Succeeded, "Success"));
        ((ShipyardFleetRun)run).Value!.Column("Fleet Name").Should().Be("Nightly, EU");
        Server.LogEntries.Should().HaveCount(4, "one trigger and three CSV reads");
    }

    [Fact]
    public async Task ListFleetRuns_reads_quoted_fields_embedded_commas_quotes_and_line_breaks()
    {
        Server.Given(Request.Create().WithPath(RunsPath).UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "text/csv").WithBody("\uFEFF" + Csv(("run-1", "Errored"), ("run-2", "Scheduled"))));
        using var client = CreateClient();

        var runs = await client.FleetRuns.ListAsync("org-1", "proj-1", "fleet-1").ToListAsync();

        runs.Should().HaveCount(2);
        runs[0].FleetLogId.Should().Be("run-1");
        runs[0].Status.Should().Be("Errored");
        runs[0].Column("Notes").Should().Be("said \"hi\"\nline 2");
        runs[1].Column("Fleet Name").Should().Be("Nightly, EU");
        runs[1].Column("No such column").Should().BeNull();
    }

    [Fact]
    public async Task GetFleetRun_returns_null_for_a_run_not_yet_in_the_csv()
    {
        Server.Given(Request.Create().WithPath(RunsPath).UsingGet()).RespondWith(Response.Create().WithBody("Fleet Log ID,Status\r\n"));
        using var client = CreateClient();

        (await client.FleetRuns.GetAsync("org-1", "proj-1", "fleet-1", RunId)).Should().BeNull();
    }

    [Theory]
    [InlineData("Scheduled", RunStatus.Queued)]
    [InlineData("running", RunStatus.Running)]
    [InlineData("Success", RunStatus.Succeeded)]
    [InlineData("Errored", RunStatus.Failed)]
    [InlineData("Memory Error", RunStatus.Failed)]
    [InlineData("Cancelled", RunStatus.Cancelled)]
    [InlineData("Hibernating", RunStatus.Unknown)]
    [InlineData(null, RunStatus.Queued)]
    public void Shipyard_statuses_map_onto_the_common_model(string? status, RunStatus expected) =>
        FleetRunStatusMap.ToRunStatus(status).Should().Be(expected);

    [Fact]
    public void A_configured_mapping_takes_precedence()
    {
        var overrides = new Dictionary<string, RunStatus> { ["Incomplete"] = RunStatus.Cancelled, ["Hibernating"] = RunStatus.Queued };

        FleetRunStatusMap.ToRunStatus("incomplete", overrides).Should().Be(RunStatus.Cancelled);
        FleetRunStatusMap.ToRunStatus("Hibernating", overrides).Should().Be(RunStatus.Queued);
    }
}
