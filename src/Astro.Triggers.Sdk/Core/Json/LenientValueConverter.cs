using System.Text.Json;
using System.Text.Json.Serialization;

namespace Astro.Triggers.Sdk.Core.Json;

/// <summary>Reads an optional scalar property: a value that does not parse as its type reads as null instead of
/// failing the whole response (a page of 100 jobs is not lost to one bad <c>completedAt</c>); the raw JSON is
/// handed to <see cref="LenientReadScope"/>, which logs it and keeps it on the model. Put on properties by
/// <see cref="LenientReading"/>, never on required ones, which still fail naming the field.</summary>
internal abstract class LenientValueConverter<T>(LenientSite site) : JsonConverter<T>
{
    // Nullable<T> converters see null tokens anyway; reference types get null without a call.
    public override bool HandleNull => false;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // A copy, so a half-read composite value can still be skipped from where it began.
        var copy = reader;
        try
        {
            if (TryRead(ref copy, options, out var value))
            {
                reader = copy;
                return value;
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            // Falls through: the value is kept raw below.
        }

        using var raw = JsonDocument.ParseValue(ref reader);
        LenientReadScope.Record(site, raw.RootElement.Clone());
        return default;
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));

    protected abstract bool TryRead(ref Utf8JsonReader reader, JsonSerializerOptions options, out T? value);
}
