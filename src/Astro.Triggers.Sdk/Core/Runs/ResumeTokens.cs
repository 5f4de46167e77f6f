using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Astro.Triggers.Sdk.Core;

/// <summary>Resume tokens (tests/conformance/rules/resume-token.json; README, "Resume a run anywhere"): <c>atr1.</c> and the
/// base64url (no padding) of a canonical JSON object in UTF-8 — <c>s</c> (the service) first, then the service's fields
/// in a fixed order, every value a string written without escapes. Ids and per-call scope only, never a credential, and
/// the same bytes in every language, so a token one SDK writes resumes in any other.</summary>
internal static partial class ResumeTokens
{
    public const string Agentset = "agentset";
    public const string Astropod = "astropod";
    public const string TrueFoundry = "truefoundry";
    public const string Shipyard = "shipyard";
    public const string Mixpeek = "mixpeek";

    private const string Prefix = "atr1.";
    private const int MaxLength = 2048;
    private const int MaxFieldBytes = 256;

    private static readonly Dictionary<string, (string Name, bool Required)[]> Fields = new(StringComparer.Ordinal)
    {
        [Agentset] = [("ns", true), ("run", true), ("tenant", false)],
        [Astropod] = [("ns", true), ("ingestion", true), ("run", true)],
        [TrueFoundry] = [("app", true), ("run", true), ("deployment", false)],
        [Shipyard] = [("org", true), ("project", true), ("fleet", true), ("run", true)],
        [Mixpeek] = [("ns", true), ("trigger", false), ("run", true)],
    };

    /// <summary>Writes a token. Fields not named by the service are ignored; null is absent.</summary>
    /// <exception cref="ResumeTokenException">A field breaks its rule, or the service is unknown.</exception>
    public static string Encode(string service, IReadOnlyDictionary<string, string?> fields)
    {
        if (!Fields.ContainsKey(service))
        {
            throw new ResumeTokenException("unknown-service");
        }

        Check(service, name => fields.TryGetValue(name, out var value) ? value : null);
        var bytes = Encoding.UTF8.GetBytes(Canonical(service, name => fields.TryGetValue(name, out var value) ? value : null));
        return Prefix + Base64Url.EncodeToString(bytes);
    }

