namespace Astro.Triggers.Sdk.Generator.Readers;

/// <summary>The methods {Service}Readers holds: one per class, union, enum and list type.</summary>
internal sealed partial class ReaderWriter
{
    private const string ListPrefix = "System.Collections.Generic.IList<";
    private const string MapPrefix = "System.Collections.Generic.IDictionary<string, ";

    private void WriteClass(ModelClass model, string? caseOf)
    {
        var properties = AllProperties(model);
        var extension = HasExtensionData(model);
        var known = properties.Select(p => p.Wire).Concat(caseOf is null ? [] : [caseOf]);
        Line($"        private static readonly string[] Known{model.Name} = [{string.Join(", ", known.Select(Naming.Literal))}];");
        Line(string.Empty);
        Line($"        private static bool TryRead{model.Name}(ref {Json}.Utf8JsonReader reader, out {model.Name} value)");
        Line("        {");
        Line("            value = null!;");
        Line($"            if (reader.TokenType != {Json}.JsonTokenType.StartObject) return false;");
        Line($"            var model = new {model.Name}();");
        for (var i = 0; i < properties.Count; i++)
        {
            Line($"            var seen{i} = false;");
        }

        Line("            while (true)");
        Line("            {");
        Line("                if (!reader.Read()) return false;");
        Line($"                if (reader.TokenType == {Json}.JsonTokenType.EndObject) break;");
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            Line($"                {(i == 0 ? "if" : "else if")} (reader.ValueTextEquals({Naming.Literal(p.Wire)}u8))");
            Line("                {");
            Line($"                    if (seen{i} || !reader.Read()) return false;");
            Line($"                    seen{i} = true;");
            var nullable = p.Type.EndsWith('?') && !p.Required;
            var call = ValueCall(p.Type.TrimEnd('?'), lenientText: nullable && p.Type == "string?");
            if (nullable)
            {
                Line($"                    if (reader.TokenType == {Json}.JsonTokenType.Null) model.{p.Name} = null;");
                Line($"                    else if ({call}(ref reader, out var v{i})) model.{p.Name} = v{i};");
            }
            else
            {
                Line($"                    if ({call}(ref reader, out var v{i})) model.{p.Name} = v{i};");
            }

            Line("                    else return false;");
            Line("                }");
        }

        if (caseOf is not null)
        {
            // The union has checked it is there once, a string naming this case.
            Line($"                {(properties.Count == 0 ? "if" : "else if")} (reader.ValueTextEquals({Naming.Literal(caseOf)}u8))");
            Line("                {");
            Line("                    if (!reader.Read()) return false;");
            Line("                }");
        }

        var hasIf = properties.Count > 0 || caseOf is not null;
        Line(hasIf ? "                else" : "                // No declared property: every name is unknown.");
        Line("                {");
        Line($"                    if ({Wire}.MightBeKnown(ref reader, Known{model.Name})) return false;");
        if (extension)
        {
            Line($"                    if (!{Wire}.Extension(ref reader, out var name, out var element)) return false;");
            Line("                    var extension = model.AdditionalProperties;");
            Line("                    if (extension.ContainsKey(name)) return false;");
            Line("                    extension[name] = element;");
        }
        else
        {
            Line("                    reader.Skip();");
        }

        Line("                }");
        Line("            }");
        Line(string.Empty);
        var required = properties.Select((p, i) => (p, i)).Where(x => x.p.Required).Select(x => $"!seen{x.i}").ToList();
        if (required.Count > 0)
        {
            Line($"            if ({string.Join(" || ", required)}) return false;");
        }

