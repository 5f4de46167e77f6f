using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>Runs a completed or failed batch again (<c>action_type: batch_rerun</c>).</summary>
/// <remarks>The field names are our assumption (openapi/README.md): the published document lists the type but not
/// its config. Send other fields through <see cref="TriggerAction.AdditionalProperties"/>.</remarks>
public sealed class BatchRerunAction : TriggerAction
{
    internal const string TypeName = "batch_rerun";

    /// <summary>Creates the action.</summary>
    /// <param name="batchId">The batch to run again (<c>batch_id</c>).</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public BatchRerunAction(string batchId)
        : base(TypeName)
    {
        BatchId = Guard.NotNullOrWhiteSpace(batchId);
    }

    /// <summary>The batch to run again (<c>batch_id</c>).</summary>
    public string BatchId { get; }

    /// <summary>The bucket the batch belongs to (<c>bucket_id</c>).</summary>
    /// <value>The default value is <see langword="null"/>: not sent.</value>
    public string? BucketId { get; set; }

    internal static BatchRerunAction Read(ConfigFields fields) =>
        new(fields.RequiredString("batch_id")) { BucketId = fields.String("bucket_id") };

    internal override void Validate(string path) => Guard.NullOrNotWhiteSpace(BucketId, $"{path}.{nameof(BucketId)}");

    private protected override void WriteFields(JsonObject config)
    {
        config["batch_id"] = BatchId;
        if (BucketId is not null)
        {
            config["bucket_id"] = BucketId;
        }
    }
}
