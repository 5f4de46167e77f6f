using Astro.Triggers.Sdk.Core.Paging;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using Astro.Triggers.Sdk.TrueFoundry;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.Core.Paging;

/// <summary>Offset page tokens follow the offset asked for and what the service reported of its limit and total (what
/// was asked when it reported nothing), and never overlap or skip items.</summary>
public sealed class OffsetPagingTests : ClientTestBase
{
    private const string RunsPath = HonestOffsetServer.RunsPath;

    private TrueFoundryClient CreateClient() => new(Configure(new TrueFoundryClientOptions()));

    private static string[] Runs(int from, int count) => Enumerable.Range(from, count).Select(i => $"run-{i}").ToArray();

    private static string RunsJson(IEnumerable<string> names) =>
        string.Join(",", names.Select(n => $$"""{"name":"{{n}}","status":"FINISHED"}"""));

    private static string RunsBody(IEnumerable<string> names, string? pagination = null) =>
        "{\"data\":[" + RunsJson(names) + "]" + (pagination is null ? "" : ",\"pagination\":" + pagination) + "}";

    private void RunsAt(int requestedOffset, string body) =>
        Server.Given(Request.Create().WithPath(RunsPath).WithParam("offset", requestedOffset.ToString(System.Globalization.CultureInfo.InvariantCulture)).UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(body));

    private List<string> Queries() => Server.LogEntries.Select(e => new Uri(e.RequestMessage!.AbsoluteUrl).Query).ToList();

    [Fact]
    public async Task The_short_last_page_of_23_runs_points_back_to_offset_10_the_service_reported_page_size()
    {
        _ = new HonestOffsetServer(Server) { Total = 23 };
        using var client = CreateClient();

        var pages = await client.JobRuns.ListAsync("app-1").AsPages().ToListAsync();

        pages.Select(p => p.Items.Count).Should().Equal(10, 10, 3);
        pages.Select(p => p.PreviousToken).Should().Equal(null, "0", "10");
        pages.Select(p => p.ContinuationToken).Should().Equal("10", "20", null);
        var before = await client.JobRuns.ListAsync("app-1").AsPages(pages[2].PreviousToken).FirstAsync();
        before.Items.Select(r => r.Name).Should().Equal(Runs(10, 10));
        Queries().Should().Equal("?offset=0", "?offset=10", "?offset=20", "?offset=10");
    }

    [Fact]
    public async Task A_page_that_reports_another_offset_than_asked_is_read_as_the_page_asked_for()
    {
        // Asked for offset 13, the answer says 10: the offset sent wins (openapi/README.md, "Offset pages").
        RunsAt(13, RunsBody(Runs(13, 10), """{"total":23,"offset":10,"limit":10}"""));
        using var client = CreateClient();

        var page = await client.JobRuns.ListAsync("app-1").AsPages("13").FirstAsync();

        page.Items.Select(r => r.Name).Should().Equal(Runs(13, 10));
        page.ContinuationToken.Should().BeNull("13 + 10 items reach the total of 23");
        page.PreviousToken.Should().Be("3");
        Logs.Lines.Should().ContainSingle(l => l.StartsWith("Warning", StringComparison.Ordinal))
            .Which.Should().Contain("TrueFoundry listJobRuns").And.Contain("offset 13 reports offset 10");
    }

    [Fact]
    public async Task A_service_that_caps_the_limit_is_believed_for_the_previous_token()
    {
        Server.Given(Request.Create().WithPath("/v1/triggers/trg_1/history").WithParam("offset", "40").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody($$"""
                {"trigger_id":"trg_1","executions":[{{string.Join(",", Enumerable.Range(40, 20).Select(i => $$"""{"task_id":"task_{{i}}","triggered_at":"2026-11-20T02:00:00","status":"COMPLETED"}"""))}}],
                 "total":100,"offset":40,"limit":20}
                """));
        using var client = new MixpeekClient(Configure(new MixpeekClientOptions { Namespace = "ns_prod" }));

        var page = await client.Executions.ListAsync("trg_1", new TriggerHistoryOptions { PageSize = 100 }).AsPages("40").FirstAsync();

        page.Items.Should().HaveCount(20);
        page.ContinuationToken.Should().Be("60");
        page.PreviousToken.Should().Be("20", "the service pages by 20 whatever was asked, so the page before starts 20 earlier");
    }

