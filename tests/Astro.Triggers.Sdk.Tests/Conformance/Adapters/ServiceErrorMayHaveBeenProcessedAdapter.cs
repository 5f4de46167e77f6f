using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Http;

namespace Astro.Triggers.Sdk.Tests.Conformance.Adapters;

/// <summary>service-error-may-have-been-processed: {idempotent, status, retryAfterMs} → {mayHaveBeenProcessed} through
/// ErrorMapper.MayHaveBeenProcessed.</summary>
internal sealed class ServiceErrorMayHaveBeenProcessedAdapter : IRuleAdapter
{
    public Task<JsonObject> RunAsync(JsonObject input)
    {
        var operation = new OperationInfo("Conformance", "conformance", "POST", isIdempotent: (bool)input["idempotent"]!);
        var retryAfter = (long?)input["retryAfterMs"] is { } ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;
        var may = ErrorMapper.MayHaveBeenProcessed(operation, (int)input["status"]!, retryAfter);
        return Task.FromResult(new JsonObject { ["mayHaveBeenProcessed"] = may });
    }
}
