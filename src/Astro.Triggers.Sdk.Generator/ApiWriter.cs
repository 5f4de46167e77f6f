using System.Text;
using Astro.Triggers.Sdk.Generator.Readers;

namespace Astro.Triggers.Sdk.Generator;

/// <summary>Writes the requests ({Service}Requests, RequestWriter), the typed operations ({Service}Operations) and the
/// source-generated JSON context ({Service}JsonContext) for one document.</summary>
/// <remarks>A request method returns <c>HttpResponseMessage</c> with only the headers read. The typed operations hand
/// that response to Core's ResponseReader, the one place that maps errors, caps the size and deserializes: through the
/// generated readers (<see cref="ReaderWriter"/>) where a response model has one, else the generated context.</remarks>
internal sealed class ApiWriter(
    string service, string modelNamespace, IReadOnlyList<OperationShape> operations,
    IReadOnlyDictionary<string, IReadOnlyList<EnumWireName>> enums, ReaderWriter? readers = null)
{
    private const string GeneratedCode =
        "[global::System.CodeDom.Compiler.GeneratedCode(\"Astro.Triggers.Sdk.Generator\", \"1.0\")]";

    private readonly StringBuilder _sb = new();

    public string Write()
    {
        Line("#nullable enable");
        Line("#pragma warning disable");
        Line($"namespace {modelNamespace}.Generated");
        Line("{");
        Line($"    using {modelNamespace};");
        Line(string.Empty);
        _sb.Append(new RequestWriter(service, operations, enums).Write(GeneratedCode));
        WriteOperations();
        WriteJsonContext();
        if (readers is not null)
        {
            _sb.Append(readers.Write());
        }

        Line("}");
        return _sb.ToString();
    }

    private void WriteOperations()
    {
        Line($"    /// <summary>Typed operations of the {service} API: each sends through {service}Requests and reads the");
        Line("    /// response once, streaming, through Core's ResponseReader.</summary>");
        Line($"    {GeneratedCode}");
        Line($"    internal sealed partial class {service}Operations");
        Line("    {");
        Line("        private readonly global::System.Net.Http.HttpClient _http;");
        Line("        private readonly global::Astro.Triggers.Sdk.ServiceClientOptions _client;");
        Line(string.Empty);
        Line($"        public {service}Operations(global::System.Net.Http.HttpClient http, global::Astro.Triggers.Sdk.ServiceClientOptions client) {{ _http = http; _client = client; }}");
        Line(string.Empty);
        foreach (var op in operations)
        {
            var info = Naming.Pascal(op.OperationId) + "Operation";
            var idempotent = op.IsIdempotent ? "true" : "false";
            Line($"        /// <summary>Describes {op.OperationId} for errors, retries and telemetry.</summary>");
            Line($"        public static readonly global::Astro.Triggers.Sdk.Core.Http.OperationInfo {info} = new(");
            Line($"            {Naming.Literal(service)}, {Naming.Literal(op.OperationId)}, {Naming.Literal(op.HttpMethod)}, isIdempotent: {idempotent});");
            Line(string.Empty);

            var result = op.ResultType is null ? "bool" : op.ResultType + (op.ResultMayBeEmpty && !op.ResultIsText ? "?" : string.Empty);
            Line($"        /// <summary>{Naming.XmlText(op.Summary)}</summary>");
            // ValueTask: an answer read without suspending (a cached or in-memory transport) allocates no task here; the
            // facade's own async method is the one task a caller gets.
            Line($"        public global::System.Threading.Tasks.ValueTask<{result}> {op.MethodName}(");
            foreach (var p in op.Parameters)
            {
                Line($"            {p.Type} {p.Name},");
            }

            Line("            global::Astro.Triggers.Sdk.RequestOptions? options,");
            Line("            global::System.Threading.CancellationToken cancellationToken)");
            // The client and the arguments travel as one value to a static send lambda: no closure per call.
            var state = op.Parameters.Count == 0 ? "_http" : "(_http, " + string.Join(", ", op.Parameters.Select(p => p.Name)) + ")";
            var args = string.Join(", ", op.Parameters.Select((_, i) => $"__args.Item{i + 2}").Prepend(op.Parameters.Count == 0 ? "__args" : "__args.Item1").Append("call").Append("ct"));
            string read;
            if (op.ResultIsText)
            {
                read = "ReadTextAsync(response, call, ct)";
            }
            else if (op.ResultType is null)
            {
                read = "ReadEmptyAsync(response, call, ct)";
            }
            else
            {
                var method = op.ResultMayBeEmpty ? "ReadOptionalAsync" : "ReadAsync";
                // A model with a generated reader is read by it, the metadata only where it declines (ReaderWriter).
                // Other responses are read with the lenient options: an optional value that does not parse reads as null
                // (logged, raw JSON kept on the model) instead of failing the whole response.
                read = readers?.ReadableRoots.Contains(op.ResultType) == true
                    ? $"{method}(response, {service}Readers.{op.ResultType}Reader, call, ct)"
                    : $"{method}(response, global::Astro.Triggers.Sdk.Core.Json.LenientReading.TypeInfo<{op.ResultType}>({service}JsonContext.ReadOptions), call, ct)";
            }

            // Sending and reading the body both run under the call's budget; the body read also under the attempt timeout.
            // CallRunner makes the call's context (client settings + per-call options) and hands it to both static lambdas
            // (no delegate per call); a bad per-call option faults the returned task.
            Line("            => global::Astro.Triggers.Sdk.Core.Http.CallRunner.RunAsync(_client, options, " + info + ",");
            Line($"                {state},");
            Line($"                static (__args, call, ct) => {service}Requests.{op.MethodName}({args}),");
            Line($"                static (response, call, ct) => global::Astro.Triggers.Sdk.Core.Http.ResponseReader.{read},");
            Line("                cancellationToken);");
            Line(string.Empty);
        }

        Line("    }");
        Line(string.Empty);
    }

    private void WriteJsonContext()
    {
        var roots = operations
            .SelectMany(o => o.Parameters.Where(p => p.Kind == ParameterKind.Body).Select(p => p.Type.TrimEnd('?')))
            .Concat(operations.Where(o => o.ResultType is not null && !o.ResultIsText).Select(o => o.ResultType!))
            // Values of free-form (additionalProperties: {}) maps are typed object; these are what they hold.
            .Concat(["string", "bool", "int", "long", "double", "string[]", "global::System.Text.Json.JsonElement"])
            .Distinct();

        Line($"    /// <summary>Source-generated System.Text.Json metadata for the {service} models.</summary>");
        Line("    [global::System.Text.Json.Serialization.JsonSourceGenerationOptions(global::System.Text.Json.JsonSerializerDefaults.Web,");
        Line("        DefaultIgnoreCondition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,");
        // No UseStringEnumConverter: it would win over the TolerantEnumConverter every generated enum carries.
        // Timestamps without an offset (Python services send them) are UTC, not the machine's local time.
        // Integers in any JSON number form (1767225600000.0, 1.7672256E12): Python services write whole numbers as floats.
        Line("        Converters = [typeof(global::Astro.Triggers.Sdk.Core.Json.UtcTimestampConverter),");
        Line("            typeof(global::Astro.Triggers.Sdk.Core.Json.TolerantInt32Converter), typeof(global::Astro.Triggers.Sdk.Core.Json.TolerantInt64Converter)],");
        Line("        AllowOutOfOrderMetadataProperties = true)]");
        foreach (var root in roots)
        {
            Line($"    [global::System.Text.Json.Serialization.JsonSerializable(typeof({root}))]");
        }

        // No [GeneratedCode] here: the System.Text.Json source generator adds its own to this partial class.
        Line($"    internal sealed partial class {service}JsonContext : global::System.Text.Json.Serialization.JsonSerializerContext");
        Line("    {");
        Line("        private static global::System.Text.Json.JsonSerializerOptions? _readOptions;");
        Line(string.Empty);
        Line("        /// <summary>What responses are read with: this context, with optional scalar values read leniently.</summary>");
        Line("        internal static global::System.Text.Json.JsonSerializerOptions ReadOptions =>");
        Line("            _readOptions ??= global::Astro.Triggers.Sdk.Core.Json.LenientReading.CreateOptions(Default);");
        Line("    }");
    }

    // JsonSerializerContext property names: the type name without namespace or generic punctuation.
    private static string TypeInfoName(string type)
    {
        var simple = type.Split('.').Last();
        return simple.Replace("<", string.Empty, StringComparison.Ordinal).Replace(">", string.Empty, StringComparison.Ordinal);
    }

    private void Line(string text) => _sb.Append(text).Append('\n');
}
