using System.Text.Json.Nodes;

namespace Astro.Triggers.Sdk.Tests.Conformance.Adapters;

/// <summary>Runs one rule's case input through the SDK's own implementation and answers in the case's terms.</summary>
internal interface IRuleAdapter
{
    Task<JsonObject> RunAsync(JsonObject input);
}
