using Astro.Triggers.Sdk;
using Astro.Triggers.Sdk.TrueFoundry;

// Deliberately outside the Astro.Triggers.Sdk namespaces, as a user's code is: inside them, parent namespaces would
// be in scope without a using and this file could not notice a type in the wrong namespace. The fake that serves it
// lives in TwoUsingProgram.Harness.cs, which is the test's, not the program's.
namespace ContosoCi;

/// <summary>The two-using program (issue 19): with only the root namespace and one service namespace imported (plus
/// the test project's implicit usings), a user starts a run, pages a list, waits with a typed result and catches the
/// one exception root by status.</summary>
public sealed partial class TwoUsingProgram
{
    [Fact]
    public async Task Start_page_wait_and_catch_need_only_the_root_and_the_service_namespace()
    {
        await using var service = StartTrueFoundry();
        using var client = new TrueFoundryClient(service.Options);

        TrueFoundryJobRun first = await client.JobRuns.StartAsync(
            new TriggerJobRequest { ApplicationId = service.ApplicationId, Input = new JobRunInput { Command = "python etl.py --full" } });
        TrueFoundryJobRun second = await client.JobRuns.StartAsync(new TriggerJobRequest { ApplicationId = service.ApplicationId });
        JobRun finished = (await first.WaitForCompletionAsync(pollInterval: TimeSpan.FromMilliseconds(50), timeout: TimeSpan.FromSeconds(30))).Value;
        await second.WaitForCompletionAsync(new RunWaitOptions { PollInterval = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromSeconds(30) });

        var pages = new List<Page<JobRun>>();
        await foreach (Page<JobRun> page in client.JobRuns.ListAsync(service.ApplicationId, new JobRunListOptions { PageSize = 1, Order = SortDirection.Ascending }).AsPages())
        {
            pages.Add(page);
        }

        int? missingStatus = null;
        try
        {
            await client.JobRuns.GetAsync(service.ApplicationId, "no-such-run");
        }
        catch (AstroTriggersException ex) when (ex.Status == 404)
        {
            missingStatus = ex.Status;
        }

        first.Status.Should().Be(RunStatus.Succeeded);
        finished.Name.Should().Be(first.Id);
        finished.ExitCode.Should().Be(0);
        pages.Should().HaveCount(2).And.OnlyContain(p => p.Items.Count == 1);
        pages.SelectMany(p => p.Items).Select(r => r.Name).Should().BeEquivalentTo([first.Id, second.Id]);
        pages[0].ContinuationToken.Should().NotBeNull();
        missingStatus.Should().Be(404);
    }
}
