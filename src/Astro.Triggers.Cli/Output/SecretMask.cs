namespace Astro.Triggers.Cli.Output;

/// <summary>Replaces every secret the CLI has loaded with a mask in any text it writes. The SDK masks its own messages
/// and logs; this catches what it cannot know about, e.g. a service that echoes the key back in an error body.</summary>
internal sealed class SecretMask
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    // Secrets shorter than this are not masked: a 1–3 character "key" would mask ordinary words and is not a secret.
    private const int MinimumLength = 4;

    private readonly object _gate = new();
    private string[] _secrets = [];

    public void Add(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < MinimumLength)
        {
            return;
        }

        lock (_gate)
        {
            if (!_secrets.Contains(secret, StringComparer.Ordinal))
            {
                // Longest first, so a secret containing another is masked whole.
                _secrets = [.. _secrets.Append(secret).OrderByDescending(s => s.Length)];
            }
        }
    }

    public string Apply(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        foreach (var secret in Volatile.Read(ref _secrets))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
