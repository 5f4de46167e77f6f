using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using Astro.Triggers.Sdk.TrueFoundry;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.Core.Errors;

/// <summary>Error-body fields that a service sends as a number (TrueFoundry's numeric <c>code</c>) reach the
/// exception as their text instead of becoming null, for every service's body shape.</summary>
public sealed class ErrorBodyTests : ClientTestBase
{
    private void Respond(int status, string body) =>
        Server.Given(Request.Create().WithPath(new WildcardMatcher("/*")))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    [Fact]
    public async Task A_numeric_truefoundry_code_reaches_ErrorCode_as_text()
    {
        Respond(404, """{"statusCode":404,"message":"Job run r1 not found","code":4004}""");
        using var client = new TrueFoundryClient(Configure(new TrueFoundryClientOptions()));

        var act = () => client.JobRuns.GetAsync("app-1", "r1");

        var ex = (await act.Should().ThrowAsync<NotFoundException>()).Which;
        ex.ErrorCode.Should().Be("4004");
        ex.ServiceMessage.Should().Be("Job run r1 not found");
    }

    [Fact]
    public async Task A_string_truefoundry_code_still_reads_as_before()
    {
        Respond(400, """{"statusCode":400,"message":"bad","code":"E_APP"}""");
        using var client = new TrueFoundryClient(Configure(new TrueFoundryClientOptions()));

        var act = () => client.JobRuns.GetAsync("app-1", "r1");

        (await act.Should().ThrowAsync<BadRequestException>()).Which.ErrorCode.Should().Be("E_APP");
    }

    [Fact]
    public async Task A_numeric_code_and_message_in_an_agentset_error_object_read_as_text()
    {
        Respond(409, """{"success":false,"error":{"code":409,"message":12.5,"doc_url":"https://docs.agentset.ai/errors"}}""");
        using var client = new AgentsetClient(Configure(new AgentsetClientOptions { NamespaceId = "ns_1" }));

        var act = () => client.IngestJobs.GetAsync("job_1");

        var ex = (await act.Should().ThrowAsync<ConflictException>()).Which;
        ex.ErrorCode.Should().Be("409");
        ex.ServiceMessage.Should().Be("12.5");
    }

    [Fact]
    public async Task A_numeric_mixpeek_error_type_and_request_id_read_as_text()
    {
        Respond(404, """{"success":false,"status":404,"request_id":987654,"error":{"message":"Trigger not found","type":7}}""");
        using var client = new MixpeekClient(Configure(new MixpeekClientOptions { Namespace = "ns_prod" }));

        var act = () => client.Triggers.GetAsync("trg_1");

        var ex = (await act.Should().ThrowAsync<NotFoundException>()).Which;
        ex.ErrorCode.Should().Be("7");
        ex.RequestId.Should().Be("987654");
        ex.ServiceMessage.Should().Be("Trigger not found");
    }
}
