using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Retry;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.Agentset;

public sealed class IngestJobsErrorTests : AgentsetClientTestBase
{
    [Theory]
    [InlineData(400, "bad_request", typeof(BadRequestException))]
    [InlineData(401, "unauthorized", typeof(UnauthorizedException))]
    [InlineData(403, "exceeded_limit", typeof(ForbiddenException))]
    [InlineData(404, "not_found", typeof(NotFoundException))]
    [InlineData(409, "invite_pending", typeof(ConflictException))]
    [InlineData(410, "invite_expired", typeof(GoneException))]
    [InlineData(422, "unprocessable_entity", typeof(UnprocessableEntityException))]
    [InlineData(429, "rate_limit_exceeded", typeof(RateLimitExceededException))]
    [InlineData(500, "internal_server_error", typeof(InternalServerErrorException))]
    [InlineData(418, "teapot", typeof(UnexpectedStatusException))]
    [InlineData(502, "bad_gateway", typeof(UnexpectedStatusException))]
    public async Task Every_status_of_the_error_table_maps_to_its_typed_exception(int status, string code, Type expected)
    {
        Server.Given(Request.Create().UsingGet().WithPath("/v1/namespace/ns_123/ingest-jobs/job_1"))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("x-request-id", "req_77").WithBody(
                $$$"""{"success":false,"error":{"code":"{{{code}}}","message":"Nope: {{{code}}}","doc_url":"https://docs.agentset.ai/errors#{{{code}}}"}}"""));
        using var client = CreateClient(o => o.Retry = RetryOptions.None);

        var act = () => client.IngestJobs.GetAsync("job_1");

        var ex = (await act.Should().ThrowAsync<ServiceRequestException>()).Which;
        ex.Should().BeOfType(expected);
        ex.Status.Should().Be(status);
        ex.ErrorCode.Should().Be(code);
        ex.ServiceMessage.Should().Be($"Nope: {code}");
        ex.DocumentationUrl.Should().Be($"https://docs.agentset.ai/errors#{code}");
        ex.RequestId.Should().Be("req_77");
        ex.Method.Should().Be("GET");
        ex.RequestUri.Should().EndWith("/v1/namespace/ns_123/ingest-jobs/job_1");
        ex.RawBody.Should().Contain(code);
        ex.MayHaveBeenProcessed.Should().BeFalse("a GET has no side effect");
        ex.Message.Should().Contain("Agentset getIngestJob").And.Contain(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Server.LogEntries.Should().HaveCount(1);
    }

    [Theory]
    [InlineData("<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html")]
    [InlineData("", "application/json")]
    [InlineData("{\"success\":false,\"error\":{\"code\":\"bad_ga", "application/json")]
    [InlineData("upstream connect error", "text/plain")]
    public async Task Non_json_empty_and_truncated_error_bodies_still_give_the_typed_exception_with_the_raw_text(string body, string contentType)
    {
        Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", contentType).WithBody(body));
        using var client = CreateClient(o => o.Retry = RetryOptions.None);

        var ex = (await client.Invoking(c => c.IngestJobs.GetAsync("job_1")).Should().ThrowAsync<NotFoundException>()).Which;

        ex.ErrorCode.Should().BeNull();
        ex.RawBody.Should().Be(body);
    }

    [Theory]
    [InlineData("{\"success\":true,\"data\":{\"id\":\"job_1\",")]
    [InlineData("")]
    [InlineData("<html>oops</html>")]
    public async Task A_2xx_body_that_does_not_parse_names_the_operation(string body)
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody(body));
        using var client = CreateClient();

        var ex = (await client.Invoking(c => c.IngestJobs.GetAsync("job_1")).Should().ThrowAsync<ResponseDeserializationException>()).Which;

        ex.OperationId.Should().Be("getIngestJob");
        ex.Message.Should().Contain("Agentset getIngestJob answered HTTP 200");
    }

    [Fact]
    public async Task A_create_answered_500_is_sent_exactly_once_and_marked_may_have_been_processed()
    {
        Server.Given(Request.Create().UsingPost())
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("""{"success":false,"error":{"code":"internal_server_error","message":"boom"}}"""));
        using var client = CreateClient(o => o.Retry.RetryInternalServerError = true);

        var ex = (await client.Invoking(c => c.IngestJobs.CreateAsync(new() { Payload = new Sdk.Agentset.TextPayload { Text = "x" } }))
            .Should().ThrowAsync<InternalServerErrorException>()).Which;

        ex.MayHaveBeenProcessed.Should().BeTrue();
        ex.Message.Should().Contain("may have been processed");
        Server.LogEntries.Should().HaveCount(1, "a non-idempotent create is never repeated on an ambiguous 500");
    }
}
