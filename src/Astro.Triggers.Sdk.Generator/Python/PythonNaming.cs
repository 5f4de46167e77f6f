using System.Text;

namespace Astro.Triggers.Sdk.Generator.Python;

internal static class PythonNaming
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
        // The parameters of a dataclass's __init__ and of the generated methods.
        "self", "cls",
    };

    /// <summary>"namespaceId" → "namespace_id", "job_name" → "job_name", "X-Namespace" → "x_namespace",
    /// "fleetRunID" → "fleet_run_id"; a keyword gets a trailing "_" ("from" → "from_"), as PEP 8 suggests.</summary>
    public static string Snake(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (sb.Length > 0 && sb[^1] != '_')
                {
                    sb.Append('_');
                }

                continue;
            }

            if (char.IsUpper(c))
            {
                var previous = i > 0 ? value[i - 1] : '\0';
                var next = i + 1 < value.Length ? value[i + 1] : '\0';
                // A new word starts at an upper-case letter after a lower-case one or a digit, and at the last
                // capital of an acronym followed by a lower-case letter ("HTTPServer" → "http_server").
                var boundary = char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next));
                if (boundary && sb.Length > 0 && sb[^1] != '_')
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        var name = sb.ToString().Trim('_');
        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            name = "field_" + name;
        }

        return Reserved.Contains(name) ? name + "_" : name;
    }

    /// <summary>"IngestJobStatus" → "INGEST_JOB_STATUS".</summary>
    public static string Constant(string value) => Snake(value).TrimEnd('_').ToUpperInvariant();

    /// <summary>A class or alias name from a schema name: PascalCase, a valid identifier.</summary>
    public static string Type(string schemaName)
    {
        var name = Naming.Pascal(schemaName);
        return name.Length == 0 || char.IsDigit(name[0]) ? "Schema" + name : name;
    }

    /// <summary>A module name from a document's file name: "agentset" → "agentset", "true-foundry" → "true_foundry".</summary>
    public static string Module(string fileName) => Snake(fileName).TrimEnd('_');

    /// <summary>A Python string literal (double-quoted, escapes as JSON, which Python reads the same way).</summary>
    public static string Literal(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Text for a docstring: one paragraph, no quote run that would end it early.</summary>
    public static string DocText(string? value) =>
        string.Join(' ', (value ?? string.Empty).Split((char[])['\r', '\n', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"\"\"", "\\\"\\\"\\\"", StringComparison.Ordinal)
            .TrimEnd('"');
}
