using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Testing.Core;

namespace Astro.Triggers.Sdk.Testing.TrueFoundry;

/// <summary>A job the fake can run: its application and deployment ids.</summary>
internal sealed record FakeJob(string ApplicationId, string DeploymentId, string ApplicationName, bool IsJob);

/// <summary>One run the fake holds.</summary>
internal sealed class FakeJobRun
{
    public static readonly string[] Terminal = ["FINISHED", "FAILED", "TERMINATED"];

    public required string Id { get; init; }

    public required string Name { get; init; }

    public required FakeJob Job { get; init; }

    public required long Sequence { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? Command { get; init; }

    public required FakeTimeline Timeline { get; init; }

    public string? FailureText { get; set; }

    public bool IsTerminal(DateTimeOffset now) => Terminal.Contains(Timeline.StatusAt(now));

    public DateTimeOffset? EndTime(DateTimeOffset now) => IsTerminal(now) ? Timeline.ReachedAt(Timeline.StatusAt(now), now) : null;

    public double Duration(DateTimeOffset now) =>
        ((EndTime(now) ?? now) - (Timeline.ReachedAt("RUNNING", now) ?? now)).TotalSeconds is var s && s > 0 ? s : 0;

    /// <summary>The fake deploys every job once: every run is of version 1.</summary>
    public int DeploymentVersion { get; init; } = 1;

    public JsonObject ToJson(DateTimeOffset now)
    {
        var status = Timeline.StatusAt(now);
        return new JsonObject
        {
            ["id"] = Id,
            ["name"] = Name,
            ["applicationName"] = Job.ApplicationName,
            ["applicationId"] = Job.ApplicationId,
            ["deploymentId"] = Job.DeploymentId,
            ["tenantName"] = "fake-tenant",
            ["deploymentVersion"] = DeploymentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["createdAt"] = CreatedAt.ToUnixTimeMilliseconds(),
            ["endTime"] = EndTime(now)?.ToUnixTimeMilliseconds(),
            ["duration"] = Duration(now),
            ["command"] = Command ?? "python main.py",
            ["totalRetries"] = 0,
            ["error"] = status == "FAILED" ? FailureText : null,
            ["status"] = status,
            ["triggeredBy"] = "fake-user",
            ["triggeredBySubject"] = new JsonObject
            {
                ["subjectId"] = "user-fake",
                ["subjectType"] = "user",
                ["subjectSlug"] = "fake-user",
                ["subjectDisplayName"] = "Fake User",
            },
            ["exitCode"] = status switch { "FINISHED" => 0, "FAILED" => 1, _ => null },
        };
    }
}
