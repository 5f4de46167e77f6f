using System.Text.Json;
using System.Text.Json.Nodes;

namespace Astro.Triggers.Sdk.Tests.Conformance.Vocabulary;

/// <summary>tests/conformance/vocabulary/vocabulary.json: the concepts (the same name in every language) and the
/// accepted differences (one language only, or spelled otherwise; <c>drift</c> marks the ones with no reason to
/// exist).</summary>
internal sealed class VocabularyMap
{
    public sealed record Entry(string List, int Index, string? Kind, string? CSharp, string? TypeScript, string? Reason, bool? Drift, JsonObject Json);

    public static string RelativePath => "tests/conformance/vocabulary/vocabulary.json";

    public static VocabularyMap Load() =>
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(ConformanceSuite.Root, "vocabulary", "vocabulary.json")),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow })!.AsObject());

    private VocabularyMap(JsonObject root)
    {
        MemberKinds = root["memberKinds"]!.AsArray().Select(k => (string)k!).ToHashSet(StringComparer.Ordinal);
        Entries = [.. Read(root, "concepts"), .. Read(root, "accepted")];
    }

    public IReadOnlySet<string> MemberKinds { get; }

    public IReadOnlyList<Entry> Entries { get; }

    private static IEnumerable<Entry> Read(JsonObject root, string list) =>
        root[list]!.AsArray().Select((node, i) =>
        {
            var e = node!.AsObject();
            return new Entry(list, i, (string?)e["kind"], (string?)e["csharp"], (string?)e["typescript"], (string?)e["reason"],
                e["drift"] is JsonValue d && d.TryGetValue<bool>(out var drift) ? drift : null, e);
        });
}
