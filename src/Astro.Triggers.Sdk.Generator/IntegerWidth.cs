using NJsonSchema;
using NSwag;

namespace Astro.Triggers.Sdk.Generator;

/// <summary>An <c>integer</c> without a <c>format</c> is 64-bit: OpenAPI puts no bound on it, and NSwag's default
/// (<c>int</c>) turns a count the service sends as 3000000000 into a failed response (issue 25). Only an explicit
/// <c>format: int32</c> gives <c>int</c>. Applied to the document before generation, so models and parameters agree.</summary>
internal static class IntegerWidth
{
    public static void Apply(OpenApiDocument document)
    {
        var seen = new HashSet<JsonSchema>();
        foreach (var schema in document.Components.Schemas.Values)
        {
            Visit(schema, seen);
        }

        foreach (var item in document.Paths.Values)
        {
            foreach (var operation in item.Values)
            {
                foreach (var parameter in operation.Parameters)
                {
                    Visit(parameter.Schema, seen);
                    Visit(parameter, seen);
                }

                foreach (var response in operation.Responses.Values)
                {
                    foreach (var content in response.Content.Values)
                    {
                        Visit(content.Schema, seen);
                    }
                }

                foreach (var content in operation.RequestBody?.Content.Values ?? [])
                {
                    Visit(content.Schema, seen);
                }
            }
        }
    }

    private static void Visit(JsonSchema? schema, HashSet<JsonSchema> seen)
    {
        if (schema is null || !seen.Add(schema))
        {
            return;
        }

        if (schema.Type.HasFlag(JsonObjectType.Integer) && string.IsNullOrEmpty(schema.Format))
        {
            schema.Format = JsonFormatStrings.Long;
        }

        Visit(schema.Reference, seen);
        Visit(schema.Item, seen);
        Visit(schema.AdditionalPropertiesSchema, seen);
        foreach (var child in schema.Properties.Values.Concat<JsonSchema>(schema.Items).Concat(schema.AllOf).Concat(schema.OneOf).Concat(schema.AnyOf))
        {
            Visit(child, seen);
        }
    }
}
