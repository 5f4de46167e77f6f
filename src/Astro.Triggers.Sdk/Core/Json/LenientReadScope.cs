using System.Text.Json;
using Astro.Triggers.Sdk.Core.Http;
using Astro.Triggers.Sdk.Core.Security;
using Microsoft.Extensions.Logging;

namespace Astro.Triggers.Sdk.Core.Json;

/// <summary>One response being read: knows the call (operation, logger) and the models under construction, so a
/// value <see cref="LenientValueConverter{T}"/> could not read is logged as a Warning naming the operation, the
/// model property and the raw value (bearer tokens and the client's secrets masked, cut to <see cref="MaxRawLength"/> characters), and kept
/// whole in that model's <c>AdditionalProperties</c> under its wire name. ResponseReader opens the scope
/// for each JSON read; converters are shared by concurrent calls, so the per-read state flows with the call.</summary>
internal static partial class LenientReadScope
{
    public const int MaxRawLength = 200;

    private static readonly AsyncLocal<CallContext?> Current = new();

    /// <summary>Makes <paramref name="call"/> the scope of the response read in progress. Call it from inside the async
    /// method that reads: an AsyncLocal set there ends with that method (the runtime restores the caller's context), so
    /// no wrapper, closure or scope object is needed per read.</summary>
    public static void Begin(CallContext call)
    {
        // A read of an earlier attempt that failed mid-model leaves its models behind.
        call.ModelsBeingRead?.Clear();
        Current.Value = call;
    }

    public static void Enter(object model)
    {
        if (Current.Value is { } call)
        {
            (call.ModelsBeingRead ??= new Stack<object>()).Push(model);
        }
    }

    public static void Leave(object model)
    {
        if (Current.Value?.ModelsBeingRead is { } models && models.TryPeek(out var top) && ReferenceEquals(top, model))
        {
            models.Pop();
        }
    }

    /// <summary>Keeps and reports a value that did not parse.</summary>
    public static void Record(LenientSite site, JsonElement raw)
    {
        var call = Current.Value;
        if (call is null)
        {
            return;
        }

        if (call.ModelsBeingRead is { } models && models.TryPeek(out var model) && site.ExtensionData?.Invoke(model) is { } extension)
        {
            switch (extension)
            {
                case IDictionary<string, object> objects:
                    objects[site.WireName] = raw;
                    break;
                case IDictionary<string, JsonElement> elements:
                    elements[site.WireName] = raw;
                    break;
            }
        }

        var operation = call.Operation;
        var factory = call.LoggerFactory;
        if (factory is null || operation is null)
        {
            return;
        }

        var text = raw.GetRawText();
        text = call.Secrets.Mask(text.Length > MaxRawLength ? text[..MaxRawLength] + "…" : text)!;
        var logger = factory.CreateLogger($"{SdkConstants.TelemetryName}.{operation.Service}");
        Log.Unreadable(logger, operation.Service, operation.OperationId, site.TypeName, site.WireName, site.Expected, text);
    }

    // Its own class: the logging delegate (LoggerMessage.Define, parsing the template) is built the first time a value
    // is unreadable, not on every process's first response read (issue 30).
    private static partial class Log
    {
        [LoggerMessage(10, LogLevel.Warning,
            "{Service} {OperationId}: {Model}.{Property} is not a valid {Expected}: {Raw}. Read as null; the raw JSON is kept in the model's AdditionalProperties under its wire name.")]
        public static partial void Unreadable(
            ILogger logger, string service, string operationId, string model, string property, string expected, string raw);
    }
}
