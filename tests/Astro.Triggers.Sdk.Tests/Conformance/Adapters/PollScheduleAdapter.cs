using System.Text.Json.Nodes;

namespace Astro.Triggers.Sdk.Tests.Conformance.Adapters;

/// <summary>poll-schedule: {previousWaitMs, elapsedMs, pollIntervalMs, maxPollIntervalMs, pollIntervalRatio, backoffFactor,
/// retryAfterMs, remainingMs} → {waitMs, sleepMs, deadlineRead} through RunWaitOptions.NextPoll (what
/// TriggeredRun.WaitForCompletionAsync and RunGroup do after a read that did not see the run end).</summary>
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
        var step = options.NextPoll(
            previous, TimeSpan.FromMilliseconds((long)input["elapsedMs"]!), Milliseconds(input["retryAfterMs"]), Milliseconds(input["remainingMs"]));
        return Task.FromResult(new JsonObject
        {
            ["waitMs"] = Number(step.Interval),
            ["sleepMs"] = step.Sleep is { } sleep ? Number(sleep) : null,
            ["deadlineRead"] = step.AtDeadline,
        });
    }

    private static TimeSpan? Milliseconds(JsonNode? value) => (long?)value is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

    // TotalMilliseconds keeps a fraction the schedule computed (ticks); a whole number is written as one.
    private static JsonValue Number(TimeSpan value)
    {
        var total = value.TotalMilliseconds;
        return total == Math.Floor(total) ? JsonValue.Create((long)total) : JsonValue.Create(total);
    }
}
