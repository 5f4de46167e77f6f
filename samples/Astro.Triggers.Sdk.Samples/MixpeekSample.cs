using Astro.Triggers.Sdk;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Testing.Mixpeek;

namespace Astro.Triggers.Sdk.Samples;

/// <summary>Create a cron trigger, preview its next runs, execute it once and follow that run (its task) to the end, pause
/// the trigger, then delete it again.
/// Real service: MIXPEEK_API_KEY, MIXPEEK_NAMESPACE, MIXPEEK_CLUSTER_ID (and optionally MIXPEEK_BASE_URL).</summary>
internal static class MixpeekSample
{
    public static async Task RunAsync(Steps steps)
    {
        void Say(string text) => steps.Say("Mixpeek", text);
        var key = Steps.Env("MIXPEEK_API_KEY");
        await using var fake = key is null ? MixpeekFake.Start() : null;
        var options = fake?.CreateClientOptions() ?? new MixpeekClientOptions
        {
            ApiKey = key,
            Namespace = Steps.Need("MIXPEEK_NAMESPACE", " with MIXPEEK_API_KEY"),
            BaseAddress = Steps.BaseUrl("MIXPEEK_BASE_URL", MixpeekClientOptions.DefaultBaseAddress),
        };
        var clusterId = Steps.Env("MIXPEEK_CLUSTER_ID") ?? "clu_demo";
        Say(fake is null ? $"real service at {options.BaseAddress}" : $"offline fake at {fake.BaseAddress}");
        using var client = new MixpeekClient(options);

        var schedule = new CronSchedule("30 2 * * *", "Europe/Berlin");
        var trigger = await client.Triggers.CreateAsync(new CreateTriggerRequest(new ClusterAction(clusterId), schedule) { Description = "Astro.Triggers.Sdk sample" });
        Say($"created {trigger.TriggerId}: {trigger.Schedule.TriggerType} '{schedule.CronExpression}' in {schedule.TimeZone}, next {trigger.NextScheduledAt:u}");
        Say($"next three fire times: {string.Join(", ", schedule.GetNextFireTimes(DateTimeOffset.UtcNow, 3).Select(t => t.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture)))}");
        try
        {
            var run = await client.Executions.StartAsync(trigger.TriggerId);
            Say($"executing now: task {run.Id} ({run.RawStatus})");
            await run.WaitForCompletionAsync(Wait.Options, new StatusChanges(Say));
            trigger = await client.Triggers.PauseAsync(trigger.TriggerId);
            Say($"paused: {trigger.Status}, executions so far {trigger.ExecutionCount}");
        }
        finally
        {
            await client.Triggers.DeleteAsync(trigger.TriggerId);
            Say($"deleted {trigger.TriggerId}");
        }
    }
}
