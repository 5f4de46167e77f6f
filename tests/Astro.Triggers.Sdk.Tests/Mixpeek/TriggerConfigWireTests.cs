using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Tests.Infrastructure;

namespace Astro.Triggers.Sdk.Tests.Mixpeek;

/// <summary>The exact JSON a create sends for each action and schedule kind (snake_case, nothing unset), and that
/// each kind reads back from the service as the same typed value.</summary>
public sealed class TriggerConfigWireTests : MixpeekClientTestBase
{
    public static TheoryData<string, string, string> Actions => new()
    {
        { "cluster", """{"cluster_id":"clust_abc123"}""", "minimal" },
        { "cluster", """{"cluster_id":"clust_abc123","filters":{"status":"active"},"output_collection_ids":["col_daily_clusters"]}""", "full" },
        { "taxonomy_enrichment", """{"taxonomy_id":"tax_products","collection_id":"col_inventory"}""", "minimal" },
        { "taxonomy_enrichment", """{"taxonomy_id":"tax_products","collection_id":"col_inventory","batch_size":500,"incremental":true,"parallelism":8,"target_collection_id":"col_enriched"}""", "full" },
        { "batch_rerun", """{"batch_id":"btch_1","bucket_id":"bkt_1"}""", "full" },
        { "collection_trigger", """{"collection_id":"col_inventory"}""", "minimal" },
    };

    public static TheoryData<string, string> Schedules => new()
    {
        { "cron", """{"cron_expression":"0 2 * * *","timezone":"America/New_York"}""" },
        { "interval", """{"interval_seconds":21600,"start_immediately":false}""" },
        { "interval", """{"interval_seconds":3600}""" },
        { "event", """{"event_type":"documents_added","event_threshold":100,"cooldown_seconds":600}""" },
        { "conditional", """{"condition_type":"drift","threshold":0.2,"check_interval_seconds":3600}""" },
    };

    private static TriggerAction BuildAction(string type, string variant) => (type, variant) switch
    {
        ("cluster", "minimal") => new ClusterAction("clust_abc123"),
        ("cluster", _) => new ClusterAction("clust_abc123")
        {
            Filters = new JsonObject { ["status"] = "active" },
            OutputCollectionIds = ["col_daily_clusters"],
        },
        ("taxonomy_enrichment", "minimal") => new TaxonomyEnrichmentAction("tax_products", "col_inventory"),
        ("taxonomy_enrichment", _) => new TaxonomyEnrichmentAction("tax_products", "col_inventory")
        {
            BatchSize = 500,
            Incremental = true,
            Parallelism = 8,
            TargetCollectionId = "col_enriched",
        },
        ("batch_rerun", _) => new BatchRerunAction("btch_1") { BucketId = "bkt_1" },
        _ => new CollectionTriggerAction("col_inventory"),
    };

    private static TriggerSchedule BuildSchedule(string config) => JsonNode.Parse(config)!.AsObject() switch
    {
        var c when c.ContainsKey("cron_expression") => new CronSchedule("0 2 * * *", "America/New_York"),
        var c when c.ContainsKey("start_immediately") => new IntervalSchedule(TimeSpan.FromHours(6)) { StartImmediately = false },
        var c when c.ContainsKey("interval_seconds") => new IntervalSchedule(TimeSpan.FromHours(1)),
        var c when c.ContainsKey("event_type") => new EventSchedule("documents_added", 100) { Cooldown = TimeSpan.FromMinutes(10) },
        _ => new ConditionalSchedule(0.2) { CheckInterval = TimeSpan.FromHours(1) },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Each_action_kind_is_sent_snake_case_and_read_back_typed(string type, string config, string variant)
    {
        Respond("POST", "/v1/triggers", 201, MixpeekJson.Trigger(action: $""" "action_type": "{type}", "action_config": {config} """));
        using var client = CreateClient();
        var action = BuildAction(type, variant);

        var created = await client.Triggers.CreateAsync(new CreateTriggerRequest(action, new CronSchedule("0 2 * * *")));

        var sent = JsonNode.Parse(SingleRequest().Body!)!;
        sent["action_type"]!.GetValue<string>().Should().Be(type);
        JsonAssert.Same(sent["action_config"]!.ToJsonString(), config);
        created.Action.GetType().Should().Be(action.GetType());
        created.Action.AdditionalProperties.Should().BeEmpty("every field of a known kind is typed");
        JsonAssert.Same(created.Action.ToConfig().ToJsonString(), config);
    }

    [Theory]
    [MemberData(nameof(Schedules))]
    public async Task Each_schedule_kind_is_sent_snake_case_and_read_back_typed(string type, string config)
    {
        Respond("POST", "/v1/triggers", 201, MixpeekJson.Trigger(schedule: $""" "trigger_type": "{type}", "schedule_config": {config} """));
        using var client = CreateClient();
        var schedule = BuildSchedule(config);

        var created = await client.Triggers.CreateAsync(new CreateTriggerRequest(new ClusterAction("clust_abc123"), schedule));

        var sent = JsonNode.Parse(SingleRequest().Body!)!;
        sent["trigger_type"]!.GetValue<string>().Should().Be(type);
        JsonAssert.Same(sent["schedule_config"]!.ToJsonString(), config);
        created.Schedule.GetType().Should().Be(schedule.GetType());
        created.Schedule.AdditionalProperties.Should().BeEmpty();
        JsonAssert.Same(created.Schedule.ToConfig().ToJsonString(), config);
    }

    [Fact]
    public async Task Additional_properties_of_a_typed_kind_are_sent_but_cannot_override_a_typed_field()
    {
        Respond("POST", "/v1/triggers", 201, MixpeekJson.Trigger());
        using var client = CreateClient();
        var action = new ClusterAction("clust_abc123");
        action.AdditionalProperties["min_cluster_size"] = 5;
        action.AdditionalProperties["cluster_id"] = "clust_other";

        await client.Triggers.CreateAsync(new CreateTriggerRequest(action, new CronSchedule("0 2 * * *")));

        JsonAssert.Same(JsonNode.Parse(SingleRequest().Body!)!["action_config"]!.ToJsonString(), """{"cluster_id":"clust_abc123","min_cluster_size":5}""");
    }
}
