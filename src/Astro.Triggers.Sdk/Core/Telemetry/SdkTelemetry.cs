using System.Diagnostics;
using System.Diagnostics.Metrics;
using Astro.Triggers.Sdk.Core.Http;

namespace Astro.Triggers.Sdk.Core.Telemetry;

/// <summary>The package's ActivitySource and Meter, both named "Astro.Triggers.Sdk" and versioned with the package, for
/// OpenTelemetry: one INTERNAL span per SDK operation (e.g. <c>Agentset.createIngestJob</c>), the parent of the HTTP
/// CLIENT spans System.Net.Http already emits for each attempt, and an operation-duration histogram in seconds.
/// Per-request metrics are System.Net.Http's own <c>http.client.request.duration</c>.</summary>
internal static class SdkTelemetry
{
    public static readonly ActivitySource ActivitySource = new(SdkConstants.TelemetryName, UserAgent.Version);

    public static readonly Meter Meter = new(SdkConstants.TelemetryName, UserAgent.Version);

    /// <summary>Duration of one SDK operation, all attempts and waits included. Tags (bounded): astro.service,
    /// astro.operation, and error.type on failure.</summary>
    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "astro.triggers.operation.duration", unit: "s", description: "Duration of one SDK operation, retries and waits included.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, 120] });

    /// <summary>The error.type of a failure, by the semantic conventions: the HTTP status code when the service
    /// answered, "timeout" for a timeout, else the exception's type name (a bounded set: the SDK's own types).</summary>
    public static string ErrorType(Exception exception) => exception switch
    {
        ServiceRequestException answered => answered.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ServiceTimeoutException => "timeout",
        _ => exception.GetType().FullName ?? exception.GetType().Name,
    };
}
