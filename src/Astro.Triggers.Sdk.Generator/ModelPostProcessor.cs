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

        foreach (var type in internalTypes)
        {
            result = result.Replace($"public partial class {type}\n", $"internal partial class {type}\n", StringComparison.Ordinal);
        }

        // Enum items of arrays are covered by the context's UseStringEnumConverter; NSwag's reminder is moot.
        return NSwagTodo().Replace(result, string.Empty);
    }

    [GeneratedRegex(@"^(?<indent>[ \t]*)\[System\.Runtime\.Serialization\.EnumMember\(Value = @""(?<value>[^""]*)""\)\]", RegexOptions.Multiline)]
    private static partial Regex EnumMember();

    [GeneratedRegex(@"^(?<indent>[ \t]+)(?<name>[A-Z][A-Z0-9]*(_[A-Z0-9]+)+|[A-Z]{2,}) = (?<value>\d+),$", RegexOptions.Multiline)]
    private static partial Regex ShoutingEnumMember();

    [GeneratedRegex(@"^[ \t]*// TODO\(system\.text\.json\).*\n", RegexOptions.Multiline)]
    private static partial Regex NSwagTodo();
}
