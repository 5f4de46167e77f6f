using System.Text.RegularExpressions;

namespace Astro.Triggers.Sdk.Generator;

/// <summary>Adjusts NSwag's System.Text.Json output where it does not fit source-generated, AOT-safe JSON
/// or our public surface.</summary>
internal static partial class ModelPostProcessor
{
    public static string Apply(string models, IReadOnlySet<string> internalTypes)
    {
        // System.Text.Json ignores [EnumMember]; without this, CursorDirection.Forward is written "Forward".
        var result = EnumMember().Replace(models, m =>
            $"{m.Groups["indent"].Value}[System.Text.Json.Serialization.JsonStringEnumMemberName(@\"{m.Groups["value"].Value}\")]\n{m.Value}");

        // NSwag keeps SHOUTING_CASE wire values as member names; the wire value is pinned above, so the
        // C# name can follow .NET conventions (QUEUED_FOR_DELETE -> QueuedForDelete).
        result = ShoutingEnumMember().Replace(result, m =>
            $"{m.Groups["indent"].Value}{Naming.Pascal(m.Groups["name"].Value.ToLowerInvariant())} = {m.Groups["value"].Value},");

        // Classes, derived classes ("class X : Base") and enums alike: matching only "public partial class X\n"
        // left a marked enum or allOf case public.
        foreach (var type in internalTypes)
        {
            result = Regex.Replace(
                result,
                $@"^(?<indent>[ \t]*)public (?<kind>partial class|enum) {Regex.Escape(type)}(?=[ \t]*(:|\r?\n))",
                m => $"{m.Groups["indent"].Value}internal {m.Groups["kind"].Value} {type}",
                RegexOptions.Multiline,
                TimeSpan.FromSeconds(1));
        }

        result = Enum().Replace(result, ToleratingUnknown);

        // NSwag pins JsonStringEnumConverter<T> on enum properties, which would win over the enum's own converter.
        result = PropertyEnumConverter().Replace(result, string.Empty);

        // Enum items of arrays are covered by the converter on the enum type; NSwag's reminder is moot.
        return NSwagTodo().Replace(result, string.Empty);
    }

    /// <summary>Each enum of the processed models with its members' wire names (what a query value sends).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<EnumWireName>> EnumWireNames(string models) =>
        Enum().Matches(models).ToDictionary(
            m => m.Groups["name"].Value,
            m => (IReadOnlyList<EnumWireName>)WireMember().Matches(m.Groups["body"].Value)
                .Select(w => new EnumWireName(w.Groups["member"].Value, w.Groups["wire"].Value.Replace("\"\"", "\"", StringComparison.Ordinal)))
                .ToList(),
            StringComparer.Ordinal);

    /// <summary>Every enum reads a value it does not know as Unknown (TolerantEnumConverter), adding the member
    /// where the spec has none, so a status the service adds later does not fail a whole response. Its converter, a
    /// small class emitted beside it, hands TolerantEnumConverter the wire names and their members, so a known value
    /// is read without reflection over the enum's fields (issue 30: that, and the string enum converter's tables, were
    /// ~40 methods to compile per enum on a process's first response).</summary>
    private static string ToleratingUnknown(Match m)
    {
        var name = m.Groups["name"].Value;
        var body = m.Groups["body"].Value;
        var indent = m.Groups["indent"].Value;
        var converterName = name + "JsonConverter";
        var converter = $"{indent}[System.Text.Json.Serialization.JsonConverter(typeof({converterName}))]\n";
        if (!UnknownMember().IsMatch(body))
        {
            var next = EnumValue().Matches(body).Select(v => int.Parse(v.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max() + 1;
            body += $"\n        /// <summary>A value this version of the SDK does not know (the service added it later). Never sent.</summary>\n        Unknown = {next},\n";
        }

        var members = WireMember().Matches(body);
        var wireNames = string.Join(", ", members.Select(w => $"@\"{w.Groups["wire"].Value}\""));
        var values = string.Join(", ", members.Select(w => $"{name}.{w.Groups["member"].Value}"));
        var converterClass =
            $"\n\n{indent}/// <summary>Reads and writes <see cref=\"{name}\"/> by its wire names (TolerantEnumConverter).</summary>\n"
            + $"{indent}internal sealed class {converterName} : global::Astro.Triggers.Sdk.Core.Json.TolerantEnumConverter<{name}>\n"
            + $"{indent}{{\n"
            + $"{indent}    public {converterName}()\n"
            + $"{indent}        : base({name}.Unknown, [{wireNames}], [{values}])\n"
            + $"{indent}    {{\n"
            + $"{indent}    }}\n"
            + $"{indent}}}";

        return converter + indent + m.Groups["head"].Value + body + m.Groups["tail"].Value + converterClass;
    }

    /// <summary>A member with its wire name: the name attribute, any other attributes, then the member.</summary>
    [GeneratedRegex(@"\[System\.Text\.Json\.Serialization\.JsonStringEnumMemberName\(@""(?<wire>(?:[^""]|"""")*)""\)\]\s*\n(?:[ \t]*\[[^\n]*\]\s*\n)*[ \t]*(?<member>\w+) = -?\d+,")]
    private static partial Regex WireMember();

    [GeneratedRegex(@"^(?<indent>[ \t]*)(?<head>(?:public|internal) enum (?<name>\w+)\s*\{)(?<body>.*?)(?<tail>\n[ \t]*\})", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Enum();

    [GeneratedRegex(@"^[ \t]*\[System\.Text\.Json\.Serialization\.JsonConverter\(typeof\(System\.Text\.Json\.Serialization\.JsonStringEnumConverter<\w+>\)\)\]\r?\n", RegexOptions.Multiline)]
    private static partial Regex PropertyEnumConverter();

    [GeneratedRegex(@"^\s*Unknown = \d+,", RegexOptions.Multiline)]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@" = (\d+),")]
    private static partial Regex EnumValue();

    [GeneratedRegex(@"^(?<indent>[ \t]*)\[System\.Runtime\.Serialization\.EnumMember\(Value = @""(?<value>[^""]*)""\)\]", RegexOptions.Multiline)]
    private static partial Regex EnumMember();

    [GeneratedRegex(@"^(?<indent>[ \t]+)(?<name>[A-Z][A-Z0-9]*(_[A-Z0-9]+)+|[A-Z]{2,}) = (?<value>\d+),$", RegexOptions.Multiline)]
    private static partial Regex ShoutingEnumMember();

    [GeneratedRegex(@"^[ \t]*// TODO\(system\.text\.json\).*\n", RegexOptions.Multiline)]
    private static partial Regex NSwagTodo();
}
