using System.Text;
using System.Text.RegularExpressions;

namespace Astro.Triggers.Sdk.Core.Security;

/// <summary>Removes secrets from anything that may reach a log, an exception message or telemetry.</summary>
internal static partial class Redactor
{
    public const string Mask = "***";

    // An allow-list, as Azure's HttpMessageSanitizer keeps one: the query parameters the five services' documents
    // define (openapi/*.yaml) are shown; any other value is masked, so a secret in a parameter nobody anticipated
    // (a pre-signed URL, a proxy's token) never reaches a log or an exception.
    private static readonly HashSet<string> ShownQueryKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "account", "cursor", "cursorDirection", "deploymentId", "jobRunName", "limit", "offset", "order", "orderBy",
        "perPage", "searchPrefix", "sortBy", "status", "statuses", "triggeredBy", "versionNumbers",
    };

    /// <summary>The URI with user info masked, and the value of every query parameter the services' documents do not
    /// define.</summary>
    public static string? Uri(System.Uri? uri)
    {
        if (uri is null)
        {
            return null;
        }

        if (!uri.IsAbsoluteUri)
        {
            return uri.OriginalString;
        }

        var builder = new StringBuilder();
        builder.Append(uri.Scheme).Append("://");
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            builder.Append(Mask).Append('@');
        }

        builder.Append(uri.Authority).Append(uri.AbsolutePath);
        var query = uri.Query;
        if (query.Length > 1)
        {
            builder.Append('?');
            var first = true;
            foreach (var pair in query[1..].Split('&'))
            {
                if (!first)
                {
                    builder.Append('&');
                }

                first = false;
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var key = eq < 0 ? pair : pair[..eq];
                var secret = eq >= 0 && !ShownQueryKeys.Contains(System.Uri.UnescapeDataString(key));
                builder.Append(secret ? key + "=" + Mask : pair);
            }
        }

        return builder.ToString();
    }

    /// <summary>Masks bearer tokens that a body or message may echo back.</summary>
    public static string? Text(string? text) =>
        text is null ? null : BearerToken().Replace(text, "Bearer " + Mask);

    [GeneratedRegex(@"(?i)bearer\s+[A-Za-z0-9\-._~+/]+=*")]
    private static partial Regex BearerToken();
}
