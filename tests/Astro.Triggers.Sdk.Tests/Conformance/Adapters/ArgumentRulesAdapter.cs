using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Tenancy;
using Astro.Triggers.Sdk.Mixpeek;

namespace Astro.Triggers.Sdk.Tests.Conformance.Adapters;

/// <summary>argument-rules: {argument, value} → {accepted} or {accepted: false, argument}: the value goes through the
/// C# rule that checks that argument before any request (Guard, TenantId, NamespaceRule, CronSchedule's CronRule and
/// zone lookup, PayloadRule) under the name C# gives it; a refusal answers the suite's name for the argument when the
/// ArgumentException names the C# one (ParamName and message), else what it named instead.</summary>
internal sealed class ArgumentRulesAdapter : IRuleAdapter
{
    // suite name → (the name C# gives the argument, the check).
    private static readonly Dictionary<string, (string Argument, string Native, Action<JsonNode?, string> Check)> Rules = new(StringComparer.Ordinal)
    {
        ["agentset-tenant-id"] = ("tenantId", "tenantId", (v, n) => TenantId.Validate((string?)v, n)),
        ["agentset-job-id"] = ("jobId", "jobId", (v, n) => Guard.PrefixedId((string?)v, "job_", n)),
        ["mixpeek-namespace"] = ("namespace", "namespace", (v, n) => NamespaceRule.Check((string)v!, n)),
        ["page-size"] = ("pageSize", "pageSize", (v, n) => Guard.InRange((int)v!, 1, 100, n)),
        ["cron-expression"] = ("cronExpression", "cronExpression", (v, _) => new CronSchedule((string)v!, "UTC")),
        ["time-zone"] = ("timeZone", "timeZone", (v, _) => new CronSchedule("0 2 * * *", (string)v!)),
        ["agentset-text-payload"] = ("payload.text", "job.Payload.Text",
            (v, _) => PayloadRule.Check(new CreateIngestJobRequest { Payload = new TextPayload { Text = (string)v! } }, "job")),
        ["url-payload"] = ("payload.fileUrl", "job.Payload.FileUrl",
            (v, _) => PayloadRule.Check(new CreateIngestJobRequest { Payload = new FilePayload { FileUrl = new Uri((string)v!, UriKind.RelativeOrAbsolute) } }, "job")),
        ["truefoundry-run-name"] = ("jobRunName", "jobRunName", (v, n) => Guard.PathSegment((string?)v, n)),
        ["header-value"] = ("headerValue", "headerValue", (v, n) => Guard.NoControlCharacters((string)v!, n)),
    };

    public Task<JsonObject> RunAsync(JsonObject input)
    {
        var kind = (string)input["argument"]!;
        if (!Rules.TryGetValue(kind, out var rule))
        {
            throw new ArgumentException($"unknown argument kind \"{kind}\"");
        }

        try
        {
            rule.Check(input["value"], rule.Native);
            return Task.FromResult(new JsonObject { ["accepted"] = true });
        }
        catch (ArgumentException e)
        {
            var named = e.ParamName == rule.Native && e.Message.Contains($"'{rule.Native}'", StringComparison.Ordinal);
            return Task.FromResult(new JsonObject { ["accepted"] = false, ["argument"] = named ? rule.Argument : $"(C# named '{e.ParamName}': {e.Message})" });
        }
    }
}
