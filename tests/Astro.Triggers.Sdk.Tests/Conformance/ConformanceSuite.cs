using System.Text.Json;
using System.Text.Json.Nodes;

namespace Astro.Triggers.Sdk.Tests.Conformance;

/// <summary>The language-neutral suite in <c>tests/conformance/</c> (its README): the rule files, their cases, and this
/// language's accepted differences. Read once per test run.</summary>
internal static class ConformanceSuite
{
    public const string Language = "csharp";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);
    private static readonly Lazy<IReadOnlyDictionary<string, JsonObject>> LazyFiles = new(LoadRuleFiles);
    private static readonly Lazy<IReadOnlyDictionary<string, string>> LazyAccepted = new(LoadAccepted);

    /// <summary>tests/conformance, found by walking up from the test assembly to the folder holding the solution.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>Every rule file by its file name (without .json), which must equal its "rule".</summary>
    public static IReadOnlyDictionary<string, JsonObject> RuleFiles => LazyFiles.Value;

    /// <summary>This language's accepted differences: "rule/case" → reason.</summary>
    public static IReadOnlyDictionary<string, string> Accepted => LazyAccepted.Value;

    public static IEnumerable<(string File, string Name)> CaseIds() =>
        RuleFiles.OrderBy(f => f.Key, StringComparer.Ordinal)
            .SelectMany(f => Cases(f.Value).Select(c => (f.Key, (string)c!["name"]!)));

    public static JsonArray Cases(JsonObject file) => file["cases"]!.AsArray();

    public static JsonObject Case(string file, string name) =>
        Cases(RuleFiles[file]).Select(c => c!.AsObject()).Single(c => (string)c["name"]! == name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Astro.Triggers.Sdk.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "conformance");
            }
        }

        throw new InvalidOperationException($"No Astro.Triggers.Sdk.sln above {AppContext.BaseDirectory}: cannot find tests/conformance.");
    }

    private static Dictionary<string, JsonObject> LoadRuleFiles() =>
        Directory.GetFiles(Path.Combine(Root, "rules"), "*.json")
            .ToDictionary(path => Path.GetFileNameWithoutExtension(path), path => Parse(path).AsObject(), StringComparer.Ordinal);

    private static Dictionary<string, string> LoadAccepted()
    {
        var path = Path.Combine(Root, "accepted-differences", Language + ".json");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Parse(path).AsArray())
        {
            var id = (string)entry!["case"]!;
            if (!result.TryAdd(id, (string?)entry["reason"] ?? ""))
            {
                throw new InvalidOperationException($"{path} lists {id} twice.");
            }
        }

        return result;
    }

    private static JsonNode Parse(string path) =>
        JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow })
        ?? throw new InvalidOperationException($"{path} is empty.");
}
