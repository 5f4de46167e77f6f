using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Mixpeek;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.Mixpeek;

/// <summary>Mixpeek's error body and FastAPI's 422 map into the typed hierarchy; safe calls retry, side effects do not.</summary>
public sealed class TriggerErrorTests : MixpeekClientTestBase
{
    [Theory]
    [InlineData(400, typeof(BadRequestException), "BadRequestError")]
    [InlineData(401, typeof(UnauthorizedException), "AuthenticationError")]
    [InlineData(403, typeof(ForbiddenException), "PermissionError")]
    [InlineData(404, typeof(NotFoundException), "NotFoundError")]
    [InlineData(500, typeof(InternalServerErrorException), "InternalServerError")]
    public async Task Mixpeeks_error_body_gives_the_typed_exception_with_type_and_message(int status, Type expected, string type)
    {
        Respond("GET", "/v1/triggers/trg_x", status, MixpeekJson.Error(status, type, "Trigger trg_x not found"));
        using var client = CreateClient();

        var act = () => client.Triggers.GetAsync("trg_x");

        var error = (await act.Should().ThrowAsync<ServiceRequestException>()).Which;
        error.Should().BeOfType(expected);
        error.Status.Should().Be(status);
        error.ErrorCode.Should().Be(type);
        error.ServiceMessage.Should().Be("Trigger trg_x not found");
        error.Info.Service.Should().Be("Mixpeek");
        error.Info.OperationId.Should().Be("getTrigger");
        error.Message.Should().NotContain(Secret);
        error.RawBody.Should().Contain("\"details\"");
    }

    [Fact]
    public async Task FastAPIs_422_exposes_every_validation_entry()
    {
        Respond("POST", "/v1/triggers", 422, """
            {"detail":[
              {"loc":["body","schedule_config","cron_expression"],"msg":"Field required","type":"missing"},
              {"loc":["body","action_config","batch_size",0],"msg":"Input should be greater than 0","type":"greater_than"}
            ]}
            """);
        using var client = CreateClient();

        var act = () => client.Triggers.CreateAsync(new CreateTriggerRequest(new ClusterAction("c"), new CronSchedule("0 2 * * *")));

        var error = (await act.Should().ThrowAsync<UnprocessableEntityException>()).Which;
        error.ValidationIssues.Should().HaveCount(2);
        error.ValidationIssues[0].Location.Should().Equal("body", "schedule_config", "cron_expression");
        error.ValidationIssues[0].Message.Should().Be("Field required");
        error.ValidationIssues[0].Type.Should().Be("missing");
        error.ValidationIssues[1].Location.Should().Equal("body", "action_config", "batch_size", "0");
        error.ValidationIssues[1].ToString().Should().Be("body.action_config.batch_size.0: Input should be greater than 0");
        error.ServiceMessage.Should().Contain("body.schedule_config.cron_expression: Field required");
        error.MayHaveBeenProcessed.Should().BeFalse();
        SingleRequest();
    }

    [Fact]
    public async Task Errors_without_a_validation_list_have_an_empty_one()
    {
        Respond("POST", "/v1/triggers", 422, MixpeekJson.Error(422, "ValidationError", "bad"));
        using var client = CreateClient();

        var act = () => client.Triggers.CreateAsync(new CreateTriggerRequest(new ClusterAction("c"), new CronSchedule("0 2 * * *")));

        (await act.Should().ThrowAsync<UnprocessableEntityException>()).Which.ValidationIssues.Should().BeEmpty();
    }

    [Fact]
    public async Task Execute_answered_500_is_sent_once_and_marked_as_maybe_processed()
    {
        Respond("POST", "/v1/triggers/trg_1/execute", 500, MixpeekJson.Error(500, "InternalServerError", "boom"));
        using var client = CreateClient(o => o.Retry.RetryInternalServerError = true);

        var act = () => client.Executions.StartAsync("trg_1");

        (await act.Should().ThrowAsync<InternalServerErrorException>()).Which.MayHaveBeenProcessed.Should().BeTrue();
        Server.LogEntries.Should().HaveCount(1, "running a trigger twice would start two tasks");
    }

    [Fact]
    public async Task Pause_is_retried_after_a_503_because_it_is_safe_to_repeat()
    {
        Server.Given(Request.Create().WithPath("/v1/triggers/trg_1/pause").UsingPost()).InScenario("pause").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(503));
        Server.Given(Request.Create().WithPath("/v1/triggers/trg_1/pause").UsingPost()).InScenario("pause").WhenStateIs("up")
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(MixpeekJson.Trigger(status: "paused")));
        using var client = CreateClient();

        var paused = client.Triggers.PauseAsync("trg_1");
        await RunAsync(paused);

        (await paused).Status.Should().Be(TriggerStatus.Paused);
        Server.LogEntries.Should().HaveCount(2);
    }

    [Fact]
    public async Task Create_answered_503_without_retry_after_is_not_repeated()
    {
        Respond("POST", "/v1/triggers", 503);
        using var client = CreateClient();

        var act = () => client.Triggers.CreateAsync(new CreateTriggerRequest(new ClusterAction("c"), new CronSchedule("0 2 * * *")));

        (await act.Should().ThrowAsync<UnexpectedStatusException>()).Which.MayHaveBeenProcessed.Should().BeTrue();
        Server.LogEntries.Should().HaveCount(1);
    }
}
