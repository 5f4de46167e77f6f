using System.Text.Json.Nodes;

namespace Astro.Triggers.Sdk.Tests.Conformance.Adapters;

/// <summary>poll-schedule: {previousWaitMs, elapsedMs, pollIntervalMs, maxPollIntervalMs, pollIntervalRatio, backoffFactor}
/// → {waitMs} through RunWaitOptions.NextPollInterval (the wait TriggeredRun.WaitForCompletionAsync sleeps after a read).</summary>
internal sealed class PollScheduleAdapter : IRuleAdapter
{
    public Task<JsonObject> RunAsync(JsonObject input)
    {
        var options = new RunWaitOptions
        {
            PollInterval = TimeSpan.FromMilliseconds((long)input["pollIntervalMs"]!),
            MaxPollInterval = TimeSpan.FromMilliseconds((long)input["maxPollIntervalMs"]!),
            PollIntervalRatio = (double)input["pollIntervalRatio"]!,
            BackoffFactor = (double)input["backoffFactor"]!,
        };
        var previous = (long?)input["previousWaitMs"] is { } ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;
        var wait = options.NextPollInterval(previous, TimeSpan.FromMilliseconds((long)input["elapsedMs"]!));
        // TotalMilliseconds keeps a fraction the schedule computed (ticks); a whole number is written as one.
        var total = wait.TotalMilliseconds;
        return Task.FromResult(new JsonObject { ["waitMs"] = total == Math.Floor(total) ? JsonValue.Create((long)total) : JsonValue.Create(total) });
    }
}
