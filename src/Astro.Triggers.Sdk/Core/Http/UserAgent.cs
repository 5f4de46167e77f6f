using System.Reflection;
using System.Runtime.InteropServices;

namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>The <c>User-Agent</c> every request carries: <c>[application-id ]Astro.Triggers.Sdk/&lt;version&gt; (.NET &lt;runtime&gt;; &lt;OS&gt;)</c>,
/// so a service's support can tell which client and version sent a request (the Azure SDKs' telemetry policy does the same).</summary>
internal static class UserAgent
{
    public static readonly string Version = ReadVersion();

    private static readonly string Product =
        $"{SdkConstants.TelemetryName}/{Version} (.NET {Environment.Version}; {Clean(RuntimeInformation.OSDescription)})";

    public static string For(string? applicationId) => applicationId is null ? Product : applicationId + " " + Product;

    // The package version, without the "+commit" build metadata SourceLink appends.
    private static string ReadVersion()
    {
        var informational = typeof(UserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? typeof(UserAgent).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }

    // A product comment may not hold parentheses or control characters (RFC 9110 §5.6.5). A loop, not LINQ over chars:
    // this runs while the first client is built, where each generic instantiation is JIT time (issue 30).
    private static string Clean(string text)
    {
        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsControl(c) && c is not '(' and not ')')
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }
}
