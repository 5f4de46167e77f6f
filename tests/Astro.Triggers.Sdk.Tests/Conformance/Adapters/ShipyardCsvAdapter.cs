using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Shipyard;

namespace Astro.Triggers.Sdk.Tests.Conformance.Adapters;

/// <summary>shipyard-csv: {csv} → {records: [{fleetLogId, status, columns}]} through FleetRunCsv.Parse.</summary>
internal sealed class ShipyardCsvAdapter : IRuleAdapter
{
    public Task<JsonObject> RunAsync(JsonObject input)
    {
        var records = FleetRunCsv.Parse((string)input["csv"]!);
        return Task.FromResult(new JsonObject
        {
            ["records"] = new JsonArray(records.Select(r => (JsonNode)new JsonObject
            {
                ["fleetLogId"] = r.FleetLogId,
                ["status"] = r.Status,
                ["columns"] = new JsonObject(r.Columns.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)JsonValue.Create(c.Value)))),
            }).ToArray()),
        });
    }
}
