using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Astro.Triggers.Sdk.Testing.Core;
using static Astro.Triggers.Sdk.Testing.Core.FakeJson;

namespace Astro.Triggers.Sdk.Testing.Agentset;

/// <summary>What Agentset refuses in a create body or list query: 422 <c>unprocessable_entity</c> naming the field.</summary>
internal static partial class AgentsetRules
{
    public static readonly string[] Statuses =
        ["BACKLOG", "QUEUED", "QUEUED_FOR_RESYNC", "QUEUED_FOR_DELETE", "PRE_PROCESSING", "PROCESSING", "DELETING", "CANCELLING", "COMPLETED", "FAILED", "CANCELLED"];

    private static readonly string[] PayloadTypes = ["TEXT", "FILE", "MANAGED_FILE", "CRAWL", "YOUTUBE", "BATCH"];
    private static readonly string[] BatchItemTypes = ["TEXT", "FILE", "MANAGED_FILE"];
    private static readonly string[] Modes = ["fast", "balanced", "accurate"];

    public static FakeRejection Invalid(string path, string message) => new(422, "unprocessable_entity", message, path);

    [GeneratedRegex(@"^[A-Za-z0-9]{1,64}\z")]
    public static partial Regex TenantPattern();

    public static void CheckCreate(JsonObject body)
    {
        OptionalString(body, "name", "name", Invalid);
        OptionalString(body, "externalId", "externalId", Invalid);
        var payload = OptionalObject(body, "payload", "payload", Invalid) ?? throw Invalid("payload", "payload is required.");
        CheckPayload(payload);
        if (OptionalObject(body, "config", "config", Invalid) is { } config)
        {
            CheckConfig(config, "config");
        }
    }

    private static void CheckPayload(JsonObject payload)
    {
        var type = RequiredString(payload, "type", "payload.type", Invalid);
        switch (type)
        {
            case "TEXT":
                RequiredString(payload, "text", "payload.text", Invalid);
                break;
            case "FILE":
                Url(payload, "fileUrl", "payload.fileUrl");
                break;
            case "MANAGED_FILE":
                RequiredString(payload, "key", "payload.key", Invalid);
                break;
            case "CRAWL":
                Url(payload, "url", "payload.url");
                AtLeast(payload, "maxDepth", "payload.maxDepth", 1);
                AtLeast(payload, "limit", "payload.limit", 1);
                break;
            case "YOUTUBE":
                var urls = OptionalArray(payload, "urls", "payload.urls", Invalid);
                if (urls is null || urls.Count == 0 || urls.Any(u => u is null || !IsAbsoluteHttpUrl(u.ToString())))
                {
                    throw Invalid("payload.urls", "payload.urls must hold at least one absolute http(s) URL.");
                }

                break;
            case "BATCH":
                var items = OptionalArray(payload, "items", "payload.items", Invalid);
                if (items is null || items.Count == 0)
                {
                    throw Invalid("payload.items", "payload.items must hold at least one item.");
                }

                for (var i = 0; i < items.Count; i++)
                {
                    CheckBatchItem(items[i] as JsonObject ?? throw Invalid($"payload.items[{i}]", $"payload.items[{i}] must be an object."), $"payload.items[{i}]");
                }

                break;
            default:
                throw Invalid("payload.type", $"payload.type must be one of {string.Join(", ", PayloadTypes)}.");
        }
    }

    private static void CheckBatchItem(JsonObject item, string path)
    {
        var type = RequiredString(item, "type", path + ".type", Invalid);
        _ = type switch
        {
            "TEXT" => RequiredString(item, "text", path + ".text", Invalid),
            "FILE" => Url(item, "fileUrl", path + ".fileUrl"),
            "MANAGED_FILE" => RequiredString(item, "key", path + ".key", Invalid),
            _ => throw Invalid(path + ".type", $"{path}.type must be one of {string.Join(", ", BatchItemTypes)}."),
        };
        if (OptionalObject(item, "config", path + ".config", Invalid) is { } config)
        {
            CheckConfig(config, path + ".config");
        }
    }

    private static void CheckConfig(JsonObject config, string path)
    {
        AtLeast(config, "chunkSize", path + ".chunkSize", 32);
        var mode = OptionalString(config, "mode", path + ".mode", Invalid);
        if (mode is not null && !Modes.Contains(mode))
        {
            throw Invalid(path + ".mode", $"{path}.mode must be one of {string.Join(", ", Modes)}.");
        }

        if (OptionalObject(config, "metadata", path + ".metadata", Invalid) is { } metadata)
        {
            foreach (var (key, value) in metadata)
            {
                if (value is JsonObject || (value is JsonArray array && array.Any(v => v is not JsonValue)))
                {
                    throw Invalid($"{path}.metadata.{key}", $"{path}.metadata.{key}: metadata values are strings, numbers, booleans or string arrays, never nested objects.");
                }
            }
        }
    }

    private static string Url(JsonObject body, string name, string path)
    {
        var value = RequiredString(body, name, path, Invalid);
        return IsAbsoluteHttpUrl(value) ? value : throw Invalid(path, $"{path} must be an absolute http(s) URL.");
    }

    private static void AtLeast(JsonObject body, string name, string path, long minimum)
    {
        if (OptionalInteger(body, name, path, Invalid) is { } value && value < minimum)
        {
            throw Invalid(path, $"{path} must be at least {minimum}.");
        }
    }
}
