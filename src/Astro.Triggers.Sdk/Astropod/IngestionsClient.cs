using Astro.Triggers.Sdk.Astropod.Generated;
using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Auth;

namespace Astro.Triggers.Sdk.Astropod;

/// <summary>Astropod ingestions: start a manual ingestion source's one-shot job. Astropod offers no status for the job,
/// so there is no run handle. Members are virtual so tests can mock them.</summary>
public class IngestionsClient
{
    private static readonly TriggerIngestionRequest EmptyBody = new();

    private readonly AstropodOperations _operations = null!;

    /// <summary>For mocking.</summary>
    protected IngestionsClient()
    {
    }

    internal IngestionsClient(AstropodOperations operations) => _operations = operations;

    /// <summary>Starts a one-shot ingestion job for a source whose trigger type is manual. Not idempotent: a
    /// timeout after sending or a 500 is thrown with <c>MayHaveBeenProcessed</c> and never repeated by the SDK.</summary>
    /// <param name="deploymentNamespace">The deployment's Kubernetes namespace (see <see cref="DeploymentsClient.ListAsync"/>).</param>
    /// <param name="ingestion">The ingestion source name, without the "ingestion-" prefix (see <see cref="DeploymentsClient.ListIngestionSourcesAsync"/>).</param>
    /// <param name="account">The account name, used by the service to verify ownership.</param>
    /// <param name="options">Per-call retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job the service started; Astropod offers no status to follow it with.</returns>
    /// <exception cref="ArgumentException">A name is empty, ".", "..", or holds a control character.</exception>
    /// <exception cref="PaymentRequiredException">Billing is suspended; <c>SuggestedAction</c> says what to do.</exception>
    /// <exception cref="AstroTriggersException">The call failed (see README, "Errors").</exception>
    public virtual async Task<IngestionTrigger> StartAsync(
        string deploymentNamespace, string ingestion, string account, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(deploymentNamespace);
        Guard.PathSegment(ingestion);
        Guard.NotNullOrWhiteSpace(account);
        var result = await _operations.TriggerIngestionAsync(deploymentNamespace, ingestion, account, EmptyBody, options, cancellationToken)
            .ConfigureAwait(false);
        // No run handle needs the job name (Astropod has no status source): a blank one reads as not named.
        return new IngestionTrigger(result.Status, WireRunId.Optional(result.JobName), result.Namespace, ingestion);
    }

}
