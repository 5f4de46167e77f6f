using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Paging;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Tests.Agentset;
using Astro.Triggers.Sdk.Tests.Mixpeek;
using Astro.Triggers.Sdk.TrueFoundry;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>The fault matrix for paged lists (safe to repeat): transient faults are retried, the rest thrown with
/// the exact request count; a service that loops or promises a page without a cursor is stopped.</summary>
public sealed class ListFaultMatrixTests : FaultMatrixTestBase
{
    private static readonly Dictionary<string, (string LastPage, Func<Func<Sdk.ServiceClientOptions, Sdk.ServiceClientOptions>, Task<int>> Enumerate)> Lists = new()
    {
        ["Agentset"] = (AgentsetJson.Page(string.Empty, false, "job_1", "job_2"), async configure =>
        {
            using var client = new AgentsetClient((AgentsetClientOptions)configure(new AgentsetClientOptions { NamespaceId = "ns_1" }));
            return await CountAsync(client.IngestJobs.ListAsync());
        }),
        ["TrueFoundry"] = ("""{"data":[{"name":"r1","status":"RUNNING"},{"name":"r2","status":"FINISHED"}],"pagination":{"total":2,"offset":0,"limit":10}}""", async configure =>
        {
            using var client = new TrueFoundryClient((TrueFoundryClientOptions)configure(new TrueFoundryClientOptions()));
            return await CountAsync(client.JobRuns.ListAsync("app-1"));
        }),
        ["Mixpeek"] = (MixpeekJson.Page(0, 50, 2, "trg_1", "trg_2"), async configure =>
        {
            using var client = new MixpeekClient((MixpeekClientOptions)configure(new MixpeekClientOptions { Namespace = "ns_1" }));
            return await CountAsync(client.Triggers.ListAsync());
        }),
    };

    public static TheoryData<string> Services => new(Lists.Keys);

    private async Task<(Exception? Error, int Requests, int Items)> Run(string name, Func<int, Reply> script)
    {
        await using var server = new ScriptedServer(script);
        var items = 0;
        var error = await RunCallAsync(async () => items = await Lists[name].Enumerate(Options(server.BaseAddress)));
        return (error, server.Requests.Count, items);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Transient_faults_are_retried_and_the_list_completes(string name)
    {
        foreach (var fault in new Reply[] { Reply.Json(502, "{}"), Reply.Json(503, "{}"), Reply.Json(504, "{}"), Reply.Json(429, "{}"), new Reply.ResetBeforeResponse() })
        {
            var (error, requests, items) = await Run(name, i => i == 0 ? fault : Reply.Json(200, Lists[name].LastPage));

            error.Should().BeNull($"{fault} on a read is retried");
            requests.Should().Be(2);
            items.Should().Be(2);
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_500_a_truncated_page_and_a_huge_page_are_thrown_after_one_request(string name)
    {
        var page = Lists[name].LastPage;
        var (serverError, requests500, _) = await Run(name, _ => Reply.Json(500, "{}"));
        var (truncated, requestsTruncated, _) = await Run(name, _ => Reply.Json(200, page[..(page.Length / 2)]));
        var (huge, requestsHuge, _) = await Run(name, _ => new Reply.Huge(50L * 1024 * 1024, Chunked: true));

        serverError.Should().BeOfType<InternalServerErrorException>().Which.MayHaveBeenProcessed.Should().BeFalse("a read changes nothing");
        truncated.Should().BeOfType<ResponseDeserializationException>();
        huge.Should().BeOfType<ResponseTooLargeException>();
        new[] { requests500, requestsTruncated, requestsHuge }.Should().AllBeEquivalentTo(1);
    }

    [Fact]
    public async Task A_service_that_repeats_a_cursor_is_stopped_with_a_paging_error()
    {
        var (error, requests, _) = await Run("Agentset", _ => Reply.Json(200, AgentsetJson.Page("c1", true, "job_1")));

        error.Should().BeOfType<PagingException>().Which.Message.Should().Contain("c1");
        requests.Should().Be(2, "the second page repeats cursor c1, so a third request would loop");
    }

    [Fact]
    public async Task A_page_with_has_more_but_no_cursor_is_a_paging_error_not_an_endless_loop()
    {
        var (error, requests, _) = await Run("Agentset", _ => Reply.Json(200, AgentsetJson.Page(string.Empty, true, "job_1")));

        error.Should().BeOfType<PagingException>().Which.Message.Should().Contain("no cursor");
        requests.Should().Be(1);
    }

    [Fact]
    public async Task An_offset_list_whose_total_lies_stops_at_the_first_empty_page()
    {
        var (error, requests, items) = await Run("Mixpeek", i => Reply.Json(200, i == 0 ? MixpeekJson.Page(0, 1, 100, "trg_1") : MixpeekJson.Page(1, 1, 100)));

        error.Should().BeNull();
        items.Should().Be(1);
        requests.Should().Be(2);
    }

    private static async Task<int> CountAsync<T>(AsyncPageable<T> items)
    {
        var count = 0;
        await foreach (var unused in items)
        {
            count++;
        }

        return count;
    }
}
