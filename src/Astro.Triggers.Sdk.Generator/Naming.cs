using System.Globalization;
using System.Text;

namespace Astro.Triggers.Sdk.Generator;

internal static class Naming
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>"listIngestJobs" → "ListIngestJobs", "x-tenant-id" → "XTenantId", "agentset" → "Agentset".</summary>
    public static string Pascal(string value)
    {
        var sb = new StringBuilder(value.Length);
        var upper = true;
        foreach (var c in value)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb.ToString();
    }

    /// <summary>"perPage" → "perPage"; a C# keyword gets "@" ("namespace" → "@namespace").</summary>
    public static string Camel(string value)
    {
        var pascal = Pascal(value);
        var camel = pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>C# parameter name for a header: the conventional "x-" prefix says nothing to a reader.</summary>
    public static string HeaderParameter(string headerName) =>
        Camel(headerName.StartsWith("x-", StringComparison.OrdinalIgnoreCase) ? headerName[2..] : headerName);

    public static string Literal(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public static string XmlText(string? value) =>
        (value ?? string.Empty).ReplaceLineEndings(" ").Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Trim();

    public static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
