using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Testing.Core;
using Cronos;
using static Astro.Triggers.Sdk.Testing.Core.FakeJson;

namespace Astro.Triggers.Sdk.Testing.Mixpeek;

/// <summary>What Mixpeek refuses in a trigger body: FastAPI's 422 with the field's location.</summary>
internal static class MixpeekRules
{
    public static readonly string[] ActionTypes = ["cluster", "taxonomy_enrichment", "batch_rerun", "collection_trigger"];
    public static readonly string[] TriggerTypes = ["cron", "interval", "event", "conditional"];
    public static readonly string[] Statuses = ["active", "paused", "disabled", "failed"];
    public static readonly string[] SortFields = ["created_at", "updated_at", "next_scheduled_at", "execution_count"];

    public static FakeRejection Invalid(string path, string message) => new(422, "value_error", message, path);

    public static void CheckAction(string actionType, JsonObject config)
    {
        const string at = "body.action_config.";
        switch (actionType)
        {
            case "cluster":
                RequiredString(config, "cluster_id", at + "cluster_id", Invalid);
                break;
            case "taxonomy_enrichment":
                RequiredString(config, "taxonomy_id", at + "taxonomy_id", Invalid);
                RequiredString(config, "collection_id", at + "collection_id", Invalid);
                AtLeast(config, "batch_size", at + "batch_size", 1);
                AtLeast(config, "parallelism", at + "parallelism", 1);
                break;
            case "batch_rerun":
                RequiredString(config, "batch_id", at + "batch_id", Invalid);
                break;
            case "collection_trigger":
                RequiredString(config, "collection_id", at + "collection_id", Invalid);
                break;
            default:
                throw Invalid("body.action_type", $"Input should be {string.Join(", ", ActionTypes)}");
        }
    }

    public static void CheckSchedule(string triggerType, JsonObject config)
    {
        const string at = "body.schedule_config.";
        switch (triggerType)
        {
            case "cron":
                var expression = RequiredString(config, "cron_expression", at + "cron_expression", Invalid);
                if (expression.TrimStart().StartsWith('@'))
                {
                    // Mixpeek documents five-field expressions only; the SDK refuses macros, so the fake does too.
                    throw Invalid(at + "cron_expression", "Invalid cron expression: macros such as @daily are not supported; use five fields");
                }

                try
                {
                    CronExpression.Parse(expression, CronFormat.Standard);
                }
                catch (CronFormatException ex)
                {
                    throw Invalid(at + "cron_expression", "Invalid cron expression: " + ex.Message);
                }

                var zone = OptionalString(config, "timezone", at + "timezone", Invalid);
                if (zone is not null && zone != "UTC" && (TimeZoneInfo.TryConvertWindowsIdToIanaId(zone, out _) || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)))
                {
                    throw Invalid(at + "timezone", $"Unknown IANA time zone '{zone}'");
                }

                break;
            case "interval":
                if (OptionalInteger(config, "interval_seconds", at + "interval_seconds", Invalid) is not { } seconds || seconds < 60)
                {
                    throw Invalid(at + "interval_seconds", "interval_seconds is required and must be at least 60");
                }

                OptionalBoolean(config, "start_immediately", at + "start_immediately", Invalid);
                break;
            case "event":
                RequiredString(config, "event_type", at + "event_type", Invalid);
                AtLeast(config, "event_threshold", at + "event_threshold", 1);
                AtLeast(config, "cooldown_seconds", at + "cooldown_seconds", 0);
                break;
            case "conditional":
                RequiredString(config, "condition_type", at + "condition_type", Invalid);
                if (OptionalNumber(config, "threshold", at + "threshold", Invalid) is < 0)
                {
                    throw Invalid(at + "threshold", "threshold must be at least 0");
                }

                AtLeast(config, "check_interval_seconds", at + "check_interval_seconds", 60);
                break;
            default:
                throw Invalid("body.trigger_type", $"Input should be {string.Join(", ", TriggerTypes)}");
        }
    }

    public static string? Status(JsonObject body)
    {
        var status = OptionalString(body, "status", "body.status", Invalid);
        return status is null || Statuses.Contains(status) ? status : throw Invalid("body.status", $"Input should be {string.Join(", ", Statuses)}");
    }

    private static void AtLeast(JsonObject body, string name, string path, long minimum)
    {
        if (OptionalInteger(body, name, path, Invalid) is { } value && value < minimum)
        {
            throw Invalid(path, $"Input should be greater than or equal to {minimum}");
        }
    }
}
