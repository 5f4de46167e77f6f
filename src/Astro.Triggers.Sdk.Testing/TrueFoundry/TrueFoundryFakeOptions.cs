using Astro.Triggers.Sdk.Testing.Core;

namespace Astro.Triggers.Sdk.Testing.TrueFoundry;

/// <summary>Settings of a <see cref="TrueFoundryFake"/>.</summary>
public sealed class TrueFoundryFakeOptions : FakeServiceOptions
{
    /// <summary>The application id of the job the fake starts with (more with <see cref="TrueFoundryFake.AddJob"/>). Default <c>app-fake</c>.</summary>
    public string ApplicationId { get; set; } = "app-fake";

    /// <summary>The deployment id of that job. Default <c>dep-fake</c>.</summary>
    public string DeploymentId { get; set; } = "dep-fake";

    /// <summary>The application name of that job; run names start with it. Default <c>fake-job</c>.</summary>
    public string ApplicationName { get; set; } = "fake-job";

    /// <summary>How long a run stays CREATED, then SCHEDULED, before RUNNING. Default 500 ms each.</summary>
    public TimeSpan SchedulingTime { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a run is RUNNING before FINISHED (or FAILED). Default 2 s.</summary>
    public TimeSpan RunTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a termination takes (TERMINATION_REQUESTED, TERMINATING, then TERMINATED). Default 1 s.</summary>
    public TimeSpan TerminationTime { get; set; } = TimeSpan.FromSeconds(1);
}
