using System.Text.RegularExpressions;

namespace Astro.Triggers.Sdk.Generator;

/// <summary>Adjusts NSwag's System.Text.Json output where it does not fit source-generated, AOT-safe JSON.</summary>
internal static partial class ModelPostProcessor
{
    public static string Apply(string models)
    {
        // System.Text.Json ignores [EnumMember]; without this, CursorDirection.Forward is written "Forward".
        var result = EnumMember().Replace(models, m =>
            $"{m.Groups["indent"].Value}[System.Text.Json.Serialization.JsonStringEnumMemberName(@\"{m.Groups["value"].Value}\")]\n{m.Value}");

        // Enum items of arrays are covered by the context's UseStringEnumConverter; NSwag's reminder is moot.
        return NSwagTodo().Replace(result, string.Empty);
    }

    [GeneratedRegex(@"^(?<indent>[ \t]*)\[System\.Runtime\.Serialization\.EnumMember\(Value = @""(?<value>[^""]*)""\)\]", RegexOptions.Multiline)]
    private static partial Regex EnumMember();

    [GeneratedRegex(@"^[ \t]*// TODO\(system\.text\.json\).*\n", RegexOptions.Multiline)]
    private static partial Regex NSwagTodo();
}
