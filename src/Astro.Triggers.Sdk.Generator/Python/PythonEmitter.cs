using System.Text;
using NJsonSchema;
using NSwag;

namespace Astro.Triggers.Sdk.Generator.Python;

/// <summary>One OpenAPI document → one Python module of the <c>astro_triggers._generated</c> package (issue 29 §3):
/// dataclass models with JSON read/write, <c>OPERATIONS</c>, <c>RUN_STATUS</c> and <c>DATE_TIME_FIELDS</c>. Works
/// from NSwag's schema model directly (the C# mode's post-processing of NSwag's C# text has no Python counterpart).
/// The contract every module keeps is written in <see cref="ModuleDocstring"/> and src/python/README-generated.md.</summary>
internal static class PythonEmitter
{
    public const string WireModuleName = "_wire";

    /// <summary>The module name of a document: its file name in snake_case ("agentset").</summary>
    public static string ModuleName(string specPath) => PythonNaming.Module(Path.GetFileNameWithoutExtension(specPath));

    public static async Task<string> GenerateAsync(string specPath)
    {
        var document = await OpenApiYamlDocument.FromFileAsync(specPath).ConfigureAwait(false);
        SpecRules.Check(document);
        IntegerWidth.Apply(document);
        var service = document.Info.ExtensionData?.TryGetValue("x-astro-service", out var named) == true && named is not null
            ? named.ToString()!
            : Naming.Pascal(Path.GetFileNameWithoutExtension(specPath));
        return new ModuleWriter(document, service, ModuleName(specPath)).Write();
    }

