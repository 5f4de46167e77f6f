using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Tests.Agentset;
using Astro.Triggers.Sdk.TrueFoundry;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>A value a service adds after this SDK version (a new status) reads as Unknown instead of failing the
/// whole response — a list page with one such item is not lost.</summary>
public sealed class UnknownValueTests : FaultMatrixTestBase
{
    [Fact]
    public async Task A_new_agentset_status_in_a_page_reads_as_unknown_and_the_rest_of_the_page_is_kept()
    {
        var page = AgentsetJson.Page(string.Empty, false, "job_1", "job_2").Replace("\"QUEUED\"", "\"ARCHIVING\"", StringComparison.Ordinal);
        await using var server = new ScriptedServer(_ => Reply.Json(200, page));
        using var client = new AgentsetClient((AgentsetClientOptions)Options(server.BaseAddress)(new AgentsetClientOptions { NamespaceId = "ns_1" }));

        var jobs = new List<IngestJob>();
        await foreach (var job in client.IngestJobs.ListAsync())
        {
            jobs.Add(job);
        }

        jobs.Select(j => j.Status).Should().Equal(IngestJobStatus.Unknown, IngestJobStatus.Unknown);
        jobs[0].Id.Should().Be("job_1");
        IngestJobRun.Map(jobs[0].Status).Should().Be(RunStatus.Unknown);
    }

    [Fact]
    public async Task A_new_truefoundry_run_status_reads_as_unknown()
    {
        await using var server = new ScriptedServer(_ => Reply.Json(200, """{"data":{"name":"r1","status":"PAUSED_FOR_QUOTA"}}"""));
        using var client = new TrueFoundryClient((TrueFoundryClientOptions)Options(server.BaseAddress)(new TrueFoundryClientOptions()));

        var run = await client.JobRuns.GetAsync("app-1", "r1");

        run.Status.Should().Be(JobRunStatus.Unknown);
        JobRunStatusMap.ToRunStatus(run.Status).Should().Be(RunStatus.Unknown);
    }

    [Fact]
    public void Known_values_still_write_their_wire_names()
    {
        System.Text.Json.JsonSerializer.Serialize(new TriggerJobRequest { ApplicationId = "a" }).Should().Contain("applicationId");
        Sdk.Core.Http.WireName.Of(JobRunStatus.TerminationRequested, Sdk.TrueFoundry.Generated.TrueFoundryJsonContext.Default.JobRunStatus)
            .Should().Be("TERMINATION_REQUESTED");
    }
}
