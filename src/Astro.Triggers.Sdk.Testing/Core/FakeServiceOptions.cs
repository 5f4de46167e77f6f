namespace Astro.Triggers.Sdk.Testing.Core;

/// <summary>What every fake shares: the key it accepts, the clock its jobs and runs progress on, and whether it compresses.</summary>
public class FakeServiceOptions
{
    /// <summary>The only API key (or token) the fake accepts. Default <c>fake-api-key</c>.</summary>
    public string ApiKey { get; set; } = "fake-api-key";

    /// <summary>The clock that moves jobs and runs through their statuses and times injected delays.
    /// Default <see cref="TimeProvider.System"/>; give a <c>FakeTimeProvider</c> to advance time in a test.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Compresses answers as the services' servers do: gzip or br, whichever the request's <c>Accept-Encoding</c>
    /// asks for (br first when both are), for JSON and CSV bodies, at ASP.NET Core's response-compression defaults
    /// (<c>CompressionLevel.Fastest</c>); a request that asks for neither gets the body as is. Default
    /// <see langword="true"/>, so the SDK's clients (which ask for <c>gzip, br</c>) read compressed answers from the fakes;
    /// <see langword="false"/> never compresses.</summary>
    public bool CompressResponses { get; set; } = true;
}
