namespace Astro.Triggers.Sdk.Testing.Core;

/// <summary>What every fake shares: the key it accepts and the clock its jobs and runs progress on.</summary>
public class FakeServiceOptions
{
    /// <summary>The only API key (or token) the fake accepts. Default <c>fake-api-key</c>.</summary>
    public string ApiKey { get; set; } = "fake-api-key";

    /// <summary>The clock that moves jobs and runs through their statuses and times injected delays.
    /// Default <see cref="TimeProvider.System"/>; give a <c>FakeTimeProvider</c> to advance time in a test.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
