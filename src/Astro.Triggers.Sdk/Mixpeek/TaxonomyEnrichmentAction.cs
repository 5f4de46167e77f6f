using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>Applies a taxonomy to a collection (<c>action_type: taxonomy_enrichment</c>).</summary>
public sealed class TaxonomyEnrichmentAction : TriggerAction
{
    internal const string TypeName = "taxonomy_enrichment";

    /// <summary>Creates the action.</summary>
    /// <param name="taxonomyId">The taxonomy to apply (<c>taxonomy_id</c>).</param>
    /// <param name="collectionId">The collection to enrich (<c>collection_id</c>).</param>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    public TaxonomyEnrichmentAction(string taxonomyId, string collectionId)
        : base(TypeName)
    {
        TaxonomyId = Guard.NotNullOrWhiteSpace(taxonomyId);
        CollectionId = Guard.NotNullOrWhiteSpace(collectionId);
    }

    /// <summary>The taxonomy to apply (<c>taxonomy_id</c>).</summary>
    public string TaxonomyId { get; }

    /// <summary>The collection to enrich (<c>collection_id</c>).</summary>
    public string CollectionId { get; }

    /// <summary>Documents per batch (<c>batch_size</c>), at least 1.</summary>
    /// <value>The default value is <see langword="null"/>: the service's default.</value>
    public int? BatchSize { get; set; }

    /// <summary>Only documents added since the last run (<c>incremental</c>).</summary>
    /// <value>The default value is <see langword="null"/>: the service's default (all documents).</value>
    public bool? Incremental { get; set; }

    /// <summary>Batches processed at once (<c>parallelism</c>), at least 1.</summary>
    /// <value>The default value is <see langword="null"/>: the service's default.</value>
    public int? Parallelism { get; set; }

    /// <summary>Writes the enriched documents to this collection instead of in place (<c>target_collection_id</c>).</summary>
    /// <value>The default value is <see langword="null"/>: in place.</value>
    public string? TargetCollectionId { get; set; }

    internal static TaxonomyEnrichmentAction Read(ConfigFields fields) =>
        new(fields.RequiredString("taxonomy_id"), fields.RequiredString("collection_id"))
        {
            BatchSize = fields.Int("batch_size"),
            Incremental = fields.Bool("incremental"),
            Parallelism = fields.Int("parallelism"),
            TargetCollectionId = fields.String("target_collection_id"),
        };

    internal override void Validate(string path)
    {
        Positive(BatchSize, $"{path}.{nameof(BatchSize)}");
        Positive(Parallelism, $"{path}.{nameof(Parallelism)}");
        Guard.NullOrNotWhiteSpace(TargetCollectionId, $"{path}.{nameof(TargetCollectionId)}");
    }

    private protected override void WriteFields(JsonObject config)
    {
        config["taxonomy_id"] = TaxonomyId;
        config["collection_id"] = CollectionId;
        if (BatchSize is { } batchSize)
        {
            config["batch_size"] = batchSize;
        }

        if (Incremental is { } incremental)
        {
            config["incremental"] = incremental;
        }

        if (Parallelism is { } parallelism)
        {
            config["parallelism"] = parallelism;
        }

        if (TargetCollectionId is not null)
        {
            config["target_collection_id"] = TargetCollectionId;
        }
    }
}
