using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Core.Security;

namespace Astro.Triggers.Sdk.Tests.Conformance.Adapters;

/// <summary>secret-masking: {secrets, form: text|url, value} → {masked}. A text goes through KnownSecrets.Mask (bearer
/// tokens and the configured secrets' forms); a URL through Redactor.Uri, then the secrets, as the error mapper does.</summary>
internal sealed class SecretMaskingAdapter : IRuleAdapter
{
    public Task<JsonObject> RunAsync(JsonObject input)
    {
        var secrets = new KnownSecrets();
        foreach (var secret in input["secrets"]?.AsArray() ?? [])
        {
            secrets.Add((string?)secret);
        }

        var value = (string)input["value"]!;
        var masked = (string?)input["form"] switch
        {
            "url" => secrets.Mask(Redactor.Uri(new Uri(value, UriKind.RelativeOrAbsolute))),
            _ => secrets.Mask(value),
        };
        return Task.FromResult(new JsonObject { ["masked"] = masked });
    }
}
