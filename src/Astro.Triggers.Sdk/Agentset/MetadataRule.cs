using System.Text.Json;

namespace Astro.Triggers.Sdk.Agentset;

/// <summary>Agentset metadata values are strings, numbers, booleans or string arrays, never nested objects.</summary>
internal static class MetadataRule
{
    public static void Check(IDictionary<string, object>? metadata, string argumentName)
    {
        if (metadata is null)
        {
            return;
        }

        foreach (var (key, value) in metadata)
        {
            var ok = value switch
            {
                string or bool or int or long or double or float or decimal or short or byte => true,
                IEnumerable<string> => true,
                JsonElement e => e.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                    || (e.ValueKind == JsonValueKind.Array && e.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String)),
                _ => false,
            };
            if (!ok)
            {
                throw new ArgumentException(
                    $"'{argumentName}[\"{key}\"]' must be a string, number, boolean or string array (was {value?.GetType().Name ?? "null"}).",
                    argumentName);
            }
        }
    }
}
