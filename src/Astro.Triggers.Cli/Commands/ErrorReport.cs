using System.Text.Json.Nodes;
using Astro.Triggers.Cli.Config;
using Astro.Triggers.Cli.Output;
using Astro.Triggers.Sdk;

namespace Astro.Triggers.Cli.Commands;

/// <summary>Turns a failure into the documented exit code and one message (and, with --json, one error document):
/// 2 usage, 4 the service refused (4xx, or a credential that could not be refreshed), 5 no usable answer (transport,
/// timeout, 5xx) with whether the call may have been processed, 130/143 interrupted, 70 anything unexpected (a bug).</summary>
internal static class ErrorReport
{
    public static int Handle(Invocation invocation, Exception exception)
    {
        var (code, message, error) = Describe(exception, ServiceNames.Display(invocation.Service), invocation.Interrupted, invocation.InterruptExitCode);
        var output = invocation.Out;
        output.Log($"astro-triggers: {message}");
        if (output.Json)
        {
            output.Document(Documents.Envelope(Documents.Error, ServiceNames.DisplayOrNull(invocation.Service), code, error));
        }

        return code;
    }

    /// <summary>The exit code, the line for stderr and the JSON error object of <paramref name="exception"/>.</summary>
    public static (int Code, string Message, JsonObject Error) Describe(Exception exception, string service, bool interrupted = false, int interruptCode = ExitCodes.Interrupted)
    {
        switch (exception)
        {
            case CliUsageException usage:
                return (ExitCodes.Usage, usage.Message, Documents.ErrorObject("usage", usage.Message));
            case ArgumentException argument:
            {
                // The SDK checks arguments before sending anything (ids, tenants, bodies): a usage error, in the CLI's words.
                var text = ParameterNames.Describe(argument);
                return (ExitCodes.Usage, "invalid argument: " + text, Documents.ErrorObject("usage", text));
            }

            case NotSupportedException notSupported:
                return (ExitCodes.Usage, notSupported.Message, Documents.ErrorObject("usage", notSupported.Message));
            case OperationCanceledException when interrupted:
                return (interruptCode, "interrupted: nothing was cancelled on the service", Documents.ErrorObject("interrupted", "interrupted: nothing was cancelled on the service"));
            case TokenRefreshException refresh:
            {
                // A credential that cannot be refreshed is a refusal: the service answered 401 and did not act; the same
                // call with the same settings will be refused again.
                var text = $"{Name(refresh.Service, service)} refused {refresh.OperationId}: the credential could not be refreshed ({refresh.InnerException?.Message ?? refresh.Message}); fix the token source before trying again";
                var error = Documents.ErrorObject("refused", refresh.Message);
                error["status"] = refresh.Status == 0 ? null : refresh.Status;
                error["code"] = "token_refresh_failed";
                error["operation"] = refresh.OperationId;
                error["mayHaveBeenProcessed"] = false;
                return (ExitCodes.Refused, text, error);
            }

            case ServiceRequestException refused when refused.Status is >= 400 and < 500:
            {
                var text = $"{refused.Service} refused {refused.OperationId} ({refused.Status}{(refused.ErrorCode is null ? string.Empty : " " + refused.ErrorCode)}): {refused.ServiceMessage ?? refused.Message}";
                var error = Documents.ErrorObject("refused", refused.ServiceMessage ?? refused.Message);
                error["status"] = refused.Status;
                error["code"] = refused.ErrorCode;
                error["operation"] = refused.OperationId;
                error["requestId"] = refused.RequestId;
                error["mayHaveBeenProcessed"] = false;
                return (ExitCodes.Refused, text, error);
            }

            case AstroTriggersException failed:
            {
                // 5xx, transport failures, timeouts, unreadable answers: say whether it is safe to try again.
                var what = failed.Status > 0 ? $"answered {failed.Status}" : "gave no usable answer";
                var processed = failed.MayHaveBeenProcessed
                    ? "the request MAY HAVE BEEN PROCESSED (a run may have started): check before starting again"
                    : "the service did not act on the request: it is safe to try again";
                var text = $"{Name(failed.Service, service)} {what} to {failed.OperationId}: {failed.Message} — {processed}";
                var error = Documents.ErrorObject("unavailable", failed.Message);
                error["status"] = failed.Status == 0 ? null : failed.Status;
                error["code"] = failed.ErrorCode;
                error["operation"] = failed.OperationId;
                error["mayHaveBeenProcessed"] = failed.MayHaveBeenProcessed;
                return (ExitCodes.Unavailable, text, error);
            }

            case HttpRequestException or TimeoutException:
            {
                var error = Documents.ErrorObject("unavailable", exception.Message);
                error["mayHaveBeenProcessed"] = true;
                return (ExitCodes.Unavailable, $"{service}: {exception.Message} — the request may have been processed", error);
            }

            default:
                return Bug(exception);
        }
    }

    /// <summary>Anything the CLI did not expect is its own fault: exit 70, never 1 (which says the run failed).</summary>
    public static (int Code, string Message, JsonObject Error) Bug(Exception exception)
    {
        var text = $"this is a bug in astro-triggers, not a failed run or a refused call: {exception.GetType().Name}: {exception.Message}. "
            + "Please report it with the command line (keys are not in it) and this message.";
        return (ExitCodes.Bug, text, Documents.ErrorObject("bug", $"{exception.GetType().Name}: {exception.Message}"));
    }

    private static string Name(string? fromException, string fallback) => string.IsNullOrEmpty(fromException) ? fallback : fromException;
}
