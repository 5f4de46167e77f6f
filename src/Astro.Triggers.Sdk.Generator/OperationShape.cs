using NSwag;
using NSwag.CodeGeneration.CSharp.Models;

namespace Astro.Triggers.Sdk.Generator;

internal enum ParameterKind
{
    Path,
    Query,
    Header,
    Body,
}

/// <summary>One parameter of an operation, as the request methods and the typed operations spell it.</summary>
internal sealed record ParameterShape(
    ParameterKind Kind, string WireName, string Name, string Type, bool Required, string? CollectionFormat, string? Description);

/// <summary>What the writer needs of one operation, taken from NSwag's operation model (which has already
/// resolved every schema to the generated type name) and from the raw operation (success statuses).</summary>
internal sealed record OperationShape(
    string OperationId,
    string MethodName,
    string HttpMethod,
    string Path,
    IReadOnlyList<ParameterShape> Parameters,
    string? ResultType,
    bool ResultMayBeEmpty,
    bool ResultIsText,
    bool IsIdempotent,
    string? Summary)
{
    public static OperationShape From(CSharpOperationModel model, OpenApiDocument document)
    {
        var description = document.Operations.Single(d => d.Operation.OperationId == model.Id);
        var parameters = model.Parameters
            .Select(ToShape)
            .OrderBy(p => p.Required ? 0 : 1)
            .ThenBy(p => p.Kind)
            .ToList();
        EnsureUniqueNames(parameters, model.Id);

        var successes = description.Operation.ActualResponses
            .Where(r => r.Key.StartsWith('2'))
            .ToList();
        var resultType = model.HasResultType ? model.UnwrappedResultType : null;
        var mayBeEmpty = resultType is null || successes.Any(r => r.Value.ActualResponse.Content.Count == 0);
        // A success answered as text/* (Shipyard's CSV) is handed over as a string, never parsed as JSON.
        var isText = resultType is not null && successes.Any(r =>
            r.Value.ActualResponse.Content.Keys.Any(k => k.StartsWith("text/", StringComparison.OrdinalIgnoreCase)));
        var method = description.Method.ToUpperInvariant();
        // POST can still be safe to repeat (e.g. "terminate"): the document says so with x-astro-idempotent.
        var idempotent = SpecRules.Flag(description.Operation.ExtensionData, "x-astro-idempotent")
            || method is "GET" or "HEAD" or "DELETE" or "PUT" or "OPTIONS";

        return new OperationShape(
            model.Id,
            Naming.Pascal(model.Id) + "Async",
            method,
            description.Path,
            parameters,
            isText ? "string" : resultType,
            mayBeEmpty,
            isText,
            idempotent,
            string.IsNullOrWhiteSpace(model.Summary) ? model.Description : model.Summary);
    }

    private static ParameterShape ToShape(CSharpParameterModel p)
    {
        var kind = p.Kind switch
        {
            OpenApiParameterKind.Path => ParameterKind.Path,
            OpenApiParameterKind.Query => ParameterKind.Query,
            OpenApiParameterKind.Header => ParameterKind.Header,
            OpenApiParameterKind.Body => ParameterKind.Body,
            _ => throw new SpecException($"parameter '{p.Name}' is in {p.Kind}, which the request writer does not support"),
        };
        var required = p.IsRequired || kind == ParameterKind.Path;
        var type = required || p.Type.EndsWith('?') ? p.Type : p.Type + "?";
        var name = kind switch
        {
            ParameterKind.Header => Naming.HeaderParameter(p.Name),
            ParameterKind.Body => "body",
            _ => Naming.Camel(p.Name),
        };

        // OpenAPI's default for a query array is form + explode: repeated keys. explode: false joins with commas.
        string? format = null;
        if (kind == ParameterKind.Query && p.IsArray)
        {
            format = p.Explode == false ? "Csv" : "Multi";
        }

        return new ParameterShape(kind, p.Name, name, type, required, format, p.HasDescription ? p.Description : null);
    }

    private static void EnsureUniqueNames(List<ParameterShape> parameters, string operationId)
    {
        var duplicate = parameters.GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SpecException($"operation '{operationId}' has two parameters that would both be named '{duplicate.Key}'");
        }
    }
}
