using System.Text.RegularExpressions;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>The X-Namespace rule, checked before sending: an id ("ns_…") or a name. Mixpeek does not publish the
/// allowed characters; this is our assumption (openapi/README.md) and it keeps CR/LF out of the header.</summary>
internal static partial class NamespaceRule
{
    public const string Description = "a namespace id (ns_…) or name of 1 to 128 letters, digits, '_', '-' or '.'";

    public static bool IsValid(string value) => Pattern().IsMatch(value);

    public static string Check(string value, string argumentName) =>
        IsValid(value) ? value : throw new ArgumentException($"'{argumentName}' must be {Description} (was '{value}').", argumentName);

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,128}\z")]
    private static partial Regex Pattern();
}
