using Astro.Triggers.Sdk.Astropod.Generated;
using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Http;
using Refit;

namespace Astro.Triggers.Sdk.Astropod;

/// <summary>The Astropod client: trigger a manual ingestion, and discover deployments and their ingestion sources.
/// Create it directly or with <c>services.AddAstropodClient(...)</c>. Members are virtual so tests can mock them.</summary>
public class AstropodClient : ServiceClient
{
    internal const string ServiceName = "Astropod";
    private const string IngestionPrefix = "ingestion-";

    private static readonly TriggerIngestionRequest EmptyBody = new();

    private readonly AstropodOperations _operations = null!;
    private readonly AstropodClientOptions _options = null!;

    /// <summary>For mocking.</summary>
    protected AstropodClient()
    {
    }

    /// <summary>Creates a client with its own HTTP pipeline (retry, telemetry, auth).</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message lists why).</exception>
    public AstropodClient(AstropodClientOptions options)
        : this(CreateHttpClient(options, ServiceName, AuthHandler.Bearer), options, ownsHttpClient: true)
    {
    }

    internal AstropodClient(HttpClient httpClient, AstropodClientOptions options, bool ownsHttpClient)
        : base(ownsHttpClient ? httpClient : null, options)
    {
        options.ThrowIfInvalid();
        _operations = new AstropodOperations(RestService.ForGenerated<IAstropodApi>(httpClient, AstropodOperations.CreateRefitSettings()));
        _options = options;
    }

    /// <summary>Starts a one-shot ingestion job for a source whose trigger type is manual. Not idempotent: a
    /// timeout after sending or a 500 is thrown with <c>MayHaveBeenProcessed</c> and never repeated by the SDK.</summary>
    /// <param name="deploymentNamespace">The deployment's Kubernetes namespace (see <see cref="ListDeploymentsAsync"/>).</param>
    /// <param name="ingestion">The ingestion source name, without the "ingestion-" prefix (see <see cref="ListIngestionSourcesAsync"/>).</param>
    /// <param name="account">The account name, used by the service to verify ownership.</param>
    /// <param name="options">Per-call retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job the service started; Astropod offers no status to follow it with.</returns>
    /// <exception cref="PaymentRequiredException">Billing is suspended; <c>SuggestedAction</c> says what to do.</exception>
    public virtual async Task<IngestionTrigger> TriggerIngestionAsync(
        string deploymentNamespace, string ingestion, string account, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(deploymentNamespace);
        Guard.PathSegment(ingestion);
        Guard.NotNullOrWhiteSpace(account);
        var result = await _operations.TriggerIngestionAsync(deploymentNamespace, ingestion, account, EmptyBody, Call(options), cancellationToken)
            .ConfigureAwait(false);
        return new IngestionTrigger(result.Status, result.JobName, result.Namespace, ingestion);
    }

    /// <summary>Lists the deployments of an account.</summary>
    /// <param name="account">The account name.</param>
    /// <param name="options">Per-call retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deployments.</returns>
    public virtual async Task<IReadOnlyList<DeploymentSummary>> ListDeploymentsAsync(
        string account, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(account);
        var list = await _operations.ListDeploymentsAsync(account, Call(options), cancellationToken).ConfigureAwait(false);
        return list.Deployments.AsReadOnly();
    }

    /// <summary>Gets a deployment with its workloads.</summary>
    /// <param name="deploymentId">The deployment id.</param>
    /// <param name="options">Per-call retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deployment.</returns>
    public virtual async Task<DeploymentDetails> GetDeploymentAsync(
        string deploymentId, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(deploymentId);
        var envelope = await _operations.GetDeploymentAsync(deploymentId, Call(options), cancellationToken).ConfigureAwait(false);
        return envelope.Deployment;
    }

    /// <summary>The ingestion sources of a deployment: its workloads whose component starts with "ingestion-",
    /// named as a trigger expects them (prefix removed).</summary>
    /// <param name="deploymentId">The deployment id.</param>
    /// <param name="options">Per-call retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sources, in the service's order.</returns>
    public virtual async Task<IReadOnlyList<IngestionSource>> ListIngestionSourcesAsync(
        string deploymentId, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var deployment = await GetDeploymentAsync(deploymentId, options, cancellationToken).ConfigureAwait(false);
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

    private CallContext Call(RequestOptions? options) => CallContext.Create(_options, options, hasTenants: false);
}
