using System.Text.Json;
using Astro.Triggers.Sdk.Core.Http;
using Astro.Triggers.Sdk.Core.Security;
using Microsoft.Extensions.Logging;

namespace Astro.Triggers.Sdk.Core.Json;

/// <summary>One response being read: knows the call (operation, logger) and the models under construction, so a
/// value <see cref="LenientValueConverter{T}"/> could not read is logged as a Warning naming the operation, the
/// model property and the raw value (bearer tokens and the client's secrets masked, cut to <see cref="MaxRawLength"/> characters), and kept
/// whole in that model's <c>AdditionalProperties</c> under its wire name. The generated operations open a scope
/// around each read; converters are shared by concurrent calls, so the per-read state flows with the call.</summary>
internal sealed partial class LenientReadScope
{
    public const int MaxRawLength = 200;

    private static readonly AsyncLocal<LenientReadScope?> Current = new();

    private readonly CallContext _call;
    private readonly Stack<object> _models = new();

    private LenientReadScope(CallContext call) => _call = call;

    /// <summary>Runs one response read inside a scope.</summary>
    public static async Task<T> RunAsync<T>(CallContext call, Func<Task<T>> read)
    {
        var previous = Current.Value;
        Current.Value = new LenientReadScope(call);
        try
        {
            return await read().ConfigureAwait(false);
        }
        finally
        {
            Current.Value = previous;
        }
    }

    public static void Enter(object model) => Current.Value?._models.Push(model);

    public static void Leave(object model)
    {
        if (Current.Value is { } scope && scope._models.TryPeek(out var top) && ReferenceEquals(top, model))
        {
            scope._models.Pop();
        }
    }

    /// <summary>Keeps and reports a value that did not parse.</summary>
    public static void Record(LenientSite site, JsonElement raw)
    {
        var scope = Current.Value;
        if (scope is null)
        {
            return;
        }

        if (scope._models.TryPeek(out var model) && site.ExtensionData?.Invoke(model) is { } extension)
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

        var operation = scope._call.Operation;
        var factory = scope._call.LoggerFactory;
        if (factory is null || operation is null)
        {
            return;
        }

        var text = raw.GetRawText();
        text = scope._call.Secrets.Mask(text.Length > MaxRawLength ? text[..MaxRawLength] + "…" : text)!;
        var logger = factory.CreateLogger($"{SdkConstants.TelemetryName}.{operation.Service}");
        LogUnreadable(logger, operation.Service, operation.OperationId, site.TypeName, site.WireName, site.Expected, text);
    }

    [LoggerMessage(10, LogLevel.Warning,
        "{Service} {OperationId}: {Model}.{Property} is not a valid {Expected}: {Raw}. Read as null; the raw JSON is kept in the model's AdditionalProperties under its wire name.")]
    private static partial void LogUnreadable(
        ILogger logger, string service, string operationId, string model, string property, string expected, string raw);
}
