using NJsonSchema;
using NSwag;

namespace Astro.Triggers.Sdk.Generator;

/// <summary>What our documents must satisfy before generation; each failure names the place in the spec.</summary>
internal static class SpecRules
{
    public static void Check(OpenApiDocument document)
    {
        if (document.Paths.Count == 0)
        {
            throw new SpecException("the document has no paths");
        }

        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item)
            {
                if (string.IsNullOrWhiteSpace(operation.OperationId))
                {
                    throw new SpecException($"{method.ToUpperInvariant()} {path} has no operationId (generated method names come from it)");
                }
            }
        }

        foreach (var (name, schema) in document.Components.Schemas)
        {
            CheckUnion(name, schema);
            foreach (var (propertyName, property) in schema.ActualProperties)
            {
                CheckUnion($"{name}.{propertyName}", property);
            }
        }
    }

    // NSwag references a class it never emits for oneOf + discriminator, which would surface later as a
    // confusing compile error in generated code; say what to write instead.
    private static void CheckUnion(string where, JsonSchema schema)
    {
        if (schema.OneOf.Count > 0 && schema.DiscriminatorObject is not null)
        {
            throw new SpecException(
                $"schema '{where}' is a oneOf union with a discriminator; write it as a base schema with the discriminator " +
                "and one allOf schema per case (see openapi/README.md, 'Unions')");
        }
    }

    /// <summary>Reads a boolean vendor extension (x-astro-…); YAML loaders hand it over as bool or text.</summary>
    public static bool Flag(IDictionary<string, object?>? extensions, string name) =>
        extensions is not null && extensions.TryGetValue(name, out var value)
        && (value is true || string.Equals(value?.ToString(), "true", StringComparison.OrdinalIgnoreCase));
}
