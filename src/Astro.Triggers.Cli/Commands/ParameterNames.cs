using System.Text.RegularExpressions;

namespace Astro.Triggers.Cli.Commands;

/// <summary>Says the SDK's argument checks in the CLI's words: a .NET parameter name ('jobId', 'request.Payload.Text')
/// becomes the argument or flag a user typed (&lt;job-id&gt;, --text), and .NET's "(Parameter 'x')" and
/// "Actual value was 00:00:10." tails go.</summary>
internal static partial class ParameterNames
{
    private static readonly Dictionary<string, string> CliNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jobId"] = "<job-id>",
        ["token"] = "--token",
        ["runName"] = "<run-name>",
        ["runId"] = "<run-id>",
        ["fleetRunId"] = "<run-id>",
        ["triggerId"] = "<trigger-id>",
        ["taskId"] = "<task-id>",
        ["ingestion"] = "<ingestion>",
        ["namespace"] = "<namespace>",
        ["namespaceId"] = "--namespace",
        ["tenantId"] = "--tenant",
        ["applicationId"] = "--application-id",
        ["deploymentId"] = "--deployment-id",
        ["orgId"] = "--org",
        ["projectId"] = "--project",
        ["fleetId"] = "--fleet",
        ["account"] = "--account",
        ["text"] = "--text",
        ["url"] = "--url",
        ["name"] = "--name",
        ["externalId"] = "--external-id",
        ["fileName"] = "--file-name",
        ["command"] = "--command",
        ["pollInterval"] = "--poll-interval",
        ["pollIntervalRatio"] = "--poll-interval-ratio",
        ["timeout"] = "--timeout",
        ["cronExpression"] = "--cron",
        ["timeZone"] = "--tz",
        ["interval"] = "--interval",
        ["description"] = "--description",
    };

    /// <summary>The CLI's spelling of a .NET parameter (its last segment: 'request.Payload.Text' is --text), or null.</summary>
    public static string? ToCli(string? parameter)
    {
        if (string.IsNullOrEmpty(parameter))
        {
            return null;
        }

        var last = parameter[(parameter.LastIndexOf('.') + 1)..].TrimStart('@');
        return CliNames.GetValueOrDefault(last);
    }

    /// <summary>An argument exception's message in the CLI's words.</summary>
    public static string Describe(ArgumentException exception)
    {
        var message = ParameterTail().Replace(exception.Message, string.Empty);
        message = ActualValueTail().Replace(message, string.Empty).Trim();
        if (exception.ParamName is { Length: > 0 } parameter && ToCli(parameter) is { } cli)
        {
            message = message.Replace($"'{parameter}'", cli, StringComparison.Ordinal);
            // A message that does not name its parameter is prefixed with the flag it is about.
            if (!message.Contains(cli, StringComparison.Ordinal))
            {
                message = $"{cli}: {message}";
            }
        }

        return message;
    }

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)")]
    private static partial Regex ParameterTail();

    [GeneratedRegex(@"\s*Actual value was [^\r\n]*", RegexOptions.Multiline)]
    private static partial Regex ActualValueTail();
}