    /// <summary>Writes a token, or null when a field breaks its rule (a handle that cannot be resumed).</summary>
    public static string? TryEncode(string service, params (string Name, string? Value)[] fields)
    {
        try
        {
            return Encode(service, fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal));
        }
        catch (ResumeTokenException)
        {
            return null;
        }
    }

    /// <summary>Reads a token: the service and its fields (<c>run</c> is always the run's id).</summary>
    /// <exception cref="ResumeTokenException">Not a token: the rule's rejection and the field at fault.</exception>
    public static (string Service, IReadOnlyDictionary<string, string> Fields) Decode(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length > MaxLength)
        {
            throw new ResumeTokenException("too-long");
        }

        var version = VersionPrefix().Match(token);
        if (!version.Success)
        {
            throw new ResumeTokenException("not-a-token");
        }

        if (version.Groups[1].Value != "1")
        {
            throw new ResumeTokenException("wrong-version");
        }

        var payload = token[version.Length..];
        if (payload.Length == 0 || payload.Length % 4 == 1 || !payload.All(IsBase64UrlChar))
        {
            throw new ResumeTokenException("bad-base64url");
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(payload);
        }
        catch (FormatException)
        {
            throw new ResumeTokenException("bad-base64url");
        }

        if (Base64Url.EncodeToString(bytes) != payload)
        {
            throw new ResumeTokenException("bad-base64url");
        }

        string text;
        Dictionary<string, string> read = new(StringComparer.Ordinal);
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ResumeTokenException("malformed");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    throw new ResumeTokenException("malformed");
                }

                read[property.Name] = property.Value.GetString()!;
            }
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException or ArgumentException)
        {
            throw new ResumeTokenException("malformed");
        }

        if (!read.TryGetValue("s", out var service))
        {
            throw new ResumeTokenException("missing-field", "s");
        }

        if (!Fields.TryGetValue(service, out var spec))
        {
            throw new ResumeTokenException("unknown-service");
        }

        if (read.Keys.Any(key => key != "s" && !spec.Any(f => f.Name == key)))
        {
            throw new ResumeTokenException("malformed");
        }

        Check(service, name => read.TryGetValue(name, out var value) ? value : null);
        if (Canonical(service, name => read.TryGetValue(name, out var value) ? value : null) != text)
        {
            throw new ResumeTokenException("malformed");
        }

        return (service, read.Where(p => p.Key != "s").ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
    }

    /// <summary>Reads a token given to a client's <c>ResumeRun</c>.</summary>
    /// <exception cref="ArgumentException">Not a resume token, or one of another service (the message names the argument).</exception>
    public static IReadOnlyDictionary<string, string> For(string? token, string service, string argument = "token")
    {
        if (token is null)
        {
            throw new ArgumentNullException(argument, $"'{argument}' is required (a resume token, \"atr1.…\").");
        }

        (string Service, IReadOnlyDictionary<string, string> Fields) decoded;
        try
        {
            decoded = Decode(token);
        }
        catch (ResumeTokenException e)
        {
            throw new ArgumentException($"'{argument}' is not a resume token: {e.Message} (see README, \"Resume a run anywhere\").", argument, e);
        }

        return decoded.Service == service
            ? decoded.Fields
            : throw new ArgumentException($"'{argument}' is a {decoded.Service} run's resume token; this client resumes {service} runs.", argument);
    }

    /// <summary>The caller's per-call retry, timeout and response callback on options scoped by a token.</summary>
    public static T CallOptions<T>(RequestOptions? from, T to)
        where T : RequestOptions
    {
        to.Retry = from?.Retry;
        to.Timeout = from?.Timeout;
        to.OnResponse = from?.OnResponse;
        return to;
    }

    private static void Check(string service, Func<string, string?> get)
    {
        var spec = Fields[service];
        foreach (var (name, required) in spec)
        {
            if (required && get(name) is null)
            {
                throw new ResumeTokenException("missing-field", name);
            }
        }

        foreach (var (name, _) in spec)
        {
            if (get(name) is { } value && !FieldOk(service, name, value))
            {
                throw new ResumeTokenException("invalid-field", name);
            }
        }
    }

    private static bool FieldOk(string service, string name, string value)
    {
        if (value.Length == 0 || value is "." or ".." || value.All(c => c == ' '))
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c <= '\u001f' || (c >= '\u007f' && c <= '\u009f') || c is '"' or '\\')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        if (Encoding.UTF8.GetByteCount(value) > MaxFieldBytes)
        {
            return false;
        }

        return (service, name) switch
        {
            (Agentset, "ns") => value.StartsWith("ns_", StringComparison.Ordinal) && value.Length > 3,
            (Agentset, "run") => value.StartsWith("job_", StringComparison.Ordinal) && value.Length > 4,
            (Agentset, "tenant") => TenantRule().IsMatch(value),
            _ => true,
        };
    }

    private static string Canonical(string service, Func<string, string?> get)
    {
        var text = new StringBuilder("{\"s\":\"").Append(service).Append('"');
        foreach (var (name, _) in Fields[service])
        {
            if (get(name) is { } value)
            {
                text.Append(",\"").Append(name).Append("\":\"").Append(value).Append('"');
            }
        }

        return text.Append('}').ToString();
    }

    private static bool IsBase64UrlChar(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';

    [GeneratedRegex("^atr([0-9]+)\\.", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPrefix();

    [GeneratedRegex("^[A-Za-z0-9]{1,64}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex TenantRule();
}

/// <summary>A string that is not a resume token: <see cref="Exception.Message"/> is the rule's rejection name.</summary>
internal sealed class ResumeTokenException(string rejection, string? field = null) : Exception(field is null ? rejection : $"{rejection} ({field})")
{
    public string Rejection { get; } = rejection;

    public string? Field { get; } = field;
}
