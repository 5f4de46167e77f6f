using System.Text.RegularExpressions;

namespace Astro.Triggers.Sdk.Generator.Readers;

/// <summary>One property of a generated model, as its attributes and type say.</summary>
internal sealed record ModelProperty(string Name, string Wire, string Type, bool Required);

/// <summary>One generated model class: its own properties, its base, whether it keeps unknown properties
/// (<c>AdditionalProperties</c>), and for a union base its discriminator and cases. <see cref="Plain"/> is false when the
/// class carries anything a generated reader does not reproduce (a converter, an ignored member, an unusual member).</summary>
internal sealed record ModelClass(
    string Name,
    string? Base,
    IReadOnlyList<ModelProperty> Properties,
    bool ExtensionData,
    string? Discriminator,
    IReadOnlyList<(string Tag, string Type)> Cases,
    bool Plain);

/// <summary>An enum with its TolerantEnumConverter table: wire names and the members they read as.</summary>
internal sealed record ModelEnum(string Name, IReadOnlyList<string> WireNames, IReadOnlyList<string> Members);

/// <summary>The models of one document as the reader writer needs them, read back from the final model text (after
/// ModelPostProcessor and PropertyRewriter), so the readers follow exactly the attributes System.Text.Json sees.</summary>
internal sealed partial class ModelCatalog
{
    private const string Stj = "System.Text.Json.Serialization.";

    public IReadOnlyDictionary<string, ModelClass> Classes { get; }

    public IReadOnlyDictionary<string, ModelEnum> Enums { get; }

    private ModelCatalog(Dictionary<string, ModelClass> classes, Dictionary<string, ModelEnum> enums)
    {
        Classes = classes;
        Enums = enums;
    }

    public static ModelCatalog Parse(string models)
    {
        var classes = new Dictionary<string, ModelClass>();
        var starts = TypeStart().Matches(models).ToList();
        for (var i = 0; i < starts.Count; i++)
        {
            var m = starts[i];
            if (m.Groups["kind"].Value != "partial class")
            {
                continue;
            }

            var end = i + 1 < starts.Count ? starts[i + 1].Index : models.Length;
            var body = models[(m.Index + m.Length)..end];
            classes[m.Groups["name"].Value] = ParseClass(m, body);
        }

        var enums = new Dictionary<string, ModelEnum>();
        foreach (Match m in EnumConverter().Matches(models))
        {
            var wires = Verbatim().Matches(m.Groups["wires"].Value).Select(w => w.Groups[1].Value.Replace("\"\"", "\"", StringComparison.Ordinal)).ToList();
            var members = m.Groups["members"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            if (wires.Count == members.Count)
            {
                enums[m.Groups["enum"].Value] = new ModelEnum(m.Groups["enum"].Value, wires, members);
            }
        }

        return new ModelCatalog(classes, enums);
    }

    private static ModelClass ParseClass(Match start, string body)
    {
        var name = start.Groups["name"].Value;
        var plain = true;
        string? discriminator = null;
        var cases = new List<(string, string)>();
        foreach (Match attribute in AttributeLine().Matches(start.Groups["attrs"].Value))
        {
            var text = attribute.Groups[1].Value;
            if (Polymorphic().Match(text) is { Success: true } p)
            {
                discriminator = p.Groups[1].Value;
            }
            else if (Derived().Match(text) is { Success: true } d)
            {
                cases.Add((d.Groups["tag"].Value, d.Groups["type"].Value));
            }
            else if (!text.StartsWith("System.CodeDom.Compiler.GeneratedCode", StringComparison.Ordinal))
            {
                plain = false;
            }
        }

        var properties = new List<ModelProperty>();
        foreach (Match p in Property().Matches(body))
        {
            var required = false;
            string? wire = null;
            foreach (Match attribute in AttributeLine().Matches(p.Groups["attrs"].Value))
            {
                var text = attribute.Groups[1].Value;
                if (text == Stj + "JsonRequired")
                {
                    required = true;
                }
                else if (WireName().Match(text) is { Success: true } w)
                {
                    wire = w.Groups[1].Value;
                }
                else if (text != "System.Obsolete")
                {
                    plain = false;
                }
            }

            if (wire is null)
            {
                plain = false;
                continue;
            }

            properties.Add(new ModelProperty(p.Groups["name"].Value, wire, p.Groups["type"].Value, required));
        }

        var extension = body.Contains($"[{Stj}JsonExtensionData]", StringComparison.Ordinal);
        if (extension && !body.Contains("public System.Collections.Generic.IDictionary<string, object> AdditionalProperties", StringComparison.Ordinal))
        {
            plain = false;
        }

        // Every public member is a property read above or the extension data; anything else is not ours to reproduce.
        var members = PublicMember().Count(body);
        if (members != properties.Count + (extension ? 1 : 0) || body.Contains("JsonConstructor", StringComparison.Ordinal))
        {
            plain = false;
        }

        var baseName = start.Groups["base"].Success ? start.Groups["base"].Value : null;
        return new ModelClass(name, baseName, properties, extension, discriminator, cases, plain);
    }

    [GeneratedRegex(@"(?<attrs>(?:^[ \t]*\[[^\n]*\]\r?\n)*)^[ \t]*(?:public|internal) (?<kind>partial class|enum|sealed class|static class|sealed partial class) (?<name>\w+)(?:[ \t]*:[ \t]*(?<base>[\w.]+))?", RegexOptions.Multiline)]
    private static partial Regex TypeStart();

    [GeneratedRegex(@"^[ \t]*\[(.*)\][ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex AttributeLine();

    [GeneratedRegex(@"^System\.Text\.Json\.Serialization\.JsonPolymorphic\(TypeDiscriminatorPropertyName = ""([^""]+)""\)$")]
    private static partial Regex Polymorphic();

    [GeneratedRegex(@"^System\.Text\.Json\.Serialization\.JsonDerivedType\(typeof\((?<type>\w+)\), typeDiscriminator: ""(?<tag>[^""]+)""\)$")]
    private static partial Regex Derived();

    [GeneratedRegex(@"^System\.Text\.Json\.Serialization\.JsonPropertyName\(""([^""]+)""\)$")]
    private static partial Regex WireName();

    [GeneratedRegex(@"(?<attrs>(?:^[ \t]*\[[^\n]*\]\n)*)^[ \t]*public (?<type>System\.Collections\.Generic\.IDictionary<string, \S+>\??|\S+) (?<name>\w+) \{ get; set; \}", RegexOptions.Multiline)]
    private static partial Regex Property();

    [GeneratedRegex(@"^[ \t]*public ", RegexOptions.Multiline)]
    private static partial Regex PublicMember();

    [GeneratedRegex(@"internal sealed class \w+ : global::Astro\.Triggers\.Sdk\.Core\.Json\.TolerantEnumConverter<(?<enum>\w+)>\s*\{\s*public \w+\(\)\s*: base\(\k<enum>\.\w+, \[(?<wires>[^\]]*)\], \[(?<members>[^\]]*)\]\)")]
    private static partial Regex EnumConverter();

    [GeneratedRegex(@"@""((?:[^""]|"""")*)""")]
    private static partial Regex Verbatim();
}
