using System.Text.Encodings.Web;

namespace Astro.Triggers.Sdk.Core.Security;

/// <summary>The exact secret values one client holds (its API key, the tokens its TokenProvider returned), so
/// every text the SDK surfaces can mask them even where a service echoes one in a shape no pattern catches
/// ("API key sk_live_… is revoked").</summary>
/// <remarks>Each secret is masked as sent, URL-escaped and JSON-escaped: the forms a service echoes it in.</remarks>
internal sealed class KnownSecrets
{
    // Shorter values would mask ordinary words; a real credential is never this short.
    private const int MinimumLength = 6;

    // Rotated tokens stay masked for a while: an error about the previous token may still arrive.
    private const int TokensKept = 4;

    private readonly Lock _gate = new();
    private readonly List<string> _values = [];
    private string? _last;
    // Null until a text is first masked after a change: the escaped forms are built then, not while a client is built
    // (JavaScriptEncoder and the escapes were JIT time on a process's first call, issue 30, and most clients never mask).
    private volatile string[]? _forms = [];

    /// <summary>Remembers a secret the client sent or is about to send; cheap when it is the one seen last.</summary>
    public void Add(string? secret)
    {
        if (secret is null || secret.Length < MinimumLength || ReferenceEquals(secret, Volatile.Read(ref _last)))
        {
            return;
        }

        lock (_gate)
        {
            Volatile.Write(ref _last, secret);
            if (_values.Contains(secret))
            {
                return;
            }

            _values.Add(secret);
            if (_values.Count > TokensKept)
            {
                _values.RemoveAt(0);
            }

            _forms = null;
        }
    }

    /// <summary>The text with every known secret and every bearer token replaced by <see cref="Redactor.Mask"/>.</summary>
    public string? Mask(string? text)
    {
        text = Redactor.Text(text);
        if (text is null)
        {
            return null;
        }

        foreach (var form in _forms ?? Forms())
        {
            if (text.Contains(form, StringComparison.Ordinal))
            {
                text = text.Replace(form, Redactor.Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    // Every form of every kept secret, longest first (a form inside a longer one must not be masked first).
    private string[] Forms()
    {
        lock (_gate)
        {
            return _forms ??= [.. _values
                .SelectMany(v => (string[])[v, Uri.EscapeDataString(v), JavaScriptEncoder.Default.Encode(v), .. JsonEscapedForms(v)])
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(v => v.Length)];
        }
    }

    /// <summary>The JSON-escaped forms a service may echo a secret in, as every client masks them (conformance rule
    /// secret-masking): JSON.stringify's and most serializers' (quote and backslash escaped, controls escaped, non-ASCII
    /// kept), and every unit outside printable ASCII as <c>\uXXXX</c> in lower-case hex (Python's json, Jackson) and in
    /// upper-case hex. .NET's own form is <see cref="JavaScriptEncoder.Default"/>'s, added beside these.</summary>
    internal static string[] JsonEscapedForms(string value) =>
        [Escape(value, asciiOnly: false, upper: false), Escape(value, asciiOnly: true, upper: false), Escape(value, asciiOnly: true, upper: true)];

    private static string Escape(string value, bool asciiOnly, bool upper)
    {
        var builder = new System.Text.StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20 || (asciiOnly && c >= 0x7f))
                    {
                        builder.Append("\\u").Append(((int)c).ToString(upper ? "X4" : "x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
