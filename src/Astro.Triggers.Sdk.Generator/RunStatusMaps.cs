using System.Collections;
using System.Text;
using System.Text.RegularExpressions;
using NSwag;

namespace Astro.Triggers.Sdk.Generator;

/// <summary>One schema's <c>x-astro-run-status</c>: each wire value of its enum → a common run status, in the
/// enum's order.</summary>
internal sealed record RunStatusMap(string Schema, bool Handwritten, IReadOnlyList<KeyValuePair<string, string>> Entries);

/// <summary>Reads and writes <c>x-astro-run-status</c> (openapi/README.md, "Run statuses"): on a string enum schema,
/// a map from every wire value to the common status (queued, running, succeeded, failed, cancelled, unknown). The
/// generator emits <c>{Service}RunStatuses</c> in the Generated namespace: per schema a wire table
/// (<c>{Schema}Words</c>, for maps by text such as Shipyard's CSV words) and, for an enum it generated, a switch
/// (<c>From{Schema}</c>) over the enum's members, so the hand-written maps hold no table of their own.</summary>
internal static partial class RunStatusMaps
{
    public const string Extension = "x-astro-run-status";

    /// <summary>The common statuses, as the document spells them → the member of <c>Astro.Triggers.Sdk.RunStatus</c>.</summary>
    private static readonly Dictionary<string, string> Common = new(StringComparer.Ordinal)
    {
        ["queued"] = "Queued",
        ["running"] = "Running",
        ["succeeded"] = "Succeeded",
        ["failed"] = "Failed",
        ["cancelled"] = "Cancelled",
        ["unknown"] = "Unknown",
    };

    /// <summary>Every schema that carries the extension, checked: a string enum, every value mapped, no key that is
    /// not a value, every status a common one. Each failure is a <see cref="SpecException"/> naming the schema and value.</summary>
    public static IReadOnlyList<RunStatusMap> Read(OpenApiDocument document, IReadOnlySet<string> handwritten)
    {
        var maps = new List<RunStatusMap>();
        foreach (var (name, schema) in document.Components.Schemas)
        {
            if (schema.ExtensionData is null || !schema.ExtensionData.TryGetValue(Extension, out var raw))
            {
                continue;
            }

            var values = schema.Enumeration.Select(v => v?.ToString()).ToList();
            if (values.Count == 0 || values.Any(v => v is null))
            {
                throw new SpecException($"schema '{name}' has {Extension} but is not an enum of strings (the map's keys are its wire values)");
            }

            var pairs = Pairs(name, raw);
            foreach (var (wire, _) in pairs)
            {
                if (!values.Contains(wire, StringComparer.Ordinal))
                {
                    throw new SpecException($"schema '{name}' {Extension} maps '{wire}', which is not one of its enum values ({string.Join(", ", values)})");
                }
            }

            var entries = new List<KeyValuePair<string, string>>();
            foreach (var wire in values)
            {
                var found = pairs.Where(p => p.Key == wire).Select(p => p.Value).ToList();
                if (found.Count == 0)
                {
                    throw new SpecException($"schema '{name}' {Extension} does not map its enum value '{wire}' (give it a common status, 'unknown' if none fits)");
                }

                if (!Common.ContainsKey(found[0]))
                {
                    throw new SpecException(
                        $"schema '{name}' {Extension} maps '{wire}' to '{found[0]}', which is not a common run status ({string.Join(", ", Common.Keys)})");
                }

                entries.Add(new(wire!, found[0]));
            }

            maps.Add(new RunStatusMap(name, handwritten.Contains(name), entries));
        }

        return maps;
    }

    /// <summary>The extension's value as (key, value) texts: YAML loaders hand a map over as a dictionary or a JSON object.</summary>
    private static List<KeyValuePair<string, string>> Pairs(string schema, object? raw)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        switch (raw)
        {
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    pairs.Add(new(entry.Key.ToString()!, Text(entry.Value)));
                }

                break;
            case Newtonsoft.Json.Linq.JObject json:
                foreach (var property in json.Properties())
                {
                    pairs.Add(new(property.Name, Text(property.Value)));
                }

