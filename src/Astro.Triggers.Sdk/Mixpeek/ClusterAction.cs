using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>Runs clustering on a cluster definition (<c>action_type: cluster</c>).</summary>
public sealed class ClusterAction : TriggerAction
{
    internal const string TypeName = "cluster";

    /// <summary>Creates the action.</summary>
    /// <param name="clusterId">The cluster definition to run (<c>cluster_id</c>, e.g. "clust_abc123").</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public ClusterAction(string clusterId)
        : base(TypeName)
    {
        ClusterId = Guard.NotNullOrWhiteSpace(clusterId);
    }

    /// <summary>The cluster definition to run (<c>cluster_id</c>).</summary>
    public string ClusterId { get; }

    /// <summary>Only documents matching these filters are clustered (<c>filters</c>).</summary>
    /// <value>The default value is <see langword="null"/>: all documents.</value>
    public JsonObject? Filters { get; set; }

    /// <summary>Where the results go instead of the definition's collections (<c>output_collection_ids</c>).</summary>
    /// <value>The default value is <see langword="null"/>: the definition's own outputs.</value>
    public IList<string>? OutputCollectionIds { get; set; }

    internal static ClusterAction Read(ConfigFields fields) =>
        new(fields.RequiredString("cluster_id"))
        {
            Filters = fields.Object("filters"),
            OutputCollectionIds = fields.Strings("output_collection_ids"),
        };

    internal override void Validate(string path)
    {
        foreach (var id in OutputCollectionIds ?? [])
        {
            Guard.NotNullOrWhiteSpace(id, $"{path}.{nameof(OutputCollectionIds)}[]");
        }
    }

    private protected override void WriteFields(JsonObject config)
    {
        config["cluster_id"] = ClusterId;
        if (Filters is not null)
        {
            config["filters"] = Filters.DeepClone();
        }

        if (OutputCollectionIds is not null)
        {
            config["output_collection_ids"] = new JsonArray([.. OutputCollectionIds.Select(id => (JsonNode?)id)]);
        }
    }
}
