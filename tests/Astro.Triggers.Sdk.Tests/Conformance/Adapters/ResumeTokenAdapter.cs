using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Tests.Conformance.Adapters;

/// <summary>resume-token: {encode: {service, ...fields}} → {token} | {decode: string} → {run: {service, ...fields}}; a
/// rejection → {rejection, field?}, through ResumeTokens.</summary>
internal sealed class ResumeTokenAdapter : IRuleAdapter
{
    public Task<JsonObject> RunAsync(JsonObject input)
    {
        try
        {
            if (input["encode"] is JsonObject run)
            {
                var fields = run.Where(p => p.Key != "service").ToDictionary(p => p.Key, p => p.Value?.GetValue<string>());
                return Task.FromResult(new JsonObject { ["token"] = ResumeTokens.Encode((string)run["service"]!, fields) });
            }

            var (service, read) = ResumeTokens.Decode((string)input["decode"]!);
            var answer = new JsonObject { ["service"] = service };
            foreach (var (name, value) in read)
            {
                answer[name] = value;
            }

            return Task.FromResult(new JsonObject { ["run"] = answer });
        }
        catch (ResumeTokenException e)
        {
            var rejection = new JsonObject { ["rejection"] = e.Rejection };
            if (e.Field is not null)
            {
                rejection["field"] = e.Field;
            }

            return Task.FromResult(rejection);
        }
    }
}
