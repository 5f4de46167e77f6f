using Astro.Triggers.Sdk.Generator.Readers;
using NJsonSchema;
using NJsonSchema.CodeGeneration;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.CSharp.Models;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace Astro.Triggers.Sdk.Generator;

/// <summary>One OpenAPI document → one C# file: NSwag's System.Text.Json models, then our request methods,
/// typed operations and source-generated JSON context built from NSwag's operation model.</summary>
internal static class SpecGenerator
{
    public static async Task<string> GenerateAsync(string specPath)
    {
        var document = await OpenApiYamlDocument.FromFileAsync(specPath).ConfigureAwait(false);
        SpecRules.Check(document);
        IntegerWidth.Apply(document);

        // info.x-astro-service spells the service as its vendor does (TrueFoundry); else the file name.
        var service = document.Info.ExtensionData?.TryGetValue("x-astro-service", out var named) == true && named is not null
            ? named.ToString()!
            : Naming.Pascal(Path.GetFileNameWithoutExtension(specPath));
        // Entity models are deliberately public in the service namespace; schemas marked
        // x-astro-internal (envelopes, error bodies) and the request and operation classes stay internal.
        var modelNamespace = $"Astro.Triggers.Sdk.{service}";
        var settings = CreateSettings(modelNamespace);
        // x-astro-handwritten: the schema documents the wire shape, but the C# type is written by hand in the
        // service folder (same namespace), e.g. where a config's type depends on a sibling field.
        var handwritten = document.Components.Schemas
            .Where(s => SpecRules.Flag(s.Value.ExtensionData, "x-astro-handwritten"))
            .Select(s => s.Key)
            .ToHashSet();
        settings.CSharpGeneratorSettings.ExcludedTypeNames = handwritten.ToArray();
        // x-astro-run-status: each status word's common run status, checked before NSwag runs.
        var runStatuses = RunStatusMaps.Read(document, handwritten);
        var generator = new CapturingGenerator(document, settings);
        var internalSchemas = document.Components.Schemas
            .Where(s => SpecRules.Flag(s.Value.ExtensionData, "x-astro-internal"))
            .Select(s => s.Key)
            .ToHashSet();
        var models = ModelPostProcessor.Apply(generator.GenerateFile(ClientGeneratorOutputType.Full), internalSchemas);
        models = PropertyRewriter.Apply(models, PropertyFacts.From(document, handwritten));

        var operations = generator.Operations.Select(o => OperationShape.From(o, document)).ToList();
        var roots = operations.Where(o => o.ResultType is not null && !o.ResultIsText).Select(o => o.ResultType!);
        var readers = new ReaderWriter(service, ModelCatalog.Parse(models), roots);
        var api = new ApiWriter(service, modelNamespace, operations, ModelPostProcessor.EnumWireNames(models), readers).Write();
        return models + "\n" + api + RunStatusMaps.Write(service, modelNamespace, runStatuses, models);
    }

    private static CSharpClientGeneratorSettings CreateSettings(string ns)
    {
        var settings = new CSharpClientGeneratorSettings
        {
            GenerateClientClasses = false,
            GenerateClientInterfaces = false,
            GenerateExceptionClasses = false,
            GenerateDtoTypes = true,
            GenerateOptionalParameters = true,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
            ParameterArrayType = "System.Collections.Generic.IEnumerable",
        };
        var csharp = settings.CSharpGeneratorSettings;
        csharp.Namespace = ns;
        // snake_case wire names (Astropod, Shipyard, Mixpeek) become .NET names: job_name → JobName.
        csharp.PropertyNameGenerator = new PascalPropertyNameGenerator();
        csharp.JsonLibrary = CSharpJsonLibrary.SystemTextJson;
        csharp.JsonPolymorphicSerializationStyle = CSharpJsonPolymorphicSerializationStyle.SystemTextJson;
        csharp.ClassStyle = CSharpClassStyle.Poco;
        csharp.TypeAccessModifier = "public";
        csharp.GenerateNullableReferenceTypes = true;
        csharp.GenerateOptionalPropertiesAsNullable = true;
        csharp.RequiredPropertiesMustBeDefined = false;
        csharp.GenerateDataAnnotations = false;
        csharp.GenerateJsonMethods = false;
        csharp.DateTimeType = "System.DateTimeOffset";
        csharp.ArrayType = "System.Collections.Generic.IList";
        csharp.ArrayInstanceType = "System.Collections.Generic.List";
        csharp.ArrayBaseType = "System.Collections.Generic.List";
        csharp.DictionaryType = "System.Collections.Generic.IDictionary";
        csharp.DictionaryInstanceType = "System.Collections.Generic.Dictionary";
        csharp.DictionaryBaseType = "System.Collections.Generic.Dictionary";
        return settings;
    }

    /// <summary>Lets NSwag build its operation models (names, parameter kinds, resolved types) and keeps them
    /// instead of rendering NSwag's own client, which is its own HttpClient code rather than ours (RequestWriter).</summary>
    private sealed class CapturingGenerator(OpenApiDocument document, CSharpClientGeneratorSettings settings)
        : CSharpClientGenerator(document, settings)
    {
        public List<CSharpOperationModel> Operations { get; } = [];

        protected override IEnumerable<CodeArtifact> GenerateClientTypes(
            string controllerName, string controllerClassName, IEnumerable<CSharpOperationModel> operations)
        {
            Operations.AddRange(operations);
            return [];
        }
    }

    private sealed class PascalPropertyNameGenerator : IPropertyNameGenerator
    {
        public string Generate(JsonSchemaProperty property)
        {
            var name = Naming.Pascal(property.Name);
            return name.Length > 0 && char.IsDigit(name[0]) ? "_" + name : name;
        }
    }
}
