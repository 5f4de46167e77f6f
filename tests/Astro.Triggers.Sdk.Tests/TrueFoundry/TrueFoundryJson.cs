namespace Astro.Triggers.Sdk.Tests.TrueFoundry;

/// <summary>Wire bodies in the shape TrueFoundry answers with (seed 001, vendors.md).</summary>
internal static class TrueFoundryJson
{
    public static string Run(string name, string status = "CREATED", string? error = null) => $$"""
        {
          "id": "run-id-{{name}}",
          "name": "{{name}}",
          "applicationName": "nightly-etl",
          "deploymentVersion": "7",
          "createdAt": 1763899200000,
          "endTime": null,
          "duration": 12.5,
          "command": "python etl.py --full",
          "totalRetries": 0,
          "error": {{(error is null ? "null" : $"\"{error}\"")}},
          "status": "{{status}}",
          "triggeredBy": "ci-bot",
          "triggeredBySubject": { "subjectId": "u1", "subjectType": "virtualaccount", "subjectSlug": "ci-bot", "subjectDisplayName": "CI bot" },
          "exitCode": null,
          "externalId": "ext-1"
        }
        """;

    public static string Envelope(string name, string status, string? error = null) => $$"""{ "data": {{Run(name, status, error)}} }""";

    public static string Page(int total, int offset, params string[] names) => $$"""
        { "data": [{{string.Join(",", names.Select(n => Run(n)))}}], "pagination": { "total": {{total}}, "offset": {{offset}}, "limit": {{names.Length}} } }
        """;
}