                break;
            case IEnumerable<KeyValuePair<string, object?>> items:
                pairs.AddRange(items.Select(i => new KeyValuePair<string, string>(i.Key, Text(i.Value))));
                break;
            default:
                throw new SpecException($"schema '{schema}' {Extension} is not a map of wire value → common status (e.g. {{ QUEUED: queued }})");
        }

        return pairs;

        static string Text(object? value) => value switch
        {
            null => string.Empty,
            Newtonsoft.Json.Linq.JValue json => json.Value?.ToString() ?? string.Empty,
            _ => value.ToString() ?? string.Empty,
        };
    }

    /// <summary>The <c>{Service}RunStatuses</c> class for the maps, or nothing when the document has none. The enum
    /// members' C# names are read from <paramref name="models"/> (NSwag's output after ModelPostProcessor).</summary>
    public static string Write(string service, string modelNamespace, IReadOnlyList<RunStatusMap> maps, string models)
    {
        if (maps.Count == 0)
        {
            return string.Empty;
        }

        const string status = "global::Astro.Triggers.Sdk.RunStatus";
        var sb = new StringBuilder();
        void Line(string text) => sb.Append(text).Append('\n');

        Line(string.Empty);
        Line($"namespace {modelNamespace}.Generated");
        Line("{");
        Line($"    /// <summary>The common run status of each {service} status word, from the document's {Extension}.</summary>");
        Line("    [global::System.CodeDom.Compiler.GeneratedCode(\"Astro.Triggers.Sdk.Generator\", \"1.0\")]");
        Line($"    internal static class {service}RunStatuses");
        Line("    {");
        foreach (var map in maps)
        {
            Line($"        /// <summary>{map.Schema}: each wire value → its common status, in the document's order.</summary>");
            Line($"        public static readonly global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.KeyValuePair<string, {status}>> {map.Schema}Words =");
            Line("        [");
            foreach (var (wire, common) in map.Entries)
            {
                Line($"            new({Naming.Literal(wire)}, {status}.{Common[common]}),");
            }

            Line("        ];");
            Line(string.Empty);
            if (map.Handwritten)
            {
                continue;
            }

            var members = EnumMembers(map.Schema, models);
            var type = $"global::{modelNamespace}.{map.Schema}";
            Line($"        /// <summary>The common status of a {map.Schema} value; Unknown (a value the SDK does not know) is unknown.</summary>");
            Line($"        public static {status} From{map.Schema}({type} value) => value switch");
            Line("        {");
            // One arm per value, in the document's order; unknown is the default arm (it also takes the Unknown member
            // ModelPostProcessor adds for a value the service sends later).
            foreach (var (wire, common) in map.Entries.Where(e => e.Value != "unknown"))
            {
                Line($"            {type}.{Member(map.Schema, members, wire)} => {status}.{Common[common]},");
            }

            Line($"            _ => {status}.Unknown,");
            Line("        };");
            Line(string.Empty);
        }

        Line("    }");
        Line("}");
        return sb.ToString();
    }

    private static string Member(string schema, Dictionary<string, string> members, string wire) =>
        members.TryGetValue(wire, out var member)
            ? member
            : throw new SpecException($"schema '{schema}' {Extension}: the generated enum has no member for '{wire}'");

    /// <summary>Wire value → C# member name of one generated enum, read from the pinned JsonStringEnumMemberName.</summary>
    private static Dictionary<string, string> EnumMembers(string schema, string models)
    {
        var declaration = Regex.Match(models, $@"^[ \t]*(?:public|internal) enum {Regex.Escape(schema)}\s*\{{(?<body>.*?)\n[ \t]*\}}", RegexOptions.Multiline | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        if (!declaration.Success)
        {
            throw new SpecException($"schema '{schema}' has {Extension} but no enum was generated for it (mark it x-astro-handwritten to keep only the word table)");
        }

        return MemberPattern().Matches(declaration.Groups["body"].Value)
            .ToDictionary(m => m.Groups["wire"].Value.Replace("\"\"", "\"", StringComparison.Ordinal), m => m.Groups["member"].Value, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"JsonStringEnumMemberName\(@""(?<wire>(?:[^""]|"""")*)""\)\][^\n]*\n(?:[ \t]*\[[^\n]*\n)*[ \t]*(?<member>\w+) = \d+,")]
    private static partial Regex MemberPattern();
}
