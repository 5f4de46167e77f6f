using Astro.Triggers.Sdk.Core.Http;
using Microsoft.Extensions.Logging;

namespace Astro.Triggers.Sdk.Core.Telemetry;

/// <summary>The operation-level log lines: a retry at Information with the wait, the failure a caller gets at
/// Warning. Category "Astro.Triggers.Sdk.&lt;Service&gt;", like the attempt lines.</summary>
internal static partial class OperationLog
{
    public static void Retrying(CallContext call, Exception failure, TimeSpan delay)
    {
        if (Logger(call) is { } logger && logger.IsEnabled(LogLevel.Information))
        {
            LogRetrying(logger, call.Operation.Service, call.Operation.OperationId, call.Attempts, Reason(failure, call), delay.TotalSeconds);
        }
    }

    public static void Failed(CallContext call, Exception failure)
    {
        if (Logger(call) is { } logger && logger.IsEnabled(LogLevel.Warning))
        {
            LogFailed(logger, call.Operation.Service, call.Operation.OperationId, call.Attempts, Reason(failure, call));
        }
    }

    private static ILogger? Logger(CallContext call) =>
        call.LoggerFactory?.CreateLogger($"{SdkConstants.TelemetryName}.{call.Operation.Service}");

    private static string Reason(Exception failure, CallContext call) => failure switch
    {
        AstroTriggersException sdk => call.Secrets.Mask(sdk.Message)!,
        _ => failure.GetType().Name,
    };

    [LoggerMessage(20, LogLevel.Information, "{Service} {OperationId}: try {Attempt} failed ({Reason}); retrying in {DelaySeconds:0.###} s")]
    private static partial void LogRetrying(ILogger logger, string service, string operationId, int attempt, string reason, double delaySeconds);

    [LoggerMessage(21, LogLevel.Warning, "{Service} {OperationId} failed after {Attempts} attempt(s): {Reason}")]
    private static partial void LogFailed(ILogger logger, string service, string operationId, int attempts, string reason);
}
