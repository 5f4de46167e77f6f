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
    private volatile string[] _forms = [];

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

            _forms = [.. _values
                .SelectMany(v => new[] { v, Uri.EscapeDataString(v), JavaScriptEncoder.Default.Encode(v) })
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(v => v.Length)];
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

        foreach (var form in _forms)
        {
            if (text.Contains(form, StringComparison.Ordinal))
            {
                text = text.Replace(form, Redactor.Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