    [Fact]
    public async Task A_service_that_ignores_the_offset_is_stopped_with_a_PagingException_instead_of_repeating_items()
    {
        Server.Given(Request.Create().WithPath(RunsPath).UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
            .WithBody(RunsBody(Runs(0, 10), """{"total":30,"offset":0,"limit":10}""")));
        using var client = CreateClient();
        var seen = new List<string>();

        var act = async () =>
        {
            await foreach (var run in client.JobRuns.ListAsync("app-1"))
            {
                seen.Add(run.Name);
            }
        };

        (await act.Should().ThrowAsync<PagingException>()).Which.Message.Should().Contain("offset '10'").And.Contain("offset '0'");
        seen.Should().Equal(Runs(0, 10), "the second answer begins with the first one's first run: it is not yielded again");
        Server.LogEntries.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(23, 3)]
    [InlineData(20, 3)]
    [InlineData(0, 1)]
    public async Task Without_a_pagination_block_pages_continue_while_full_and_stop_at_a_short_or_empty_page(int total, int requests)
    {
        for (var offset = 0; offset <= total; offset += 10)
        {
            RunsAt(offset, RunsBody(Runs(offset, Math.Min(10, total - offset))));
        }

        using var client = CreateClient();

        var pages = await client.JobRuns.ListAsync("app-1").AsPages().ToListAsync();

        pages.SelectMany(p => p.Items).Select(r => r.Name).Should().Equal(Runs(0, total));
        Server.LogEntries.Should().HaveCount(requests);
        pages[^1].HasMore.Should().BeFalse();
        pages.Skip(1).Select(p => p.PreviousToken).Should().Equal(
            Enumerable.Range(0, pages.Count - 1).Select(i => (i * 10).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "with nothing reported, the service's default page size (10) places the page before");
    }

    [Fact]
    public async Task Without_a_total_a_page_larger_than_the_limit_means_the_service_did_not_page_and_ends_the_list()
    {
        RunsAt(0, RunsBody(Runs(0, 25)));
        using var client = CreateClient();

        var pages = await client.JobRuns.ListAsync("app-1").AsPages().ToListAsync();

        pages.Should().ContainSingle().Which.Items.Should().HaveCount(25);
        pages[0].HasMore.Should().BeFalse();
        Server.LogEntries.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_start_closer_to_0_than_a_page_points_back_to_exactly_the_items_before_it()
    {
        _ = new HonestOffsetServer(Server) { Total = 23 };
        using var client = CreateClient();
        var runs = client.JobRuns.ListAsync("app-1", new JobRunListOptions { StartOffset = 3, PageSize = 7 });

        var first = await runs.AsPages().FirstAsync();
        var before = await runs.AsPages(first.PreviousToken).ToListAsync();

        first.Items.Select(r => r.Name).Should().Equal(Runs(3, 7));
        first.PreviousToken.Should().Be("0:3", "a whole page back would overlap runs 3-6");
        before.Select(p => p.Items.Count).Should().Equal(3, 7, 7, 6);
        before.SelectMany(p => p.Items).Select(r => r.Name).Should().Equal(Runs(0, 23));
        before[1].PreviousToken.Should().Be("0:3");
        Queries().Should().Equal("?limit=7&offset=3", "?limit=3&offset=0", "?limit=7&offset=3", "?limit=7&offset=10", "?limit=7&offset=17");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1:0")]
    [InlineData("0:1001")]
    [InlineData("0:x")]
    [InlineData("")]
    public async Task A_token_that_is_not_an_offset_is_refused_before_any_request(string token)
    {
        using var client = CreateClient();

        var act = async () => await client.JobRuns.ListAsync("app-1").AsPages(token).FirstAsync();

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("continuationToken");
        Server.LogEntries.Should().BeEmpty();
    }
}
