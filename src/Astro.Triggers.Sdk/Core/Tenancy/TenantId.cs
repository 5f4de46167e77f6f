using System.Text.RegularExpressions;

namespace Astro.Triggers.Sdk.Core.Tenancy;

/// <summary>Agentset's tenant id rule, checked before sending so a bad id never costs a request.</summary>
internal static partial class TenantId
{
    public const string Rule = "1 to 64 ASCII letters or digits (^[A-Za-z0-9]{1,64}$)";

    public static string? Validate(string? tenantId, string argumentName)
    {
        if (tenantId is null)
        {
            return null;
        }

        return Pattern().IsMatch(tenantId)
            ? tenantId
            : throw new ArgumentException($"'{argumentName}' must be {Rule}.", argumentName);
    }

    [GeneratedRegex(@"^[A-Za-z0-9]{1,64}\z")]
    private static partial Regex Pattern();
}