        Line("            value = model;");
        Line("            return true;");
        Line("        }");
        Line(string.Empty);
    }

    private void WriteUnion(ModelClass union)
    {
        Line($"        private static bool TryRead{union.Name}(ref {Json}.Utf8JsonReader reader, out {union.Name} value)");
        Line("        {");
        Line("            value = null!;");
        Line($"            if (!{Wire}.Discriminator(reader, {Naming.Literal(union.Discriminator!)}u8, out var tag)) return false;");
        for (var i = 0; i < union.Cases.Count; i++)
        {
            var (tagValue, type) = union.Cases[i];
            Line($"            if (tag.ValueTextEquals({Naming.Literal(tagValue)}u8))");
            Line("            {");
            Line($"                if (!TryRead{type}(ref reader, out var case{i})) return false;");
            Line($"                value = case{i};");
            Line("                return true;");
            Line("            }");
            Line(string.Empty);
        }

        Line("            // A discriminator this version does not know: the metadata decides.");
        Line("            return false;");
        Line("        }");
        Line(string.Empty);
    }

    private void WriteEnum(ModelEnum e)
    {
        Line($"        private static readonly byte[][] {e.Name}Wire = [{string.Join(", ", e.WireNames.Select(w => Naming.Literal(w) + "u8.ToArray()"))}];");
        Line($"        private static readonly {e.Name}[] {e.Name}Members = [{string.Join(", ", e.Members)}];");
        Line(string.Empty);
        Line($"        private static bool TryRead{e.Name}(ref {Json}.Utf8JsonReader reader, out {e.Name} value)");
        Line("        {");
        Line("            value = default;");
        Line($"            if (!{Wire}.EnumIndex(ref reader, {e.Name}Wire, out var index)) return false;");
        Line($"            value = {e.Name}Members[index];");
        Line("            return true;");
        Line("        }");
        Line(string.Empty);
    }

    private void WriteList(string method, string element)
    {
        Line($"        private static bool {method}(ref {Json}.Utf8JsonReader reader, out {ListPrefix}{element}> value)");
        Line("        {");
        Line("            value = null!;");
        Line($"            if (reader.TokenType != {Json}.JsonTokenType.StartArray) return false;");
        Line($"            var list = new System.Collections.Generic.List<{element}>();");
        Line("            while (true)");
        Line("            {");
        Line("                if (!reader.Read()) return false;");
        Line($"                if (reader.TokenType == {Json}.JsonTokenType.EndArray) break;");
        Line($"                if (reader.TokenType == {Json}.JsonTokenType.Null || !{ValueCall(element.TrimEnd('?'), lenientText: false)}(ref reader, out var item)) return false;");
        Line("                list.Add(item);");
        Line("            }");
        Line(string.Empty);
        Line("            value = list;");
        Line("            return true;");
        Line("        }");
        Line(string.Empty);
    }

    private void WriteMap(string method, string value)
    {
        Line($"        private static bool {method}(ref {Json}.Utf8JsonReader reader, out {MapPrefix}{value}> value)");
        Line("        {");
        Line("            value = null!;");
        Line($"            if (reader.TokenType != {Json}.JsonTokenType.StartObject) return false;");
        Line($"            var map = new System.Collections.Generic.Dictionary<string, {value}>();");
        Line("            while (true)");
        Line("            {");
        Line("                if (!reader.Read()) return false;");
        Line($"                if (reader.TokenType == {Json}.JsonTokenType.EndObject) break;");
        Line("                var key = reader.GetString()!;");
        // A repeated key or a metadata-like one: the metadata path's own rules decide.
        Line("                if (key.StartsWith('$') || map.ContainsKey(key) || !reader.Read()) return false;");
        Line($"                if (reader.TokenType == {Json}.JsonTokenType.Null || !{ValueCall(value.TrimEnd('?'), lenientText: false)}(ref reader, out var item)) return false;");
        Line("                map.Add(key, item);");
        Line("            }");
        Line(string.Empty);
        Line("            value = map;");
        Line("            return true;");
        Line("        }");
        Line(string.Empty);
    }

    /// <summary>The method that reads a non-null value of <paramref name="type"/>.</summary>
    private static string ValueCall(string type, bool lenientText)
    {
        if (lenientText)
        {
            return $"{Wire}.Text";
        }

        if (Scalar(type) is { } scalar)
        {
            return $"{Wire}.{scalar}";
        }

        if (MapElement(type) is { } value)
        {
            return MapMethod(value);
        }

        return ListElement(type) is { } element ? ListMethod(element) : $"TryRead{type}";
    }

    /// <summary>The WireRead method of a scalar type; each follows the converter the context uses for it.</summary>
    private static string? Scalar(string type) => type switch
    {
        "string" => "String",
        "bool" => "Boolean",
        "int" => "Int32",
        "long" => "Int64",
        "double" => "Double",
        "System.DateTimeOffset" => "Timestamp",
        "System.Uri" => "Uri",
        "object" => "Element",
        _ => null,
    };

    private static string? ListElement(string type) =>
        type.StartsWith(ListPrefix, StringComparison.Ordinal) && type.EndsWith('>') ? type[ListPrefix.Length..^1] : null;

    private static string? MapElement(string type) =>
        type.StartsWith(MapPrefix, StringComparison.Ordinal) && type.EndsWith('>') ? type[MapPrefix.Length..^1] : null;

    private static string MapMethod(string value) =>
        "TryReadMapOf" + TypeWord(value);

    private static string ListMethod(string element) =>
        "TryReadListOf" + TypeWord(element);

    /// <summary>A type as one word for a method name: <c>System.Uri</c> → <c>SystemUri</c>, <c>string</c> → <c>String</c>.</summary>
    private static string TypeWord(string type)
    {
        var word = new string(type.Where(char.IsLetterOrDigit).ToArray());
        return word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
    }

    private List<ModelProperty> AllProperties(ModelClass model)
    {
        var inherited = model.Base is { } b && catalog.Classes.TryGetValue(b, out var parent) ? AllProperties(parent) : [];
        return [.. inherited, .. model.Properties];
    }

    private bool HasExtensionData(ModelClass model) =>
        model.ExtensionData || (model.Base is { } b && catalog.Classes.TryGetValue(b, out var parent) && HasExtensionData(parent));
}
