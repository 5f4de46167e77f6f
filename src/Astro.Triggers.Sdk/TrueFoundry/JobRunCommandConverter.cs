using System.Text.Json;
using System.Text.Json.Serialization;

namespace Astro.Triggers.Sdk.TrueFoundry;

/// <summary>Reads a <see cref="JobRunCommand"/> from a JSON string or array of strings and writes it back in the
/// same form (hand-written: the schema is a <c>oneOf</c> of primitives, which NSwag would type as a plain string).</summary>
internal sealed class JobRunCommandConverter : JsonConverter<JobRunCommand>
{
    public override JobRunCommand Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return JobRunCommand.FromText(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"A command is a string or a list of strings, found {reader.TokenType}.");
        }

        var parts = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            parts.Add(reader.TokenType == JsonTokenType.String
                ? reader.GetString()!
                : throw new JsonException($"A command list holds strings only, found {reader.TokenType}."));
        }

        return JobRunCommand.FromList(parts);
    }

    public override void Write(Utf8JsonWriter writer, JobRunCommand value, JsonSerializerOptions options)
    {
        if (value.Parts is { } parts)
        {
            writer.WriteStartArray();
            foreach (var part in parts)
            {
                writer.WriteStringValue(part);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteStringValue(value.Text);
        }
    }
}
