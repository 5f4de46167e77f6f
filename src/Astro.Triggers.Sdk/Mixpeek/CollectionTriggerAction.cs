using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>Re-processes a collection (<c>action_type: collection_trigger</c>; newer than the published document).</summary>
/// <remarks>The field name is our assumption (openapi/README.md). Send other fields through
/// <see cref="TriggerAction.AdditionalProperties"/>.</remarks>
public sealed class CollectionTriggerAction : TriggerAction
{
    internal const string TypeName = "collection_trigger";

    /// <summary>Creates the action.</summary>
    /// <param name="collectionId">The collection to process (<c>collection_id</c>).</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public CollectionTriggerAction(string collectionId)
        : base(TypeName)
    {
        CollectionId = Guard.NotNullOrWhiteSpace(collectionId);
    }

    /// <summary>The collection to process (<c>collection_id</c>).</summary>
    public string CollectionId { get; }

    internal static CollectionTriggerAction Read(ConfigFields fields) => new(fields.RequiredString("collection_id"));

    private protected override void WriteFields(JsonObject config) => config["collection_id"] = CollectionId;
}
