using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Astro.Triggers.Sdk.Core.Telemetry;

/// <summary>The package's ActivitySource and Meter, both named "Astro.Triggers.Sdk", for OpenTelemetry.</summary>
internal static class SdkTelemetry
{
    public static readonly ActivitySource ActivitySource = new(SdkConstants.TelemetryName, "1.0");

    public static readonly Meter Meter = new(SdkConstants.TelemetryName, "1.0");

    public static readonly Counter<long> Attempts = Meter.CreateCounter<long>(
        "astro.triggers.http.attempts", description: "HTTP attempts sent, by service, method and status.");

    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "astro.triggers.http.duration", unit: "ms", description: "Duration of one HTTP attempt.");
}
