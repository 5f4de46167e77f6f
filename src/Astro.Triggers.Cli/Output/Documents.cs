using System.Text.Json.Nodes;

namespace Astro.Triggers.Cli.Output;

/// <summary>The --json documents (schema/astro-triggers.schema.json). Every one is an object with the same envelope:
/// <c>document</c> (which shape follows: run, runs, item, list, schedule, fakes, error), <c>service</c> (the SDK's
/// display name, or null), <c>exitCode</c> (the CLI's own exit code, as the process returns it) and <c>error</c> (null,
/// or an object with <c>kind</c> and <c>message</c>).</summary>
internal static class Documents
{
    public const string Run = "run";
    public const string Runs = "runs";
    public const string Item = "item";
    public const string List = "list";
    public const string Schedule = "schedule";
    public const string Fakes = "fakes";
    public const string Error = "error";
    public const string Starts = "starts";

    public static JsonObject Envelope(string document, string? service, int exitCode, JsonObject? error = null) => new()
    {
        ["document"] = document,
        ["service"] = service,
        ["exitCode"] = exitCode,
        ["error"] = error,
    };

    /// <summary>One object of a service (a job, a run, a trigger) with the envelope around its fields.</summary>
    public static JsonObject ForItem(string service, JsonObject item) => Merge(Envelope(Item, service, ExitCodes.Succeeded), item);

    public static JsonObject ForList(string service, IEnumerable<JsonObject> items) =>
        Merge(Envelope(List, service, ExitCodes.Succeeded), new JsonObject { ["items"] = new JsonArray([.. items.Select(i => (JsonNode)i)]) });

    public static JsonObject ErrorObject(string kind, string message) => new() { ["kind"] = kind, ["message"] = message };

    public static JsonObject Merge(JsonObject envelope, JsonObject fields)
    {
        foreach (var (name, value) in fields)
        {
            envelope[name] = value?.DeepClone();
        }

        return envelope;
    }
}
