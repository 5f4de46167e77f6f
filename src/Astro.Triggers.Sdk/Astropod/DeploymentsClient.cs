using Astro.Triggers.Sdk.Astropod.Generated;
using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Auth;

using Astro.Triggers.Sdk.Core.Paging;
namespace Astro.Triggers.Sdk.Astropod;

/// <summary>Astropod deployments: list an account's deployments, get one with its workloads, and list its ingestion
/// sources (what <see cref="IngestionsClient.StartAsync"/> can start). Members are virtual so tests can mock them.</summary>
public class DeploymentsClient
{
    private const string IngestionPrefix = "ingestion-";

    private readonly AstropodOperations _operations = null!;

    /// <summary>For mocking.</summary>
    protected DeploymentsClient()
    {
    }

    internal DeploymentsClient(AstropodOperations operations) => _operations = operations;

    /// <summary>Lists the deployments of an account.</summary>
    /// <param name="account">The account name.</param>
    /// <param name="options">Per-call retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deployments: one page (Astropod does not page this list), fetched when enumerated.</returns>
    /// <exception cref="ArgumentException">The account is empty.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual AsyncPageable<DeploymentSummary> ListAsync(
        string account, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(account);
        return SinglePage.Create<DeploymentSummary>(
            async ct => (await _operations.ListDeploymentsAsync(account, options, ct).ConfigureAwait(false)).Deployments.AsReadOnly(),
            cancellationToken);
    }

    /// <summary>Gets a deployment with its workloads.</summary>
    /// <param name="deploymentId">The deployment id.</param>
    /// <param name="options">Per-call retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deployment.</returns>
    /// <exception cref="ArgumentException">An argument breaks its rule (the message names it); nothing was sent.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual async Task<DeploymentDetails> GetAsync(
        string deploymentId, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(deploymentId);
        var envelope = await _operations.GetDeploymentAsync(deploymentId, options, cancellationToken).ConfigureAwait(false);
        return envelope.Deployment;
    }

    /// <summary>The ingestion sources of a deployment: its workloads whose component starts with "ingestion-",
    /// named as a trigger expects them (prefix removed).</summary>
    /// <param name="deploymentId">The deployment id.</param>
    /// <param name="options">Per-call retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sources, in the service's order: one page, fetched when enumerated.</returns>
    /// <exception cref="ArgumentException">The id is empty, ".", "..", or holds a control character.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual AsyncPageable<IngestionSource> ListIngestionSourcesAsync(
        string deploymentId, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(deploymentId);
        return SinglePage.Create(ct => ReadSourcesAsync(deploymentId, options, ct), cancellationToken);
    }

    private async Task<IReadOnlyList<IngestionSource>> ReadSourcesAsync(string deploymentId, RequestOptions? options, CancellationToken cancellationToken)
    {
        var deployment = await GetAsync(deploymentId, options, cancellationToken).ConfigureAwait(false);
        var sources = new List<IngestionSource>();
        foreach (var workload in deployment.Workloads ?? [])
        {
            if (workload.Component is { } component
                && component.StartsWith(IngestionPrefix, StringComparison.Ordinal)
                && component.Length > IngestionPrefix.Length)
            {
                sources.Add(new IngestionSource(component[IngestionPrefix.Length..], component, workload.Name, workload.Schedule));
            }
        }

        return sources;
    }

}
