namespace Astro.Triggers.Sdk.Core;

/// <summary>The SDK's numbers in one place; option classes document the ones users can change.</summary>
internal static class SdkConstants
{
    /// <summary>The name of the ActivitySource, the Meter and the logger category prefix.</summary>
    public const string TelemetryName = "Astro.Triggers.Sdk";

    /// <summary>How much of an error body is kept on the exception.</summary>
    public const int MaxErrorBodyBytes = 16 * 1024;

    /// <summary>A numeric Retry-After / reset header at or above this is a Unix time in milliseconds
    /// (Agentset), not a delay in seconds: 10^11 seconds would be over 3,000 years.</summary>
    public const long UnixMillisecondsThreshold = 100_000_000_000;

    /// <summary>A numeric reset header at or above this (and below the millisecond threshold) is Unix seconds.</summary>
    public const long UnixSecondsThreshold = 1_000_000_000;

    /// <summary>The last Unix millisecond a <see cref="DateTimeOffset"/> holds (the end of the year 9999): a larger
    /// Retry-After or reset names no moment, and reading it would throw.</summary>
    public const long MaxUnixMilliseconds = 253_402_300_799_999;
}
