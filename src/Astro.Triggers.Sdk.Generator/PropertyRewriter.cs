using System.Text;
using System.Text.RegularExpressions;

namespace Astro.Triggers.Sdk.Generator;

/// <summary>Applies <see cref="PropertyFacts"/> to NSwag's model text, class by class.</summary>
internal static partial class PropertyRewriter
{
    /// <summary>Marks required properties whose C# type cannot hold null with <c>[JsonRequired]</c>, so a response
    /// without them fails naming the field instead of reading as a default (0, false, an empty object) that looks
    /// real; required-but-nullable ones (Agentset's <c>completedAt: string|null</c>) stay lenient. Restores
    /// references to hand-written types.</summary>
    public static string Apply(string models, PropertyFacts facts)
    {
        var starts = ClassStart().Matches(models).ToList();
        if (starts.Count == 0)
        {
            return models;
        }

        var sb = new StringBuilder(models.Length + 1024);
        sb.Append(models, 0, starts[0].Index);
        for (var i = 0; i < starts.Count; i++)
        {
            var start = starts[i].Index;
            var end = i + 1 < starts.Count ? starts[i + 1].Index : models.Length;
            var className = starts[i].Groups["name"].Value;
            sb.Append(Property().Replace(models[start..end], m => Rewrite(m, className, facts)));
        }

        return sb.ToString();
    }

    private static string Rewrite(Match m, string className, PropertyFacts facts)
    {
        var key = (className, m.Groups["wire"].Value);
        var type = m.Groups["type"].Value;
        if (facts.TypeOverrides.TryGetValue(key, out var handwritten))
        {
            type = handwritten + (type.EndsWith('?') ? "?" : string.Empty);
        }

        var required = facts.Required.Contains(key) && !type.EndsWith('?')
            ? $"{m.Groups["indent"].Value}[System.Text.Json.Serialization.JsonRequired]\n"
            : string.Empty;
        return required + m.Groups["attr"].Value + m.Groups["between"].Value + m.Groups["indent"].Value
            + "public " + type + " " + m.Groups["name"].Value + " {";
    }

    [GeneratedRegex(@"^[ \t]*(?:public|internal) partial class (?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex ClassStart();

    [GeneratedRegex(
        @"(?<attr>^[ \t]*\[System\.Text\.Json\.Serialization\.JsonPropertyName\(""(?<wire>[^""]+)""\)\]\n)(?<between>(?:[ \t]*\[[^\n]*\]\n)*)(?<indent>[ \t]*)public (?<type>\S+) (?<name>\w+) \{",
        RegexOptions.Multiline)]
    private static partial Regex Property();
}
