using System.Globalization;
using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Core.Retry;

namespace Astro.Triggers.Sdk.Tests.Conformance.Adapters;

/// <summary>retry-after: {headers, now, rateLimited} → {waitMs} through RetryAfterParser.Parse.</summary>
internal sealed class RetryAfterAdapter : IRuleAdapter
{
    public Task<JsonObject> RunAsync(JsonObject input)
    {
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in input["headers"]?.AsObject() ?? [])
        {
            response.Headers.TryAddWithoutValidation(name, (string)value!);
        }

        var now = DateTimeOffset.Parse((string)input["now"]!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        var wait = RetryAfterParser.Parse(response.Headers, now, rateLimited: (bool?)input["rateLimited"] ?? true);
        return Task.FromResult(new JsonObject { ["waitMs"] = wait is { } w ? JsonValue.Create(w.TotalMilliseconds) : null });
    }
}
