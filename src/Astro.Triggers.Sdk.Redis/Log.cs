using Microsoft.Extensions.Logging;

namespace Astro.Triggers.Sdk.Redis;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "The shared rate-limit budget of {Service} is unavailable ({Reason}): this client paces with its own in-process budget until Redis answers again; calls are not failed.")]
    public static partial void Unavailable(ILogger logger, string service, string reason, Exception? exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "The shared rate-limit budget of {Service} is available again.")]
    public static partial void Restored(ILogger logger, string service);
}
