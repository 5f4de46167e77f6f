using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Core.Paging;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.Mixpeek;

/// <summary>Trigger lists (offset in the JSON body) and history (offset in the query) page lazily across pages.</summary>
public sealed class TriggerPagingTests : MixpeekClientTestBase
{
    private void ListPage(int offset, int total, params string[] ids) =>
        Server.Given(Request.Create().WithPath("/v1/triggers/list").UsingPost().WithBody(new JsonPartialMatcher($$"""{"offset":{{offset}}}""")))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(MixpeekJson.Page(offset, 2, total, ids)));

    private void HistoryPage(int offset, int total, params string[] taskIds)
    {
        var executions = string.Join(",", taskIds.Select(id =>
            $$"""{"task_id":"{{id}}","triggered_at":"2026-11-2{{offset}}T02:00:00","status":"COMPLETED","execution_time_ms":5400,"error":null}"""));
        Server.Given(Request.Create().WithPath("/v1/triggers/trg_1/history").UsingGet().WithParam("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"trigger_id":"trg_1","executions":[{{executions}}],"total":{{total}},"offset":{{offset}},"limit":2}"""));
    }

    [Fact]
    public async Task List_walks_three_pages_sending_filters_sort_and_offsets_in_the_body()
    {
        ListPage(0, 5, "trg_1", "trg_2");
        ListPage(2, 5, "trg_3", "trg_4");
        ListPage(4, 5, "trg_5");
        using var client = CreateClient();

        var ids = new List<string>();
        await foreach (var trigger in client.Triggers.ListAsync(new TriggerListOptions
        {
            ActionType = "cluster",
            TriggerType = "cron",
            Status = TriggerStatus.Active,
            ResourceId = "clust_abc123",
            SortBy = "next_scheduled_at",
            Direction = SortDirection.Ascending,
            PageSize = 2,
        }))
        {
            ids.Add(trigger.TriggerId);
        }

        ids.Should().Equal("trg_1", "trg_2", "trg_3", "trg_4", "trg_5");
        var requests = Server.LogEntries.Select(e => e.RequestMessage!).ToList();
        requests.Should().HaveCount(3).And.AllSatisfy(r =>
        {
            r.Method.Should().Be("POST");
            r.Headers!["X-Namespace"].Should().Equal("ns_prod");
        });
        JsonAssert.Same(requests[0].Body, """
            {"action_type":"cluster","trigger_type":"cron","status":"active","resource_id":"clust_abc123",
             "offset":0,"limit":2,"sort_by":"next_scheduled_at","direction":"asc"}
            """);
        JsonNode.Parse(requests[1].Body!)!["offset"]!.GetValue<int>().Should().Be(2);
        JsonNode.Parse(requests[2].Body!)!["offset"]!.GetValue<int>().Should().Be(4);
    }

    [Fact]
    public async Task Without_options_the_body_carries_only_the_offset()
    {
        ListPage(0, 1, "trg_1");
        using var client = CreateClient();

        var all = await ToListAsync(client.Triggers.ListAsync());

        all.Should().ContainSingle();
        JsonAssert.Same(SingleRequest().Body, """{"offset":0}""");
    }

    [Fact]
    public async Task Pages_expose_offset_tokens_that_resume_a_later_enumeration()
    {
        ListPage(0, 5, "trg_1", "trg_2");
        ListPage(2, 5, "trg_3", "trg_4");
        ListPage(4, 5, "trg_5");
        using var client = CreateClient();

        Page<Trigger>? first = null;
        await foreach (var page in client.Triggers.ListAsync(new TriggerListOptions { PageSize = 2 }).AsPages())
        {
            first = page;
            break;
        }

        first!.ContinuationToken.Should().Be("2");
        first.HasMore.Should().BeTrue();
        var rest = new List<string>();
        await foreach (var page in client.Triggers.ListAsync(new TriggerListOptions { PageSize = 2 }).AsPages(first.ContinuationToken))
        {
            rest.AddRange(page.Items.Select(t => t.TriggerId));
        }

        rest.Should().Equal("trg_3", "trg_4", "trg_5");
    }

    [Fact]
    public async Task History_walks_three_pages_with_offset_and_limit_in_the_query()
    {
        HistoryPage(0, 5, "task_1", "task_2");
        HistoryPage(2, 5, "task_3", "task_4");
        HistoryPage(4, 5, "task_5");
        using var client = CreateClient();

        var executions = await ToListAsync(client.Executions.ListAsync("trg_1", new TriggerHistoryOptions { PageSize = 2 }));

        executions.Select(e => e.TaskId).Should().Equal("task_1", "task_2", "task_3", "task_4", "task_5");
        executions[0].Status.Should().Be("COMPLETED");
        executions[0].ExecutionTimeMs.Should().Be(5400);
        executions[0].TriggeredAt.Should().Be(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
        executions[0].Error.Should().BeNull();
        Server.LogEntries.Select(e => e.RequestMessage!.Url[(e.RequestMessage!.Url.IndexOf('?', StringComparison.Ordinal) + 1)..]).Should()
            .BeEquivalentTo("offset=0&limit=2", "offset=2&limit=2", "offset=4&limit=2");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void A_page_size_outside_1_to_1000_is_refused_before_sending(int size)
    {
        using var client = CreateClient();

        FluentActions.Invoking(() => client.Triggers.ListAsync(new TriggerListOptions { PageSize = size }))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("filter.PageSize");
        FluentActions.Invoking(() => client.Executions.ListAsync("trg_1", new TriggerHistoryOptions { PageSize = size }))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("filter.PageSize");
        Server.LogEntries.Should().BeEmpty();
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
