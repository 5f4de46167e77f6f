using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Testing.Agentset;
using Astro.Triggers.Sdk.Testing.Mixpeek;
using Astro.Triggers.Sdk.Testing.TrueFoundry;
using Astro.Triggers.Sdk.TrueFoundry;

namespace Astro.Triggers.Sdk.Tests.Core.Paging;

/// <summary><c>AsPages(token, pageSize)</c>: the parameter is called <c>pageSize</c> and a bad one is refused under
/// that name (issue 25: the message said 'pageSizeHint' where README says pageSize), before any request, on the
/// cursor (Agentset) and the offset (TrueFoundry, Mixpeek) lists alike.</summary>
public sealed class AsPagesPageSizeTests
{
    [Fact]
    public void The_public_parameter_is_named_pageSize()
    {
        typeof(AsyncPageable<>).GetMethod(nameof(AsyncPageable<int>.AsPages))!.GetParameters().Select(p => p.Name)
            .Should().Equal("continuationToken", "pageSize");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Agentset_refuses_a_bad_page_size_naming_pageSize(int size)
    {
        await using var fake = AgentsetFake.Start();
        using var client = new AgentsetClient(fake.CreateClientOptions());

        var error = await Refused(client.IngestJobs.ListAsync().AsPages(null, size));

        error.ParamName.Should().Be("pageSize");
        error.Message.Should().Contain("'pageSize' must be between 1 and 100");
        fake.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task TrueFoundry_and_Mixpeek_refuse_a_bad_page_size_naming_pageSize()
    {
        await using var tfyFake = TrueFoundryFake.Start();
        using var tfy = new TrueFoundryClient(tfyFake.CreateClientOptions());
        await using var mixpeekFake = MixpeekFake.Start();
        using var mixpeek = new MixpeekClient(mixpeekFake.CreateClientOptions());

        (await Refused(tfy.JobRuns.ListAsync(tfyFake.ApplicationId).AsPages(null, -1))).ParamName.Should().Be("pageSize");
        (await Refused(mixpeek.Triggers.ListAsync().AsPages(null, -1))).ParamName.Should().Be("pageSize");

        tfyFake.Requests.Should().BeEmpty();
        mixpeekFake.Requests.Should().BeEmpty();
    }

    private static async Task<ArgumentException> Refused<T>(IAsyncEnumerable<Page<T>> pages) =>
        (await FluentActions.Awaiting(async () => await pages.FirstAsync()).Should().ThrowAsync<ArgumentOutOfRangeException>()).Which;
}
