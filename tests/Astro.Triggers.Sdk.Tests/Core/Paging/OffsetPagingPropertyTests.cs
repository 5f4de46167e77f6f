using Astro.Triggers.Sdk.Core.Paging;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using Astro.Triggers.Sdk.TrueFoundry;

namespace Astro.Triggers.Sdk.Tests.Core.Paging;

/// <summary>For every list length 0–60 and several page sizes, through the real clients against an honest offset
/// server: the pages tile the list, and resuming from any page's next or previous token yields exactly the adjacent
/// page (no overlap, no gap), forward and backward, with one request per resume.</summary>
public sealed class OffsetPagingPropertyTests : ClientTestBase
{
    private readonly HonestOffsetServer _list;

    public OffsetPagingPropertyTests()
    {
        _list = new HonestOffsetServer(Server);
    }

    public static TheoryData<int?> TrueFoundrySizes => new() { null, 1, 7, 10, 50 };

    public static TheoryData<int?> MixpeekSizes => new() { null, 7, 50 };

    [Theory]
    [MemberData(nameof(TrueFoundrySizes))]
    public async Task TrueFoundry_run_tokens_resume_to_exactly_the_adjacent_page(int? pageSize)
    {
        using var client = new TrueFoundryClient(Configure(new TrueFoundryClientOptions()));

        for (var total = 0; total <= 60; total++)
        {
            _list.Total = total;
            var runs = client.JobRuns.ListAsync("app-1", new JobRunListOptions { PageSize = pageSize });
            await AssertTokensTileTheListAsync(runs, r => r.Name, "run-", total, pageSize ?? 10);
        }
    }

    [Theory]
    [MemberData(nameof(MixpeekSizes))]
    public async Task Mixpeek_trigger_tokens_resume_to_exactly_the_adjacent_page(int? pageSize)
    {
        using var client = new MixpeekClient(Configure(new MixpeekClientOptions { Namespace = "ns_prod" }));

        for (var total = 0; total <= 60; total++)
        {
            _list.Total = total;
            var triggers = client.Triggers.ListAsync(new TriggerListOptions { PageSize = pageSize });
            await AssertTokensTileTheListAsync(triggers, t => t.TriggerId, "trg_", total, pageSize ?? 50);
        }
    }

    [Theory]
    [MemberData(nameof(MixpeekSizes))]
    public async Task Mixpeek_history_tokens_resume_to_exactly_the_adjacent_page(int? pageSize)
    {
        using var client = new MixpeekClient(Configure(new MixpeekClientOptions { Namespace = "ns_prod" }));

        for (var total = 0; total <= 60; total++)
        {
            _list.Total = total;
            var history = client.Executions.ListAsync("trg_h", new TriggerHistoryOptions { PageSize = pageSize });
            await AssertTokensTileTheListAsync(history, e => e.TaskId, "task_", total, pageSize ?? 50);
        }
    }

    private async Task AssertTokensTileTheListAsync<T>(AsyncPageable<T> list, Func<T, string> key, string prefix, int total, int size)
    {
        var because = $"a list of {total} in pages of {size}";
        _list.TakeRequestCount();
        var pages = await list.AsPages().ToListAsync();
        var ids = pages.Select(p => p.Items.Select(key).ToList()).ToList();

        _list.TakeRequestCount().Should().Be(Math.Max(1, (total + size - 1) / size), because);
        ids.SelectMany(i => i).Should().Equal(Enumerable.Range(0, total).Select(i => prefix + i), because);
        pages[0].PreviousToken.Should().BeNull(because);
        pages[^1].HasMore.Should().BeFalse(because);
        pages[^1].ContinuationToken.Should().BeNull(because);

        for (var i = 0; i < pages.Count - 1; i++)
        {
            pages[i].HasMore.Should().BeTrue(because);
            var next = await list.AsPages(pages[i].ContinuationToken).FirstAsync();
            next.Items.Select(key).Should().Equal(ids[i + 1], $"{because}: the next token of page {i}");
        }

        // Backward from the last page, each resumed page's own previous token leads on to the one before it.
        var token = pages[^1].PreviousToken;
        for (var i = pages.Count - 2; i >= 0; i--)
        {
            token.Should().NotBeNull($"{because}: page {i + 1} has a page before it");
            var previous = await list.AsPages(token).FirstAsync();
            previous.Items.Select(key).Should().Equal(ids[i], $"{because}: the previous token of page {i + 1}");
            token = previous.PreviousToken;
        }

        token.Should().BeNull($"{because}: walking back ends at the first page");
        _list.TakeRequestCount().Should().Be(2 * (pages.Count - 1), $"{because}: one request per resume");
    }
}
