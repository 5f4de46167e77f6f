using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Http;

namespace Astro.Triggers.Sdk.Tests.Conformance.Adapters;

/// <summary>error-body: {service, status, body, headers?, secrets?} → the error's fields, through ErrorMapper.CreateAsync
/// (the body read as the client reads it, UTF-8 bytes of the text; secrets masked as the client masks them).</summary>
internal sealed class ErrorBodyAdapter : IRuleAdapter
{
    public async Task<JsonObject> RunAsync(JsonObject input)
    {
        var options = new AgentsetClientOptions();
        foreach (var secret in input["secrets"]?.AsArray() ?? [])
        {
            options.Secrets.Add((string?)secret);
        }

        using var response = new HttpResponseMessage((HttpStatusCode)(int)input["status"]!)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes((string?)input["body"] ?? "")),
            RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://service.example/v1/thing"),
        };
        foreach (var (name, value) in input["headers"]?.AsObject() ?? [])
        {
            if (!response.Headers.TryAddWithoutValidation(name, (string)value!))
            {
                response.Content.Headers.TryAddWithoutValidation(name, (string)value!);
            }
        }

        var operation = new OperationInfo((string)input["service"]!, "conformance", "GET", isIdempotent: true);
        var call = CallContext.Create(options, null, operation);
        try
        {
            var error = (await ErrorMapper.CreateAsync(response, call, CancellationToken.None)).Info;
            return new JsonObject
            {
                ["errorCode"] = error.ErrorCode,
                ["serviceMessage"] = error.ServiceMessage,
                ["requestId"] = error.RequestId,
                ["documentationUrl"] = error.DocumentationUrl,
                ["reason"] = error.Reason,
                ["suggestedAction"] = error.SuggestedAction,
                ["validationIssues"] = new JsonArray(error.ValidationIssues
                    .Select(i => (JsonNode)new JsonObject { ["path"] = new JsonArray(i.Location.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()), ["message"] = i.Message })
                    .ToArray()),
            };
        }
        finally
        {
            CallContext.Release(call);
        }
    }
}
