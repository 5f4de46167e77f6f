using System.Globalization;
using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Core.Retry;
using Microsoft.Extensions.Time.Testing;

namespace Astro.Triggers.Sdk.Tests.Conformance.Adapters;

/// <summary>rate-limit-pacing: {start, events} → {decisions} through RateLimitPacer and PacingStrategy.Decide (what the
/// pacing strategy does before each attempt), on a FakeTimeProvider moved to each event's <c>atMs</c>. Each <c>go</c>
/// keeps its ticket under the acquire's name, for the answer or abandon that ends that attempt.</summary>
internal sealed class RateLimitPacingAdapter : IRuleAdapter
{
    public Task<JsonObject> RunAsync(JsonObject input)
    {
        var start = DateTimeOffset.Parse((string)input["start"]!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        var clock = new FakeTimeProvider(start);
        var pacer = new RateLimitPacer(clock);
        var tickets = new Dictionary<string, long>(StringComparer.Ordinal);
        var decisions = new JsonArray();
        long elapsed = 0;
        foreach (var node in input["events"]!.AsArray())
        {
            var e = node!.AsObject();
            var at = (long)e["atMs"]!;
            if (at < elapsed)
            {
                throw new InvalidOperationException($"events go forward in time ({at} after {elapsed})");
            }

            clock.Advance(TimeSpan.FromMilliseconds(at - elapsed));
            elapsed = at;
            if (e["acquire"] is { } acquire)
            {
                var name = (string)acquire!;
                var budget = e["budgetMs"] is { } b ? TimeSpan.FromMilliseconds((long)b) : TimeSpan.MaxValue;
                var decision = PacingStrategy.Decide(pacer, budget, out var ticket, out var wait, out var sleep, out _);
                switch (decision)
                {
                    case PacingDecision.Go:
                        tickets[name] = ticket;
                        decisions.Add(new JsonObject { ["acquire"] = name, ["decision"] = "go" });
                        break;
                    case PacingDecision.Wait:
                        decisions.Add(new JsonObject { ["acquire"] = name, ["decision"] = "wait", ["waitMs"] = Ms(sleep) });
                        break;
                    default:
                        var error = new PacedRateLimitException("Agentset", "getIngestJob", "GET", wait);
                        decisions.Add(new JsonObject
                        {
                            ["acquire"] = name,
                            ["decision"] = "paced",
                            ["retryAfterMs"] = error.RetryAfter is { } r ? Ms(r) : null,
                            ["status"] = error.Status,
                            ["errorCode"] = error.ErrorCode,
                            ["mayHaveBeenProcessed"] = error.MayHaveBeenProcessed,
                        });
                        break;
                }
            }
            else if (e["answer"] is { } answer)
            {
                using var response = new HttpResponseMessage();
                foreach (var (header, value) in e["headers"]?.AsObject() ?? [])
                {
                    response.Headers.TryAddWithoutValidation(header, (string)value!);
                }

                pacer.Observe(response.Headers, (int)e["status"]!, Take(tickets, (string)answer!));
            }
            else if (e["abandon"] is { } abandon)
            {
                pacer.Abandon(Take(tickets, (string)abandon!));
            }
            else
            {
                throw new InvalidOperationException($"unknown event {e.ToJsonString()}");
            }
        }

        return Task.FromResult(new JsonObject { ["decisions"] = decisions });
    }

    private static long Take(Dictionary<string, long> tickets, string name) =>
        tickets.Remove(name, out var ticket) ? ticket : throw new InvalidOperationException($"attempt '{name}' was never sent");

    // The pacer computes its reset in Stopwatch ticks from a double: a whole-millisecond wait can come out a tick short.
    // The suite's waits are whole milliseconds.
    private static double Ms(TimeSpan wait) => Math.Round(wait.TotalMilliseconds);
}
