using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using Astro.Triggers.Sdk.TrueFoundry;

namespace Astro.Triggers.Sdk.Tests.Core.Paging;

/// <summary>Issue 25, kind 6: a service that serves the slice asked for but reports another offset (lower: 0 on every
/// page; or higher) is read page by page from the offset sent, with a Warning per contradicting page; nothing is
/// skipped, repeated or stopped. TrueFoundry (query offset) and Mixpeek (body offset, and history) share the rule.</summary>
public sealed class ContradictingOffsetTests : ClientTestBase
{
    public static TheoryData<string> Reports() => new() { "zero", "lower", "higher" };

    private static Func<int, int> Reported(string how) => how switch
    {
        "zero" => _ => 0,
        "lower" => offset => Math.Max(0, offset - 1),
        _ => offset => offset + 5,
    };

    private IEnumerable<string> Warnings => Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal));

    [Fact]
    public async Task Truefoundry_runs_with_page_size_1_and_offset_0_reported_on_every_page_read_all_3_runs()
    {
        // The input: 0.x read all 3; the reported offset made the second page ask for offset 1 again.
        var server = new HonestOffsetServer(Server) { Total = 3, ReportedOffset = _ => 0 };
        using var client = new TrueFoundryClient(Configure(new TrueFoundryClientOptions()));

        var names = new List<string>();
        await foreach (var run in client.JobRuns.ListAsync("app-1", new JobRunListOptions { PageSize = 1 }))
        {
            names.Add(run.Name);
        }

        names.Should().Equal("run-0", "run-1", "run-2");
        server.TakeRequestCount().Should().Be(3);
        Warnings.Should().HaveCount(2, "pages at 1 and 2 report 0; the page at 0 agrees")
            .And.AllSatisfy(w => w.Should().Contain("TrueFoundry listJobRuns").And.Contain("reports offset 0"));
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task Truefoundry_runs_are_read_from_the_offset_sent_whatever_offset_is_reported(string how)
    {
        var server = new HonestOffsetServer(Server) { Total = 7, ReportedOffset = Reported(how) };
        using var client = new TrueFoundryClient(Configure(new TrueFoundryClientOptions()));

        var pages = await client.JobRuns.ListAsync("app-1", new JobRunListOptions { PageSize = 2, StartOffset = 1 }).AsPages().ToListAsync();

        pages.SelectMany(p => p.Items).Select(r => r.Name).Should().Equal(Enumerable.Range(1, 6).Select(i => $"run-{i}"));
        pages.Select(p => p.ContinuationToken).Should().Equal("3", "5", null);
        pages.Select(p => p.PreviousToken).Should().Equal("0:1", "1", "3");
        server.TakeRequestCount().Should().Be(3);
        Warnings.Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task Mixpeek_triggers_are_read_from_the_offset_sent_whatever_offset_is_reported(string how)
    {
        var server = new HonestOffsetServer(Server) { Total = 5, ReportedOffset = Reported(how) };
        using var client = new MixpeekClient(Configure(new MixpeekClientOptions { Namespace = "ns_prod" }));

        var ids = new List<string>();
        await foreach (var trigger in client.Triggers.ListAsync(new TriggerListOptions { PageSize = 2 }))
        {
            ids.Add(trigger.TriggerId);
        }

        ids.Should().Equal(Enumerable.Range(0, 5).Select(i => $"trg_{i}"));
        server.TakeRequestCount().Should().Be(3);
        Warnings.Should().NotBeEmpty().And.AllSatisfy(w => w.Should().Contain("Mixpeek listTriggers"));
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task Mixpeek_history_is_read_from_the_offset_sent_whatever_offset_is_reported(string how)
    {
        var server = new HonestOffsetServer(Server) { Total = 4, ReportedOffset = Reported(how) };
        using var client = new MixpeekClient(Configure(new MixpeekClientOptions { Namespace = "ns_prod" }));

        var ids = new List<string>();
        await foreach (var execution in client.Executions.ListAsync("trg_h", new TriggerHistoryOptions { PageSize = 1 }))
        {
            ids.Add(execution.TaskId);
        }

        ids.Should().Equal("task_0", "task_1", "task_2", "task_3");
        server.TakeRequestCount().Should().Be(4);
        Warnings.Should().NotBeEmpty().And.AllSatisfy(w => w.Should().Contain("Mixpeek getTriggerHistory"));
    }

    [Fact]
    public async Task An_honest_service_logs_no_warning()
    {
        _ = new HonestOffsetServer(Server) { Total = 5 };
        using var client = new TrueFoundryClient(Configure(new TrueFoundryClientOptions()));

        var count = 0;
        await foreach (var unused in client.JobRuns.ListAsync("app-1", new JobRunListOptions { PageSize = 2 }))
        {
            count++;
        }

        count.Should().Be(5);
        Warnings.Should().BeEmpty();
    }

    [Fact]
    public async Task Reading_the_same_contradicting_page_twice_is_no_repeat()
    {
        _ = new HonestOffsetServer(Server) { Total = 3, ReportedOffset = _ => 0 };
        using var client = new TrueFoundryClient(Configure(new TrueFoundryClientOptions()));
        var runs = client.JobRuns.ListAsync("app-1", new JobRunListOptions { PageSize = 1 });

        var first = await runs.AsPages("1").FirstAsync();
        var again = await runs.AsPages("1").FirstAsync();

        again.Items.Select(r => r.Name).Should().Equal(first.Items.Select(r => r.Name)).And.Equal("run-1");
    }
}
