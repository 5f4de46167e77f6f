using Astro.Triggers.Sdk.Mixpeek;

namespace Astro.Triggers.Sdk.Tests.Mixpeek;

/// <summary>Bad schedules and actions are refused before any request, naming the field and the rule.</summary>
public sealed class TriggerValidationTests : MixpeekClientTestBase
{
    private async Task<ArgumentException> CreateFails(TriggerSchedule schedule, TriggerAction? action = null, Action<MixpeekClientOptions>? configure = null)
    {
        using var client = CreateClient(configure);
        var sentBefore = Server.LogEntries.Count;
        var act = () => client.Triggers.CreateAsync(new CreateTriggerRequest(action ?? new ClusterAction("clust_1"), schedule));
        var error = (await act.Should().ThrowAsync<ArgumentException>()).Which;
        Server.LogEntries.Should().HaveCount(sentBefore, "a bad trigger must not cost a request");
        return error;
    }

    [Theory]
    [InlineData(59)]
    [InlineData(1)]
    public async Task An_interval_below_the_clients_minimum_names_the_field_and_the_minimum(int seconds)
    {
        var error = await CreateFails(new IntervalSchedule(TimeSpan.FromSeconds(seconds)));

        error.ParamName.Should().Be("trigger.Schedule.Interval");
        error.Message.Should().Contain("at least 1 min");
    }

    [Fact]
    public async Task The_minimum_interval_is_configurable_and_fractions_of_a_second_are_refused()
    {
        Respond("POST", "/v1/triggers", 201, MixpeekJson.Trigger());
        using var client = CreateClient(o => o.MinimumInterval = TimeSpan.FromSeconds(10));

        await client.Triggers.CreateAsync(new CreateTriggerRequest(new ClusterAction("c"), new IntervalSchedule(TimeSpan.FromSeconds(10))));
        var tooShort = await CreateFails(new IntervalSchedule(TimeSpan.FromSeconds(9)), configure: o => o.MinimumInterval = TimeSpan.FromSeconds(10));

        Server.LogEntries.Should().HaveCount(1, "10 s is allowed once the minimum is lowered");
        tooShort.Message.Should().Contain("at least 10 s");
    }

    [Fact]
    public async Task A_conditional_check_interval_below_the_clients_minimum_names_the_field()
    {
        (await CreateFails(new ConditionalSchedule(0.2) { CheckInterval = TimeSpan.FromSeconds(5) })).ParamName.Should().Be("trigger.Schedule.CheckInterval");
    }

    [Fact]
    public async Task Action_rules_name_their_fields()
    {
        (await CreateFails(new CronSchedule("0 2 * * *"), new TaxonomyEnrichmentAction("t", "c") { BatchSize = 0 }))
            .ParamName.Should().Be("trigger.Action.BatchSize");
        (await CreateFails(new CronSchedule("0 2 * * *"), new ClusterAction("c") { OutputCollectionIds = [" "] }))
            .ParamName.Should().Be("trigger.Action.OutputCollectionIds[]");
    }

    [Fact]
    public void Required_ids_and_types_are_checked_when_the_value_is_built()
    {
        FluentActions.Invoking(() => new ClusterAction(" ")).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("clusterId");
        FluentActions.Invoking(() => new TaxonomyEnrichmentAction("t", "")).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("collectionId");
        FluentActions.Invoking(() => new CustomTriggerAction("a\nb")).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("actionType");
        FluentActions.Invoking(() => new CronSchedule("0 2 * * *", "")).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("timeZone");
    }

    [Fact]
    public async Task An_update_with_a_schedule_below_the_clients_minimum_is_refused_before_sending()
    {
        using var client = CreateClient();

        var act = () => client.Triggers.UpdateAsync("trg_1", new UpdateTriggerRequest { Schedule = new IntervalSchedule(TimeSpan.FromSeconds(30)) });

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("update.Schedule.Interval");
        Server.LogEntries.Should().BeEmpty();
    }
}
