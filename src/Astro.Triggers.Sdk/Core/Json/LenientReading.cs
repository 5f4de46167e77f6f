using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Astro.Triggers.Sdk.Core.Json;

/// <summary>Builds the options every generated operation reads responses with: the service's source-generated
/// context plus a metadata modifier (AOT-safe) that makes each optional scalar property lenient
/// (<see cref="LenientValueConverter{T}"/>). Required properties (<c>[JsonRequired]</c>, emitted by the generator
/// for required, non-nullable schema properties), properties with their own converter and non-nullable value
/// types stay strict. Writing (request bodies) uses the context unchanged.</summary>
internal static class LenientReading
{
    public static JsonSerializerOptions CreateOptions(JsonSerializerContext context) =>
        new(context.Options) { TypeInfoResolver = context.WithAddedModifier(Modify) };

    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    private static void Modify(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var extensionData = typeInfo.Properties.FirstOrDefault(p => p.IsExtensionData)?.Get;
        var any = false;
        foreach (var property in typeInfo.Properties)
        {
            if (property.IsRequired || property.IsExtensionData || property.CustomConverter is not null || property.Set is null
                || (!property.PropertyType.IsValueType && !property.IsSetNullable))
            {
                continue;
            }

            var converter = LenientConverters.For(property.PropertyType, typeInfo.Type.Name, property.Name, extensionData);
            if (converter is not null)
            {
                property.CustomConverter = converter;
                any = true;
            }
        }

        if (any)
        {
            // The model being read is the one a failing value belongs to: its extension data keeps the raw JSON.
            var deserializing = typeInfo.OnDeserializing;
            var deserialized = typeInfo.OnDeserialized;
            typeInfo.OnDeserializing = model =>
            {
                deserializing?.Invoke(model);
                LenientReadScope.Enter(model);
            };
            typeInfo.OnDeserialized = model =>
            {
                LenientReadScope.Leave(model);
                deserialized?.Invoke(model);
            };
        }
    }
}
