using System.Text;
using System.Text.RegularExpressions;

namespace Astro.Triggers.Sdk.Generator;

/// <summary>Writes {Service}Requests: one straight-line method per operation that builds its HttpRequestMessage and
/// sends it through the client's HttpClient (the SDK's handler chain).</summary>
/// <remarks>It replaced a Refit interface (issue 30): Refit's generated class still parsed the interface's attributes by
/// reflection on a process's first call (~120 methods to compile). The wire is Refit's, byte for byte
/// (tests/…/Core/Http/RequestWireTests): each path value one escaped segment; query pairs in parameter order, an absent
/// value left out, a repeated-key array once per item, a comma-joined array as one escaped value (present even when
/// empty); enums by their wire names; other values formatted with the invariant culture; a header parameter's value
/// without CR/LF; the JSON body through the service's source-generated context.</remarks>
internal sealed partial class RequestWriter(
    string service, IReadOnlyList<OperationShape> operations, IReadOnlyDictionary<string, IReadOnlyList<EnumWireName>> enums)
{
    private const string Core = "global::Astro.Triggers.Sdk.Core.Requests.";

    private readonly StringBuilder _sb = new();
    private readonly SortedSet<string> _wireEnums = new(StringComparer.Ordinal);

    public string Write(string generatedCode)
    {
        Line($"    /// <summary>Builds and sends the requests of the {service} API, generated from openapi/; each returns the");
        Line("    /// response with only its headers read.</summary>");
        Line($"    {generatedCode}");
        Line($"    internal static class {service}Requests");
        Line("    {");
        foreach (var op in operations)
        {
            WriteOperation(op);
        }

        foreach (var name in _wireEnums)
        {
            WriteWireNames(name);
        }

        Line("    }");
        Line(string.Empty);
        return _sb.ToString();
    }

    private void WriteOperation(OperationShape op)
    {
        Line($"        /// <summary>{Naming.XmlText(op.Summary)} ({op.HttpMethod} {Naming.XmlText(op.Path)})</summary>");
        Line($"        public static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> {op.MethodName}(");
        Line("            global::System.Net.Http.HttpClient __http,");
        foreach (var p in op.Parameters)
        {
            Line($"            {p.Type} {p.Name},");
        }

        Line("            global::Astro.Triggers.Sdk.Core.Http.CallContext call,");
        Line("            global::System.Threading.CancellationToken cancellationToken)");
        Line("        {");
        Line($"            var __target = {Core}RequestTarget.Start(__http);");
        WritePath(op);
        foreach (var p in op.Parameters.Where(p => p.Kind == ParameterKind.Query))
        {
            WriteQuery(p);
        }

        Line($"            var __request = {Core}GeneratedRequest.Create(global::System.Net.Http.HttpMethod.{Verb(op.HttpMethod)}, __target, call);");
        var body = op.Parameters.FirstOrDefault(p => p.Kind == ParameterKind.Body);
        // Refit made room for content headers this way: a request that may have a body gets an empty one once a header
        // parameter has a value. Kept, so such a DELETE or POST still says Content-Length: 0.
        var emptyBody = body is null && op.HttpMethod is not ("GET" or "HEAD");
        foreach (var p in op.Parameters.Where(p => p.Kind == ParameterKind.Header))
        {
            var local = Local(p);
            Line($"            if ({p.Name} is {{ }} {local})");
            Line("            {");
            Line($"                {Core}GeneratedRequest.Header(__request, {Naming.Literal(p.WireName)}, {Text(p.Type, local)});");
            if (emptyBody)
            {
                Line($"                {Core}GeneratedRequest.EmptyBody(__request);");
            }

            Line("            }");
        }

        if (body is not null)
        {
            var type = body.Type.TrimEnd('?');
            var send = $"{Core}GeneratedRequest.JsonBody(__request, {body.Name}, (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{type}>){service}JsonContext.Default.GetTypeInfo(typeof({type}))!);";
            if (body.Type.EndsWith('?'))
            {
                Line($"            if ({body.Name} is not null)");
                Line("            {");
                Line("                " + send);
                Line("            }");
            }
            else
            {
                Line("            " + send);
            }
        }

        Line($"            return {Core}GeneratedRequest.SendAsync(__http, __request, cancellationToken);");
        Line("        }");
        Line(string.Empty);
    }

    private void WritePath(OperationShape op)
    {
        var at = 0;
        foreach (Match m in Placeholder().Matches(op.Path))
        {
            if (m.Index > at)
            {
                Line($"            __target.Path({Naming.Literal(op.Path[at..m.Index])});");
            }

            var name = m.Groups["name"].Value;
            var p = op.Parameters.FirstOrDefault(p => p.Kind == ParameterKind.Path && string.Equals(p.WireName, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new SpecException($"operation '{op.OperationId}': the path names {{{name}}}, which no path parameter declares");
            Line(IsString(p.Type)
                ? $"            __target.Segment({p.Name});"
                : $"            __target.Segment({Text(p.Type, p.Name)});");
            at = m.Index + m.Length;
        }

        if (at < op.Path.Length)
        {
            Line($"            __target.Path({Naming.Literal(op.Path[at..])});");
        }
    }

    private void WriteQuery(ParameterShape p)
    {
        var key = Naming.Literal(p.WireName);
        if (p.CollectionFormat is null)
        {
            var local = Local(p);
            Line($"            if ({p.Name} is {{ }} {local})");
            Line("            {");
            Line($"                __target.Query({key}, {Text(p.Type, local)});");
            Line("            }");
            return;
        }

        var item = ItemType(p.Type);
        Line($"            if ({p.Name} is not null)");
        Line("            {");
        if (p.CollectionFormat == "Csv")
        {
            Line($"                __target.Key({key});");
            Line("                var __comma = false;");
            Line($"                foreach (var __item in {p.Name})");
            Line("                {");
            Line("                    if (__comma)");
            Line("                    {");
            Line("                        __target.Comma();");
            Line("                    }");
            Line(string.Empty);
            Line($"                    __target.Value({Text(item, "__item")});");
            Line("                    __comma = true;");
            Line("                }");
        }
        else
        {
            Line($"                foreach (var __item in {p.Name})");
            Line("                {");
            Line($"                    __target.Query({key}, {Text(item, "__item")});");
            Line("                }");
        }

        Line("            }");
    }

    /// <summary>The text of a value of <paramref name="type"/> (not null) held in <paramref name="value"/>.</summary>
    private string Text(string type, string value)
    {
        var bare = type.TrimEnd('?');
        if (bare == "string")
        {
            return value;
        }

        if (enums.ContainsKey(bare))
        {
            _wireEnums.Add(bare);
            return $"Wire({value})";
        }

        return $"{value}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)";
    }

    private void WriteWireNames(string name)
    {
        Line($"        private static string Wire({name} value) => value switch");
        Line("        {");
        foreach (var member in enums[name])
        {
            Line($"            {name}.{member.Member} => {Naming.Literal(member.Wire)},");
        }

        // Unknown (never sent by the facades) and values outside the enum: their .NET names, as Refit wrote them.
        Line("            _ => value.ToString(),");
        Line("        };");
        Line(string.Empty);
    }

    private static bool IsString(string type) => type.TrimEnd('?') == "string";

    private static string Local(ParameterShape p) => "__" + p.Name.TrimStart('@');

    private static string ItemType(string type)
    {
        var m = Enumerable().Match(type);
        return m.Success ? m.Groups["item"].Value : throw new SpecException($"query array of type {type} is not an IEnumerable<T>");
    }

    private static string Verb(string method) => method switch
    {
        "GET" => "Get",
        "POST" => "Post",
        "PUT" => "Put",
        "PATCH" => "Patch",
        "DELETE" => "Delete",
        "HEAD" => "Head",
        _ => throw new SpecException($"HTTP method {method} is not supported by the request writer"),
    };

    private void Line(string text) => _sb.Append(text).Append('\n');

    [GeneratedRegex(@"\{(?<name>[^}]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"IEnumerable<(?<item>.+)>\??$")]
    private static partial Regex Enumerable();
}

/// <summary>A generated enum's member and the name it has on the wire.</summary>
internal sealed record EnumWireName(string Member, string Wire);
