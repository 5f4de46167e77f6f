using System.Text.Json;
using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Agentset.Generated;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Mixpeek.Generated;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.TrueFoundry;
using Astro.Triggers.Sdk.TrueFoundry.Generated;

namespace Astro.Triggers.Sdk.Tests.Conformance.Adapters;

/// <summary>run-status: {service, status} → {status}. The word is read as the client reads it off the wire (the
/// generated enum's tolerant converter, null for JSON null) and then mapped by the service's map.</summary>
internal sealed class RunStatusAdapter : IRuleAdapter
{
    public Task<JsonObject> RunAsync(JsonObject input)
    {
        var word = (string?)input["status"];
        var wire = JsonSerializer.Serialize(word);
        var status = (string)input["service"]! switch
        {
            "agentset" => IngestJobRun.Map(JsonSerializer.Deserialize(wire, AgentsetJsonContext.Default.IngestJobStatus)),
            "truefoundry" => JobRunStatusMap.ToRunStatus(word is null ? null : JsonSerializer.Deserialize(wire, TrueFoundryJsonContext.Default.JobRunStatus)),
            "shipyard" => FleetRunStatusMap.ToRunStatus(word),
            "mixpeek" => TriggerExecutionRun.Map(JsonSerializer.Deserialize(wire, MixpeekJsonContext.Default.MixpeekTaskStatus)),
            var other => throw new ArgumentException($"run-status: unknown service {other}"),
        };
        return Task.FromResult(new JsonObject { ["status"] = status.ToString().ToLowerInvariant() });
    }
}
