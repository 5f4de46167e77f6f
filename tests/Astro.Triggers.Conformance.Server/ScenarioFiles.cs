using System.Text.Json;
using System.Text.Json.Nodes;

namespace Astro.Triggers.Conformance.Server;

/// <summary>The scenario files of <c>tests/conformance/scenarios/</c>: every scenario by its id, <c>&lt;file&gt;/&lt;name&gt;</c>
/// (file name without .json). Shared by the server and the C# runner, so both read the files the same way.</summary>
public static class ScenarioFiles
{
    /// <summary>Every scenario under <paramref name="folder"/>, ordered by id.</summary>
    public static IReadOnlyList<(string Id, JsonObject Scenario)> Load(string folder)
    {
        var result = new List<(string, JsonObject)>();
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileNameWithoutExtension(path);
            var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow })
                ?? throw new InvalidDataException($"{path} is empty.");
            var scenarios = root["scenarios"]?.AsArray() ?? throw new InvalidDataException($"{path} has no \"scenarios\" array.");
            foreach (var scenario in scenarios)
            {
                var obj = scenario?.AsObject() ?? throw new InvalidDataException($"{path} holds a null scenario.");
                var name = (string?)obj["name"] ?? throw new InvalidDataException($"{path} holds a scenario without a name.");
                result.Add(($"{file}/{name}", obj));
            }
        }

        return result;
    }

    /// <summary>tests/conformance/scenarios, found by walking up from <paramref name="start"/> to the folder holding the solution.</summary>
    public static string FindFolder(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Astro.Triggers.Sdk.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "conformance", "scenarios");
            }
        }

        throw new DirectoryNotFoundException($"No Astro.Triggers.Sdk.sln above {start}: cannot find tests/conformance/scenarios.");
    }
}