    /// <summary>_wire.py: Operation, QueryParam, WireFormatError and the readers; kept as a real Python file beside
    /// this class (embedded in the generator) so it is read, linted and diffed as Python.</summary>
    public static string WireModule()
    {
        using var stream = typeof(PythonEmitter).Assembly.GetManifestResourceStream("Astro.Triggers.Sdk.Generator.Python._wire.py")
            ?? throw new InvalidOperationException("the generator was built without its Python/_wire.py resource");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    public static string InitModule(IEnumerable<string> modules)
    {
        var sb = new StringBuilder();
        sb.Append("\"\"\"Models and wire facts generated from openapi/*.yaml by Astro.Triggers.Sdk.Generator — do not edit, not committed.\n\n");
        sb.Append("One module per service document: ").Append(string.Join(", ", modules.Order(StringComparer.Ordinal))).Append(".\n");
        sb.Append("The contract each module keeps is in src/python/README-generated.md and in each module's docstring.\n\"\"\"\n");
        return sb.ToString();
    }

    internal static string ModuleDocstring(string service, string module) =>
        $"""
        "\"\"{service} models and wire facts, generated from openapi/{module}.yaml by Astro.Triggers.Sdk.Generator.

        Do not edit; not committed (src/python builds it). The contract (src/python/README-generated.md):
        - One dataclass per object schema, named as the schema, attributes in snake_case. ``from_json(data, path="$")``
          reads parsed JSON: a missing or malformed required value raises ``_wire.WireFormatError`` (with ``.path``); a
          malformed optional value reads as None with a warning on the ``astro_triggers`` logger naming the path, never
          the value. ``to_json()`` gives the wire form (wire names; optional values that are None left out).
        - A discriminated union is a base class whose ``from_json`` returns the variant its discriminator names, or the
          ``Unknown<Base>`` fallback (keeping the raw object in ``raw``) for a value this SDK does not know yet.
        - A string enum is a ``Literal`` alias; properties typed with it are ``<Alias> | str``, because a value the
          service adds later is kept as the string it sent.
        - Date-times are ``datetime`` with a tzinfo (a value without an offset is read as UTC); integers are ``int``
          (any width); numbers ``float``.
        - ``OPERATIONS``: operationId → ``_wire.Operation``; ``RUN_STATUS``: status word → common status (queued,
          running, succeeded, failed, cancelled, unknown) from x-astro-run-status; ``DATE_TIME_FIELDS``: wire names of
          the date-time properties.
        "\"\"
        """.Replace("\"\\\"\\\"", "\"\"\"", StringComparison.Ordinal);

    /// <summary>A Python type for a schema: its annotation, a reader (a <c>Reader[T]</c> expression: callable with
    /// the value and its path) and how to write a value of it to JSON.</summary>
    private sealed record PyType(string Annotation, string Reader, Func<string, string>? Writer, bool Nullable = false)
    {
        /// <summary>The value is JSON as it is (str, int, float, bool, object, lists and dicts of those).</summary>
        public bool WritesAsIs => Writer is null;

        public string Write(string expression) => Writer is null ? expression : Writer(expression);
    }

    private enum SchemaKind
    {
        Class,
        Enum,
        Alias,
    }

    private sealed class ModuleWriter
    {
        private readonly OpenApiDocument _document;
        private readonly string _service;
        private readonly string _module;
        private readonly Dictionary<JsonSchema, string> _names = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
        private readonly List<string> _classOrder = [];
        private readonly Dictionary<string, string> _readers = new(StringComparer.Ordinal);
        private readonly StringBuilder _aliases = new();
        private readonly StringBuilder _classes = new();
        private readonly StringBuilder _tail = new();
        private readonly HashSet<string> _emitted = new(StringComparer.Ordinal);
        private readonly Queue<(string Name, JsonSchema Schema)> _inline = new();
        private bool _usesLiteral;
        private bool _usesCast;
        private bool _usesField;
        private bool _usesDatetime;

        public ModuleWriter(OpenApiDocument document, string service, string module)
        {
            _document = document;
            _service = service;
            _module = module;
            foreach (var (name, schema) in document.Components.Schemas)
            {
                var typeName = PythonNaming.Type(name);
                if (_schemas.ContainsKey(typeName))
                {
                    throw new SpecException($"schemas '{name}' and another both become the Python name '{typeName}'");
                }

                _names[schema] = typeName;
                _schemas[typeName] = schema;
            }
        }

        public string Write()
        {
            foreach (var (name, schema) in _schemas)
            {
                Emit(name, schema);
            }

            while (_inline.TryDequeue(out var inline))
            {
                Emit(inline.Name, inline.Schema);
            }

            var sb = new StringBuilder();
            sb.Append(ModuleDocstring(_service, _module)).Append('\n');
            sb.Append("from __future__ import annotations\n\n");
            if (_usesField)
            {
                sb.Append("from dataclasses import dataclass, field\n");
            }
            else
            {
                sb.Append("from dataclasses import dataclass\n");
            }

            if (_usesDatetime)
            {
                sb.Append("from datetime import datetime\n");
            }

            var typing = new List<string>();
            if (_usesLiteral)
            {
                typing.Add("Literal");
            }

            typing.Add("Self");
            if (_usesCast)
            {
                typing.Add("cast");
            }

            sb.Append("from typing import ").Append(string.Join(", ", typing)).Append("\n\n");
            sb.Append("from . import _wire\n");
            sb.Append("from ._wire import Operation, QueryParam\n\n");
            sb.Append("__all__ = [\n");
            foreach (var name in _emitted.Order(StringComparer.Ordinal))
            {
                sb.Append("    ").Append(PythonNaming.Literal(name)).Append(",\n");
            }

            sb.Append("    \"DATE_TIME_FIELDS\",\n    \"OPERATIONS\",\n    \"RUN_STATUS\",\n]\n");
            if (_aliases.Length > 0)
            {
                sb.Append('\n').Append(_aliases);
            }

            sb.Append(_classes);
            if (_readers.Count > 0)
            {
                sb.Append("\n\n# Composite readers, built once at import rather than on every read.\n");
                foreach (var (expression, name) in _readers)
                {
                    sb.Append(name).Append(" = ").Append(expression).Append('\n');
                }
            }

            sb.Append(_tail);
            WriteOperations(sb);
            WriteRunStatus(sb);
            WriteDateTimeFields(sb);
            return sb.ToString();
        }

        private static SchemaKind KindOf(JsonSchema schema)
        {
            if (schema.DiscriminatorObject is not null || schema.ActualProperties.Count > 0 || schema.AllOf.Count > 0)
            {
                return SchemaKind.Class;
            }

            if (schema.IsEnumeration && schema.Enumeration.All(v => v is string))
            {
                return SchemaKind.Enum;
            }

            if (schema.Type.HasFlag(JsonObjectType.Object) && schema.AdditionalPropertiesSchema is null && !schema.AllowAdditionalProperties
                && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0)
            {
                // An object that may hold nothing (Astropod's empty trigger body) is a class with no fields.
                return SchemaKind.Class;
            }

            return SchemaKind.Alias;
        }

        private void Emit(string name, JsonSchema schema)
        {
            if (!_emitted.Add(name))
            {
                return;
            }

            switch (KindOf(schema))
            {
                case SchemaKind.Enum:
                    _usesLiteral = true;
                    Doc(_aliases, schema.Description, string.Empty, comment: true);
                    _aliases.Append(name).Append(" = Literal[")
                        .Append(string.Join(", ", schema.Enumeration.Select(v => PythonNaming.Literal((string)v!))))
                        .Append("]\n");
                    break;
                case SchemaKind.Alias:
                    EmitAlias(name, schema);
                    break;
                default:
                    EmitClass(name, schema);
                    break;
            }
        }

        private void EmitAlias(string name, JsonSchema schema)
        {
            var type = Map(schema, name + "Item", aliasBody: true);
            Doc(_aliases, schema.Description, string.Empty, comment: true);
            _aliases.Append(name).Append(" = ").Append(type.Annotation).Append('\n');
            if (!type.Reader.StartsWith("_wire.", StringComparison.Ordinal) || type.Reader.Contains('(', StringComparison.Ordinal))
            {
                // A reader typed as the alias, so a property of this type reads to it (one_of answers object).
                _usesCast = true;
                var function = ReaderFunction(name);
                _tail.Append("\n\ndef ").Append(function).Append("(value: object, path: _wire.Path) -> ").Append(name).Append(":\n")
                    .Append("    return cast(").Append(PythonNaming.Literal(name)).Append(", ").Append(HoistReader(type.Reader))
                    .Append("(value, path))\n");
            }
        }

        private static string ReaderFunction(string alias) => "_read_" + PythonNaming.Snake(alias).TrimEnd('_');

        /// <summary>The fields of a class schema: inherited from its allOf base (a referenced class), then its own.</summary>
        private List<Field> Fields(JsonSchema schema, string className, out string? baseName)
        {
            baseName = null;
            var fields = new List<Field>();
            var own = new List<KeyValuePair<string, JsonSchemaProperty>>(schema.Properties);
            foreach (var part in schema.AllOf)
            {
                var target = Resolve(part);
                if (part.HasReference && _names.TryGetValue(target, out var referenced) && KindOf(target) == SchemaKind.Class)
                {
                    if (baseName is not null)
                    {
                        throw new SpecException($"schema '{className}' has two allOf bases ({baseName}, {referenced}); one base is supported");
                    }

                    baseName = referenced;
                    fields.AddRange(Fields(target, referenced, out _));
                }
                else
                {
                    own.AddRange(target.ActualProperties);
                }
            }

            foreach (var (wire, property) in own)
            {
                var type = Map(property, className + Naming.Pascal(wire), aliasBody: false);
                var nullable = type.Nullable || !property.IsRequired;
                var field = new Field(wire, PythonNaming.Snake(wire), type, property.IsRequired && !type.Nullable, nullable, property.IsRequired, property.Description);
                var existing = fields.FindIndex(f => f.Wire == wire);
                if (existing >= 0)
                {
                    fields[existing] = field;
                }
                else
                {
                    fields.Add(field);
                }
            }

            var clash = fields.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1);
            if (clash is not null)
            {
                throw new SpecException($"schema '{className}' has properties {string.Join(" and ", clash.Select(f => $"'{f.Wire}'"))} that would both be named '{clash.Key}' in Python");
            }

            return fields;
        }

        /// <summary>One property of a class.</summary>
        /// <param name="Wire">Its name in JSON.</param>
        /// <param name="Name">Its attribute name (snake_case).</param>
        /// <param name="Type">Its type, without the None of an optional one.</param>
        /// <param name="Required">Read with <c>_wire.required</c>: listed in required and not nullable.</param>
        /// <param name="Nullable">Annotated <c>| None</c>: optional, or nullable.</param>
        /// <param name="RequiredOnWire">Listed in required (so written even when None).</param>
        /// <param name="Description">The schema's description, for the attribute's docstring.</param>
        private sealed record Field(string Wire, string Name, PyType Type, bool Required, bool Nullable, bool RequiredOnWire, string? Description);

        private void EmitClass(string name, JsonSchema schema)
        {
            var fields = Fields(schema, name, out var baseName);
            if (baseName is not null)
            {
                // A base class must exist before the class that derives from it.
                Emit(baseName, _schemas[baseName]);
            }

            var baseFields = baseName is null ? [] : Fields(_schemas[baseName], baseName, out _).Select(f => f.Wire).ToHashSet(StringComparer.Ordinal);
            var union = schema.DiscriminatorObject;
            var baseSchema = baseName is null ? null : _schemas[baseName];
            var variantOf = baseSchema?.DiscriminatorObject;
            string? discriminatorValue = null;
            if (variantOf is not null)
            {
                discriminatorValue = variantOf.Mapping.FirstOrDefault(m => ReferenceEquals(m.Value.ActualSchema, schema)).Key
                    ?? Components().First(c => ReferenceEquals(c.Value, schema)).Key;
            }

            // Written whole, then appended: the classes it makes the generator emit (union cases) must follow it.
            var sb = new StringBuilder();
            sb.Append("\n\n@dataclass(frozen=False, slots=True, kw_only=True)\n");
            sb.Append("class ").Append(name).Append(baseName is null ? string.Empty : $"({baseName})").Append(":\n");
            Doc(sb, schema.Description ?? (baseSchema is not null && variantOf is not null
                ? $"The {discriminatorValue} case of {baseName}." : null), "    ", comment: false, fallback: $"{name} as the service sends and reads it.");

            var declared = 0;
            foreach (var f in fields.OrderBy(f => f.Required ? 0 : 1))
            {
                var isDiscriminator = variantOf is not null && f.Wire == variantOf.PropertyName;
                if (baseFields.Contains(f.Wire) && !isDiscriminator && !schema.Properties.ContainsKey(f.Wire))
                {
                    continue;
                }

                sb.Append("    ").Append(f.Name).Append(": ").Append(f.Nullable ? f.Type.Annotation + " | None" : f.Type.Annotation);
                if (isDiscriminator)
                {
                    sb.Append(" = ").Append(PythonNaming.Literal(discriminatorValue!));
                }
                else if (f.Nullable)
                {
                    sb.Append(" = None");
                }

                sb.Append('\n');
                if (!string.IsNullOrWhiteSpace(f.Description))
                {
                    sb.Append("    \"\"\"").Append(PythonNaming.DocText(f.Description)).Append("\"\"\"\n");
                }

                declared++;
            }

            if (declared == 0 && fields.Count == 0)
            {
                sb.Append("    # The wire object has no properties.\n");
            }

            if (union is not null)
            {
                WriteUnionFromJson(sb, name, union);
            }
            else if (baseName is null)
            {
                sb.Append("\n    @classmethod\n    def from_json(cls, data: object, path: str = \"$\") -> Self:\n");
                sb.Append("        \"\"\"Reads parsed JSON; a missing or malformed required value raises WireFormatError.\"\"\"\n");
                sb.Append("        return cls._from_object(data if isinstance(data, dict) else _wire.read_object(data, path), path)\n");
                sb.Append("\n    @classmethod\n    def _read(cls, data: object, path: _wire.Path) -> Self:\n");
                sb.Append("        return cls._from_object(data if isinstance(data, dict) else _wire.read_object(data, path), path)\n");
            }

            WriteFromObject(sb, fields, extra: null);
            WriteToJson(sb, fields, raw: false);
            _classes.Append(sb);

            if (union is not null)
            {
                EmitUnknownVariant(name, fields, union);
                var variants = Variants(name, union);
                _tail.Append("\n\n").Append(VariantsTable(name)).Append(": dict[str, type[").Append(name).Append("]] = {\n");
                foreach (var (value, variant) in variants)
                {
                    _tail.Append("    ").Append(PythonNaming.Literal(value)).Append(": ").Append(variant).Append(",\n");
                }

                _tail.Append("}\n");
            }
        }

        /// <summary>The component a reference names, before NJsonSchema's ActualSchema looks through it (it takes a
        /// schema that is only <c>allOf: [X]</c>, such as IngestJobConfig, for X).</summary>
        private JsonSchema Resolve(JsonSchema schema)
        {
            for (var current = schema; ; current = current.Reference!)
            {
                if (_names.ContainsKey(current) || !current.HasReference)
                {
                    return _names.ContainsKey(current) ? current : current.ActualSchema;
                }
            }
        }

        private IEnumerable<KeyValuePair<string, JsonSchema>> Components() => _document.Components.Schemas;

        private void WriteUnionFromJson(StringBuilder sb, string name, OpenApiDiscriminator union)
        {
            _usesCast = true;
            var variants = VariantsTable(name);
            var key = PythonNaming.Literal(union.PropertyName ?? "type");
            sb.Append("\n    @classmethod\n    def from_json(cls, data: object, path: str = \"$\") -> Self:\n");
            sb.Append("        \"\"\"Reads parsed JSON as the case its ").Append(PythonNaming.DocText(union.PropertyName))
                .Append(" names (Unknown").Append(name).Append(" for a value this SDK does not know).\"\"\"\n");
            sb.Append("        return cls._read(data, path)\n");
            sb.Append("\n    @classmethod\n    def _read(cls, data: object, path: _wire.Path) -> Self:\n");
            sb.Append("        obj = data if isinstance(data, dict) else _wire.read_object(data, path)\n");
            sb.Append("        if cls is not ").Append(name).Append(":\n");
            sb.Append("            return cls._from_object(obj, path)\n");
            sb.Append("        kind = obj.get(").Append(key).Append(")\n");
            sb.Append("        if not isinstance(kind, str):\n");
            sb.Append("            kind = _wire.required(obj, ").Append(key).Append(", path, _wire.read_str)\n");
            sb.Append("        return cast(Self, ").Append(variants).Append(".get(kind, Unknown").Append(name).Append(")._from_object(obj, path))\n");
        }

        private static string VariantsTable(string union) => "_" + PythonNaming.Constant(union) + "_VARIANTS";

        /// <summary>Discriminator value → variant class: the mapping, plus every schema that derives from the base
        /// without being mapped (OpenAPI's default: its schema name is the value).</summary>
        private List<(string Value, string Class)> Variants(string baseName, OpenApiDiscriminator union)
        {
            var result = new List<(string, string)>();
            var mapped = new HashSet<JsonSchema>(ReferenceEqualityComparer.Instance);
            foreach (var (value, schema) in union.Mapping)
            {
                var target = Resolve(schema);
                if (!_names.TryGetValue(target, out var variant))
                {
                    throw new SpecException($"schema '{baseName}' maps discriminator value '{value}' to a schema that is not in components");
                }

                Emit(variant, target);
                mapped.Add(target);
                result.Add((value, variant));
            }

            foreach (var (schemaName, schema) in Components())
            {
                if (!mapped.Contains(schema) && schema.AllOf.Any(p => p.HasReference && _names.TryGetValue(Resolve(p), out var b) && b == baseName))
                {
                    var variant = _names[schema];
                    Emit(variant, schema);
                    result.Add((schemaName, variant));
                }
            }

            return result;
        }

        private void EmitUnknownVariant(string baseName, List<Field> baseFields, OpenApiDiscriminator union)
        {
            var name = "Unknown" + baseName;
            if (_schemas.ContainsKey(name))
            {
                throw new SpecException($"schema '{name}' clashes with the fallback case the generator writes for the union '{baseName}'");
            }

            _emitted.Add(name);
            _usesField = true;
            var sb = _classes;
            sb.Append("\n\n@dataclass(frozen=False, slots=True, kw_only=True)\n");
            sb.Append("class ").Append(name).Append('(').Append(baseName).Append("):\n");
            sb.Append("    \"\"\"A ").Append(baseName).Append(" whose ").Append(PythonNaming.DocText(union.PropertyName))
                .Append(" this SDK does not know yet: the object as the service sent it is kept in raw.\"\"\"\n\n");
            sb.Append("    raw: dict[str, object] = field(default_factory=dict)\n");
            WriteFromObject(sb, baseFields, extra: "raw = dict(obj)");
            WriteToJson(sb, baseFields, raw: true);
        }

        /// <summary><c>_from_object</c>: the instance made without <c>__init__</c> (binding a dozen keyword arguments
        /// costs more than reading the properties), then each property read once into <c>v</c> and checked inline where
        /// its type allows (<c>v if isinstance(v, str) else ...</c>); only a value the inline check does not accept goes
        /// to <c>_wire.required</c>/<c>_wire.optional</c>, which name the path (rendered only then) and raise or warn.
        /// Nested values get their path as a lazy <c>(path, key)</c> tuple. Every field is assigned, in declaration
        /// order, so a model read is as complete as one constructed.</summary>
        private void WriteFromObject(StringBuilder sb, List<Field> fields, string? extra)
        {
            sb.Append("\n    @classmethod\n    def _from_object(cls, obj: dict[str, object], path: _wire.Path) -> Self:\n");
            if (fields.Count == 0 && extra is null)
            {
                sb.Append("        return cls()\n");
                return;
            }

            if (fields.Count > 0)
            {
                sb.Append("        get = obj.get\n");
            }

            sb.Append("        model = object.__new__(cls)\n");
            foreach (var f in fields)
            {
                if (NeedsLocal(f))
                {
                    sb.Append("        v = get(").Append(PythonNaming.Literal(f.Wire)).Append(")\n");
                }

                sb.Append("        model.").Append(f.Name).Append(" = ").Append(ReadExpression(f)).Append('\n');
            }

            if (extra is not null)
            {
                sb.Append("        model.").Append(extra).Append('\n');
            }

            sb.Append("        return model\n");
        }

        private static string Local(Field f) => "v";

        /// <summary>The inline check that accepts a value of a plain type as it is (null when there is none).</summary>
        private static string? InlineCheck(string reader, string v) => reader switch
        {
            "_wire.read_str" => $"isinstance({v}, str)",
            "_wire.read_bool" => $"isinstance({v}, bool)",
            "_wire.read_int" => $"type({v}) is int",
            "_wire.read_float" => $"type({v}) is float",
            "_wire.read_any" => $"{v} is not None",
            _ => null,
        };

        private static string BareReader(Field f) => f.Type.Nullable ? StripNullable(f.Type.Reader) : f.Type.Reader;

        // Every property but an optional free-form value (read as it is) gets a local.
        private static bool NeedsLocal(Field f) => f.Required || BareReader(f) != "_wire.read_any";

        private string ReadExpression(Field f)
        {
            var key = PythonNaming.Literal(f.Wire);
            // A nullable type's reader accepts null; required/optional already turn null into None or an error.
            var bare = BareReader(f);
            var v = Local(f);
            if (bare == "_wire.read_datetime")
            {
                return f.Required
                    ? $"_wire.required_datetime({v}, obj, {key}, path)"
                    : $"None if {v} is None else _wire.optional_datetime({v}, obj, {key}, path)";
            }

            if (bare == "_wire.read_any" && !f.Required)
            {
                return $"get({key})";
            }

            var reader = HoistReader(bare);
            var check = InlineCheck(bare, v);
            var slow = f.Required ? $"_wire.required(obj, {key}, path, {reader})" : $"_wire.optional(obj, {key}, path, {reader})";
            if (check is not null)
            {
                return f.Required ? $"{v} if {check} else {slow}" : $"{v} if {v} is None or {check} else {slow}";
            }

            if (f.Required && ModelClass(bare) is { } model)
            {
                // An object goes straight to the class's _from_object (a union's: to the case its discriminator names),
                // one call fewer per nested object than through _read; anything else takes the slow path, whose _read
                // raises the same errors as before.
                if (_schemas[model].DiscriminatorObject is { } union)
                {
                    var tag = PythonNaming.Literal(union.PropertyName ?? "type");
                    return $"{VariantsTable(model)}.get(k, Unknown{model})._from_object({v}, (path, {key})) "
                        + $"if isinstance({v}, dict) and isinstance(k := {v}.get({tag}), str) else {slow}";
                }

                return $"{model}._from_object({v}, (path, {key})) if isinstance({v}, dict) else {slow}";
            }

            // Required and read by a reader (a list, a map, any): null or missing is the slow path's error.
            return f.Required ? $"{reader}({v}, (path, {key})) if {v} is not None else {slow}" : $"None if {v} is None else {slow}";
        }

        /// <summary>The class a reader is the <c>_read</c> of (<c>IngestJob._read</c> → IngestJob), else null.</summary>
        private string? ModelClass(string reader) =>
            reader.EndsWith("._read", StringComparison.Ordinal) && _schemas.ContainsKey(reader[..^"._read".Length])
                ? reader[..^"._read".Length]
                : null;

        private static string StripNullable(string reader) =>
            reader.StartsWith("_wire.nullable(", StringComparison.Ordinal) ? reader["_wire.nullable(".Length..^1] : reader;

        /// <summary>A composite reader (list_of, dict_of, …) becomes a module constant built once.</summary>
        private string HoistReader(string reader)
        {
            if (!reader.Contains('(', StringComparison.Ordinal))
            {
                return reader;
            }

            if (!_readers.TryGetValue(reader, out var name))
            {
                name = $"_READ_{_readers.Count + 1}";
                _readers[reader] = name;
            }

            return name;
        }

        private static void WriteToJson(StringBuilder sb, List<Field> fields, bool raw)
        {
            sb.Append("\n    def to_json(self) -> dict[str, object]:\n");
            sb.Append("        \"\"\"The wire form: wire names, optional values that are None left out.\"\"\"\n");
            var always = fields.Where(f => f.Required || IsRequiredNullable(f)).ToList();
            var sometimes = fields.Except(always).ToList();
            var start = raw ? "dict(self.raw)" : "{}";
            if (always.Count == 0)
            {
                sb.Append("        out: dict[str, object] = ").Append(start).Append('\n');
            }
            else if (raw)
            {
                sb.Append("        out: dict[str, object] = dict(self.raw)\n");
                foreach (var f in always)
                {
                    sb.Append("        out[").Append(PythonNaming.Literal(f.Wire)).Append("] = ").Append(WriteValue(f)).Append('\n');
                }
            }
            else
            {
                sb.Append("        out: dict[str, object] = {\n");
                foreach (var f in always)
                {
                    sb.Append("            ").Append(PythonNaming.Literal(f.Wire)).Append(": ").Append(WriteValue(f)).Append(",\n");
                }

                sb.Append("        }\n");
            }

            foreach (var f in sometimes)
            {
                sb.Append("        if self.").Append(f.Name).Append(" is not None:\n");
                sb.Append("            out[").Append(PythonNaming.Literal(f.Wire)).Append("] = ").Append(f.Type.Write("self." + f.Name)).Append('\n');
            }

            sb.Append("        return out\n");
        }

        // Listed in required but allowed to be null (Agentset's completedAt): the wire wants the key, so null is written.
        private static bool IsRequiredNullable(Field f) => !f.Required && f.RequiredOnWire;

        private static string WriteValue(Field f)
        {
            var expression = "self." + f.Name;
            return f.Nullable && !f.Type.WritesAsIs ? $"None if {expression} is None else {f.Type.Write(expression)}" : f.Type.Write(expression);
        }

        /// <summary>Maps a schema to a Python type. <paramref name="inlineName"/> names a class for an inline object
        /// with properties; <paramref name="aliasBody"/> is true when mapping a named alias's own schema.</summary>
        private PyType Map(JsonSchema schema, string inlineName, bool aliasBody, int depth = 0)
        {
            // A property's $ref (NJsonSchema keeps the property object and points it at the target).
            if (schema.HasReference)
            {
                var target = Resolve(schema.Reference!);
                if (_names.TryGetValue(target, out var name))
                {
                    var mapped = Named(name, target);
                    return schema.Type.HasFlag(JsonObjectType.Null) && !mapped.Nullable ? Nullable(mapped) : mapped;
                }

                return Map(target, inlineName, aliasBody, depth);
            }

            // oneOf/anyOf [X, null] is a nullable X; other unions of shapes are tried in order.
            var alternatives = schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf;
            if (alternatives.Count > 0)
            {
                var nonNull = alternatives.Where(a => !IsNull(a)).ToList();
                var hasNull = nonNull.Count < alternatives.Count;
                PyType inner;
                if (nonNull.Count == 1)
                {
                    inner = Map(nonNull[0], inlineName, aliasBody: false, depth);
                }
                else
                {
                    var types = nonNull.Select((a, i) => Map(a, inlineName + (i + 1), aliasBody: false, depth)).ToList();
                    if (types.Any(t => !t.WritesAsIs))
                    {
                        throw new SpecException($"'{inlineName}' is a oneOf/anyOf of shapes that are not plain JSON; give it a discriminator");
                    }

                    inner = new PyType(string.Join(" | ", types.Select(t => t.Annotation)), $"_wire.one_of({string.Join(", ", types.Select(t => t.Reader))})", null);
                    if (!aliasBody)
                    {
                        // one_of answers object; only a named alias gets a reader typed as the union.
                        inner = new PyType("object", "_wire.read_any", null);
                    }
                }

                return hasNull || schema.Type.HasFlag(JsonObjectType.Null) ? Nullable(inner) : inner;
            }

            PyType type;
            if (schema.IsEnumeration && schema.Enumeration.All(v => v is string or null) && schema.Enumeration.Any(v => v is string))
            {
                _usesLiteral = true;
                var values = string.Join(", ", schema.Enumeration.OfType<string>().Select(PythonNaming.Literal));
                type = new PyType($"Literal[{values}] | str", "_wire.read_str", null);
            }
            else if (schema.Type.HasFlag(JsonObjectType.String))
            {
                _usesDatetime |= schema.Format == JsonFormatStrings.DateTime;
                type = schema.Format == JsonFormatStrings.DateTime
                    ? new PyType("datetime", "_wire.read_datetime", e => $"_wire.write_datetime({e})")
                    : new PyType("str", "_wire.read_str", null);
            }
            else if (schema.Type.HasFlag(JsonObjectType.Integer))
            {
                type = new PyType("int", "_wire.read_int", null);
            }
            else if (schema.Type.HasFlag(JsonObjectType.Number))
            {
                type = new PyType("float", "_wire.read_float", null);
            }
            else if (schema.Type.HasFlag(JsonObjectType.Boolean))
            {
                type = new PyType("bool", "_wire.read_bool", null);
            }
            else if (schema.Type.HasFlag(JsonObjectType.Array))
            {
                var item = schema.Item is null ? new PyType("object", "_wire.read_any", null) : Map(schema.Item, inlineName + "Item", aliasBody: false, depth + 1);
                var annotation = item.Nullable ? item.Annotation + " | None" : item.Annotation;
                var x = "x" + depth;
                // A list of objects of a class that is not a union: each object straight to its _from_object.
                var model = ModelClass(item.Reader);
                var listReader = model is not null && _schemas[model].DiscriminatorObject is null
                    ? $"_wire.list_of_objects({model}._from_object, {item.Reader})"
                    : $"_wire.list_of({item.Reader})";
                type = new PyType($"list[{annotation}]", listReader,
                    item.WritesAsIs ? null : e => $"[{(item.Nullable ? $"None if {x} is None else {item.Write(x)}" : item.Write(x))} for {x} in {e}]");
            }
            else if (schema.ActualProperties.Count > 0 || schema.AllOf.Count > 0 || schema.DiscriminatorObject is not null)
            {
                // An inline object with properties: a class of its own, named after where it is.
                var name = PythonNaming.Type(inlineName);
                if (!_schemas.ContainsKey(name))
                {
                    _schemas[name] = schema;
                    _names[schema] = name;
                    _inline.Enqueue((name, schema));
                }

                type = Named(name, schema);
            }
            else if (schema.Type.HasFlag(JsonObjectType.Object) || schema.AdditionalPropertiesSchema is not null)
            {
                var value = schema.AdditionalPropertiesSchema is null
                    ? new PyType("object", "_wire.read_any", null)
                    : Map(schema.AdditionalPropertiesSchema, inlineName + "Value", aliasBody: false, depth + 1);
                var annotation = value.Nullable ? value.Annotation + " | None" : value.Annotation;
                var (k, v) = ("k" + depth, "v" + depth);
                type = new PyType($"dict[str, {annotation}]", $"_wire.dict_of({value.Reader})",
                    value.WritesAsIs ? null : e => $"{{{k}: {(value.Nullable ? $"None if {v} is None else {value.Write(v)}" : value.Write(v))} for {k}, {v} in {e}.items()}}");
            }
            else
            {
                type = new PyType("object", "_wire.read_any", null);
            }

            return schema.Type.HasFlag(JsonObjectType.Null) ? Nullable(type) : type;
        }

        private PyType Named(string name, JsonSchema target)
        {
            switch (KindOf(target))
            {
                case SchemaKind.Class:
                    return new PyType(name, name + "._read", e => $"{e}.to_json()");
                case SchemaKind.Enum:
                    return new PyType(name + " | str", "_wire.read_str", null, target.Type.HasFlag(JsonObjectType.Null));
                default:
                    var body = Map(target, name + "Item", aliasBody: true);
                    var hasFunction = !body.Reader.StartsWith("_wire.", StringComparison.Ordinal) || body.Reader.Contains('(', StringComparison.Ordinal);
                    return new PyType(name, hasFunction ? ReaderFunction(name) : body.Reader, body.Writer, body.Nullable);
            }
        }

        private static PyType Nullable(PyType type) =>
            type.Nullable ? type : type with { Reader = $"_wire.nullable({type.Reader})", Nullable = true };

        private static bool IsNull(JsonSchema schema) =>
            schema.Type == JsonObjectType.Null && !schema.HasReference;

        private static void Doc(StringBuilder sb, string? text, string indent, bool comment, string? fallback = null)
        {
            var doc = PythonNaming.DocText(string.IsNullOrWhiteSpace(text) ? fallback : text);
            if (doc.Length == 0)
            {
                return;
            }

            sb.Append(indent).Append(comment ? "# " + doc.Replace("\\\\", "\\", StringComparison.Ordinal) + "\n" : "\"\"\"" + doc + "\"\"\"\n\n");
        }

        private void WriteOperations(StringBuilder sb)
        {
            sb.Append("\n\nOPERATIONS: dict[str, Operation] = {\n");
            foreach (var description in _document.Operations)
            {
                var operation = description.Operation;
                var method = description.Method.ToUpperInvariant();
                var idempotent = SpecRules.Flag(operation.ExtensionData, "x-astro-idempotent")
                    || method is "GET" or "HEAD" or "DELETE" or "PUT" or "OPTIONS";
                var parameters = operation.ActualParameters.Select(p => p.ActualParameter).ToList();
                sb.Append("    ").Append(PythonNaming.Literal(operation.OperationId)).Append(": Operation(\n");
                sb.Append("        service=").Append(PythonNaming.Literal(_service)).Append(",\n");
                sb.Append("        operation_id=").Append(PythonNaming.Literal(operation.OperationId)).Append(",\n");
                sb.Append("        method=").Append(PythonNaming.Literal(method)).Append(",\n");
                sb.Append("        path=").Append(PythonNaming.Literal(description.Path)).Append(",\n");
                sb.Append("        idempotent=").Append(idempotent ? "True" : "False").Append(",\n");
                var query = parameters.Where(p => p.Kind == OpenApiParameterKind.Query).ToList();
                sb.Append("        query=(");
                foreach (var p in query)
                {
                    var style = p.Style == OpenApiParameterStyle.Undefined ? "form" : Naming.Camel(p.Style.ToString()).TrimStart('@');
                    sb.Append("\n            QueryParam(").Append(PythonNaming.Literal(p.Name)).Append(", style=").Append(PythonNaming.Literal(style))
                        .Append(", explode=").Append(Explode(p) ? "True" : "False").Append(", required=").Append(p.IsRequired ? "True" : "False").Append("),");
                }

                sb.Append(query.Count > 0 ? "\n        ),\n" : "),\n");
                sb.Append("        headers=(").Append(Tuple(parameters.Where(p => p.Kind == OpenApiParameterKind.Header).Select(p => p.Name))).Append("),\n");
                sb.Append("        path_params=(").Append(Tuple(parameters.Where(p => p.Kind == OpenApiParameterKind.Path).Select(p => p.Name))).Append("),\n");
                sb.Append("    ),\n");
            }

            sb.Append("}\n");
        }

        /// <summary>OpenAPI: explode defaults to true for style form (the query default); NSwag reads an absent
        /// explode as that default too.</summary>
        private static bool Explode(OpenApiParameter p)
        {
            bool? explode = p.Explode;
            return explode != false;
        }

        private static string Tuple(IEnumerable<string> items)
        {
            var list = items.Select(PythonNaming.Literal).ToList();
            return list.Count == 1 ? list[0] + "," : string.Join(", ", list);
        }

        private void WriteRunStatus(StringBuilder sb)
        {
            var maps = RunStatusMaps.Read(_document, new HashSet<string>());
            var merged = new List<KeyValuePair<string, string>>();
            foreach (var map in maps)
            {
                foreach (var (wire, common) in map.Entries)
                {
                    var existing = merged.FindIndex(e => e.Key == wire);
                    if (existing >= 0 && merged[existing].Value != common)
                    {
                        throw new SpecException($"schema '{map.Schema}' {RunStatusMaps.Extension} maps '{wire}' to '{common}', another schema to '{merged[existing].Value}'");
                    }

                    if (existing < 0)
                    {
                        merged.Add(new(wire, common));
                    }
                }
            }

            sb.Append("\n# Each status word → the common run status (x-astro-run-status in the document).\n");
            sb.Append("RUN_STATUS: dict[str, str] = {");
            sb.Append(merged.Count == 0 ? string.Empty : "\n");
            foreach (var (wire, common) in merged)
            {
                sb.Append("    ").Append(PythonNaming.Literal(wire)).Append(": ").Append(PythonNaming.Literal(common)).Append(",\n");
            }

            sb.Append("}\n");
        }

        private void WriteDateTimeFields(StringBuilder sb)
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            var seen = new HashSet<JsonSchema>(ReferenceEqualityComparer.Instance);
            foreach (var schema in _schemas.Values)
            {
                Collect(schema, names, seen);
            }

            sb.Append("\n# Wire names of the date-time properties (a value without an offset is read as UTC).\n");
            sb.Append("DATE_TIME_FIELDS: frozenset[str] = frozenset({");
            sb.Append(string.Join(", ", names.Select(PythonNaming.Literal)));
            sb.Append("})\n");
        }

        private static void Collect(JsonSchema schema, SortedSet<string> names, HashSet<JsonSchema> seen)
        {
            if (!seen.Add(schema))
            {
                return;
            }

            foreach (var (wire, property) in schema.ActualProperties)
            {
                if (IsDateTime(property))
                {
                    names.Add(wire);
                }
            }

            foreach (var part in schema.AllOf)
            {
                Collect(part.ActualSchema, names, seen);
            }
        }

        private static bool IsDateTime(JsonSchema schema) =>
            schema.ActualSchema.Format == JsonFormatStrings.DateTime || schema.OneOf.Concat(schema.AnyOf).Any(IsDateTime);
    }
}
