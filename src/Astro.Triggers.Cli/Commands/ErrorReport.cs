using System.Text.Json.Nodes;
using Astro.Triggers.Cli.Config;
using Astro.Triggers.Sdk;
using Astro.Triggers.Sdk.Core.Errors;

namespace Astro.Triggers.Cli.Commands;

/// <summary>Turns a failure into the documented exit code and one message (and, with --json, one error document):
/// 2 usage, 4 the service refused (4xx), 5 no usable answer (transport, timeout, 5xx) with whether the call may
/// have been processed, 130 interrupted.</summary>
internal static class ErrorReport
{
    public static int Handle(Invocation invocation, Exception exception)
    {
        var (code, message, error) = Describe(invocation, exception);
        var output = invocation.Out;
        output.Log($"astro-triggers: {message}");
        if (output.Json)
        {
            output.Document(new JsonObject
            {
                ["service"] = ServiceNames.Display(invocation.Service),
                ["exitCode"] = code,
                ["error"] = error,
            });
        }

        return code;
    }

    private static (int Code, string Message, JsonObject Error) Describe(Invocation invocation, Exception exception)
    {
        var service = ServiceNames.Display(invocation.Service);
        switch (exception)
        {
            case CliUsageException usage:
                return (ExitCodes.Usage, usage.Message, Error("usage", usage.Message));
            case ArgumentException argument:
                // The SDK checks arguments before sending anything (ids, tenants, bodies): a usage error.
                return (ExitCodes.Usage, "invalid argument: " + argument.Message, Error("usage", argument.Message));
            case NotSupportedException notSupported:
                return (ExitCodes.Usage, notSupported.Message, Error("usage", notSupported.Message));
            case OperationCanceledException when invocation.Interrupted:
                return (ExitCodes.Interrupted, "interrupted: nothing was cancelled on the service", Error("interrupted", "interrupted"));
            case ServiceRequestException refused when refused.Status is >= 400 and < 500:
            {
                var text = $"{refused.Service} refused {refused.OperationId} ({refused.Status}{(refused.ErrorCode is null ? string.Empty : " " + refused.ErrorCode)}): {refused.ServiceMessage ?? refused.Message}";
                var error = Error("refused", refused.ServiceMessage ?? refused.Message);
                error["status"] = refused.Status;
                error["code"] = refused.ErrorCode;
                error["operation"] = refused.OperationId;
                error["requestId"] = refused.RequestId;
                return (ExitCodes.Refused, text, error);
            }

            case AstroTriggersException failed:
            {
                // 5xx, transport failures, timeouts, unreadable answers: say whether it is safe to try again.
                var what = failed.Status > 0 ? $"answered {failed.Status}" : "gave no usable answer";
                var processed = failed.MayHaveBeenProcessed
                    ? "the request MAY HAVE BEEN PROCESSED (a run may have started): check before starting again"
                    : "the service did not act on the request: it is safe to try again";
                var text = $"{failed.Service} {what} to {failed.OperationId}: {failed.Message} — {processed}";
                var error = Error("unavailable", failed.Message);
                error["status"] = failed.Status == 0 ? null : failed.Status;
                error["code"] = failed.ErrorCode;
                error["operation"] = failed.OperationId;
                error["mayHaveBeenProcessed"] = failed.MayHaveBeenProcessed;
                return (ExitCodes.Unavailable, text, error);
            }

            case HttpRequestException or TimeoutException:
                return (ExitCodes.Unavailable, $"{service}: {exception.Message} — the request may have been processed", Error("unavailable", exception.Message));
            default:
                throw exception;
        }
    }

    private static JsonObject Error(string kind, string message) => new() { ["kind"] = kind, ["message"] = message };
}
