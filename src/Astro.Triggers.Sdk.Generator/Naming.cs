using System.Globalization;
using System.Text;

namespace Astro.Triggers.Sdk.Generator;

internal static class Naming
{
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

    public static string Camel(string value)
    {
        var pascal = Pascal(value);
        return pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
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
