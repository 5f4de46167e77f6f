using NJsonSchema;
using NSwag;

namespace Astro.Triggers.Sdk.Generator;

/// <summary>What the document says about single properties that NSwag's System.Text.Json output does not carry:
/// which ones the service must send (required), and which ones refer to a hand-written type NSwag would inline.</summary>
/// <param name="Required">(class, wire name) of every property listed in its schema's <c>required</c>.</param>
/// <param name="TypeOverrides">(class, wire name) → the hand-written C# type of a property whose <c>$ref</c> names an
/// <c>x-astro-handwritten</c> schema. NSwag inlines a non-object schema (e.g. <c>oneOf: [string, string[]]</c>
/// becomes <c>string</c>), so the reference has to be restored.</param>
internal sealed record PropertyFacts(
    IReadOnlySet<(string Class, string Wire)> Required,
    IReadOnlyDictionary<(string Class, string Wire), string> TypeOverrides)
{
    public static PropertyFacts From(OpenApiDocument document, IReadOnlySet<string> handwritten)
    {
        var required = new HashSet<(string, string)>();
        var overrides = new Dictionary<(string, string), string>();
        foreach (var (className, schema) in document.Components.Schemas)
        {
            if (handwritten.Contains(className))
            {
                continue;
            }

            // ActualProperties also holds the properties of a union case's inline allOf part, whose
            // IsRequired reads that part's own required list.
            foreach (var (wire, property) in schema.ActualProperties)
            {
                if (property.IsRequired)
                {
                    required.Add((className, wire));
                }

                var target = HandwrittenName(property, document, handwritten);
                if (target is not null)
                {
                    overrides[(className, wire)] = target;
                }
            }
        }

        return new PropertyFacts(required, overrides);
    }

    private static string? HandwrittenName(JsonSchemaProperty property, OpenApiDocument document, IReadOnlySet<string> handwritten)
    {
        if (!property.HasReference)
        {
            return null;
        }

        var referenced = property.Reference;
        return document.Components.Schemas.FirstOrDefault(s => ReferenceEquals(s.Value, referenced)) is { Key: { } name }
            && handwritten.Contains(name)
            ? name
            : null;
    }
}
