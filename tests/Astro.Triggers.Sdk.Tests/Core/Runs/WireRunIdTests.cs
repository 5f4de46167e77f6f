using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using Astro.Triggers.Sdk.TrueFoundry;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.Core.Runs;

/// <summary>Issue 25, kind 2: a success answer whose run id is missing, null, empty, whitespace, a number or otherwise
/// unusable is the answer's fault. Every start/trigger of the five services (and Agentset's re-ingest, which hands back
/// an id to follow) fails with a <see cref="ResponseDeserializationException"/> naming the field, with
/// <c>MayHaveBeenProcessed</c>, never with the <see cref="ArgumentException"/> a caller's argument gets. Real clients
/// against WireMock on loopback.</summary>
public sealed class WireRunIdTests : ClientTestBase
{
    private const string Id = "@ID@";

    /// <summary>The id's JSON (null: the member is left out).</summary>
    public static TheoryData<string, string?> Cases()
    {
        var data = new TheoryData<string, string?>();
        foreach (var service in Starts.Keys)
        {
            foreach (var value in new[] { null, "null", "\"\"", "\"   \"", "\"\\t\"", "7", "\".\"", "\"..\"", "\"run\\u0001x\"" })
            {
                data.Add(service, value);
            }
        }

        return data;
    }

    /// <summary>Per service: the path answered, the success status and body (the id member first, as <c>"field":@ID@,</c>),
    /// the field's name in messages, and the call, returning the id the caller is handed.</summary>
    private static readonly Dictionary<string, (string Path, int Status, string Body, string Field, Func<Uri, Task<string?>> Start)> Starts = new()
    {
        ["Agentset.createIngestJob"] = ("/v1/namespace/*", 201,
            """{"success":true,"data":{"id":@ID@,"namespaceId":"ns_1","status":"QUEUED","payload":{"type":"TEXT","text":"x"},"createdAt":"2026-11-29T10:00:00Z"}}""",
            "id", async address =>
            {
                using var client = new AgentsetClient(Options(new AgentsetClientOptions { NamespaceId = "ns_1" }, address));
                return (await client.IngestJobs.StartAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "x" } })).Id;
            }),
        ["Agentset.reIngestJob"] = ("/v1/namespace/*", 200,
            """{"success":true,"data":{"id":@ID@,"x":1}}""",
            "id", async address =>
            {
                using var client = new AgentsetClient(Options(new AgentsetClientOptions { NamespaceId = "ns_1" }, address));
                return await client.IngestJobs.ReIngestAsync("job_1");
            }),
        ["TrueFoundry.triggerJob"] = ("/api/svc/v1/jobs/*", 200,
            """{"jobRunName":@ID@,"message":"ok","data":{"name":@ID@,"status":"CREATED"}}""",
            "name", async address =>
            {
                using var client = new TrueFoundryClient(Options(new TrueFoundryClientOptions(), address));
                return (await client.JobRuns.StartAsync(new TriggerJobRequest { ApplicationId = "app-1" })).Id;
            }),
        ["Shipyard.triggerFleetRun"] = ("/orgs/*", 201,
            """{"request":{"id":"r1"},"data":{"fleet_run_id":@ID@,"fleet_id":"f","project_id":"p","org_id":"o"}}""",
            "fleet_run_id", async address =>
            {
                using var client = new ShipyardClient(Options(new ShipyardClientOptions(), address));
                return (await client.FleetRuns.StartAsync("o", "p", "f")).Id;
            }),
        ["Mixpeek.executeTrigger"] = ("/v1/triggers/*", 200,
            """{"task_id":@ID@,"task_type":"engine_cluster_build","status":"PENDING"}""",
            "task_id", async address =>
            {
                using var client = new MixpeekClient(Options(new MixpeekClientOptions { Namespace = "ns_1" }, address));
                return (await client.Executions.StartAsync("trg_1")).Id;
            }),
    };

    private static T Options<T>(T options, Uri address)
        where T : ServiceClientOptions
    {
        options.BaseAddress = address;
        options.ApiKey = Secret;
        return options;
    }

    private void Answer(string path, int status, string body) =>
        Server.Given(Request.Create().WithPath(new WildcardMatcher(path)))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    private static string Body(string template, string? id) =>
        id is null ? System.Text.RegularExpressions.Regex.Replace(template, "\"[a-zA-Z_]+\":@ID@,", string.Empty) : template.Replace(Id, id, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Cases), DisableDiscoveryEnumeration = false)]
    public async Task A_start_whose_answer_names_no_usable_id_fails_as_an_unreadable_answer_that_may_have_been_processed(string service, string? id)
    {
        var (path, status, template, field, start) = Starts[service];
        Answer(path, status, Body(template, id));

        Exception? thrown = null;
        string? handed = null;
        try
        {
            handed = await start(BaseAddress);
        }
        catch (Exception ex)
        {
            thrown = ex;
        }

        if (id == "7" && service == "Shipyard.triggerFleetRun")
        {
            // A number where optional text is expected reads as its JSON text (nothing is lost): a usable id. Where the
            // field is required (the other four), a number is the wrong shape and fails at the field.
            thrown.Should().BeNull();
            handed.Should().Be("7");
            return;
        }

        var ex2 = thrown.Should().BeOfType<ResponseDeserializationException>().Which;
        ex2.MayHaveBeenProcessed.Should().BeTrue();
        ex2.Service.Should().Be(service.Split('.')[0]);
        ex2.OperationId.Should().Be(service.Split('.')[1]);
        ex2.Status.Should().Be(status);
        (ex2.Message + ex2.JsonPath).Should().Contain(field);
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("\"job_\"")]
    [InlineData("\"JOB_1\"")]
    public async Task An_agentset_start_answered_with_an_id_that_is_not_a_job_id_fails_naming_the_field_and_the_prefix(string id)
    {
        var (path, status, template, _, start) = Starts["Agentset.createIngestJob"];
        Answer(path, status, Body(template, id));

        var act = () => start(BaseAddress);

        var ex = (await act.Should().ThrowAsync<ResponseDeserializationException>()).Which;
        ex.MayHaveBeenProcessed.Should().BeTrue();
        ex.Message.Should().Contain("'data.id'").And.Contain("'job_'");
    }

    [Theory]
    [InlineData("Agentset.createIngestJob")]
    [InlineData("Agentset.reIngestJob")]
    [InlineData("TrueFoundry.triggerJob")]
    [InlineData("Shipyard.triggerFleetRun")]
    [InlineData("Mixpeek.executeTrigger")]
    public async Task A_good_id_in_the_same_answers_is_handed_back(string service)
    {
        var (path, status, template, _, start) = Starts[service];
        var good = service.StartsWith("Agentset", StringComparison.Ordinal) ? "job_42" : "run-42";
        Answer(path, status, Body(template, $"\"{good}\""));

        (await start(BaseAddress)).Should().Be(good);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("null", null)]
    [InlineData("\"\"", null)]
    [InlineData("\"  \"", null)]
    [InlineData("\"a\\u0001b\"", null)]
    [InlineData("7", "7")]
    [InlineData("\"docs-sync-1\"", "docs-sync-1")]
    public async Task An_astropod_start_has_no_run_handle_so_an_unusable_job_name_reads_as_not_named(string? jobName, string? expected)
    {
        Answer("/api/v1/deployments/*", 200, Body("""{"job_name":@ID@,"status":"triggered","namespace":"team-docs"}""", jobName));
        using var client = new AstropodClient(Options(new AstropodClientOptions(), BaseAddress));

        var trigger = await client.Ingestions.StartAsync("team-docs", "docs_sync", "acme");

        trigger.JobName.Should().Be(expected);
        trigger.Status.Should().Be("triggered");
    }
}
