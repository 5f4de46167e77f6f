using Astro.Triggers.Sdk.Agentset.Generated;
using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Auth;

namespace Astro.Triggers.Sdk.Agentset;

/// <summary>The Agentset client. Create it directly (<c>new AgentsetClient(options)</c>) or register it with
/// <c>services.AddAgentsetClient(...)</c>. Thread-safe; one instance serves many tenants concurrently.</summary>
public class AgentsetClient : ServiceClient
{
    internal const string ServiceName = "Agentset";

    /// <summary>For mocking.</summary>
    protected AgentsetClient()
    {
        IngestJobs = null!;
    }

    /// <summary>Creates a client with its own HTTP pipeline (retry, telemetry, auth).</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message lists why).</exception>
    public AgentsetClient(AgentsetClientOptions options)
        : this(CreateHttpClient(options, ServiceName, AuthHandler.Bearer), options, ownsHttpClient: true)
    {
    }

    internal AgentsetClient(HttpClient httpClient, AgentsetClientOptions options, bool ownsHttpClient)
        : base(ownsHttpClient ? httpClient : null, options)
    {
        options.ThrowIfInvalid();
        IngestJobs = new IngestJobsClient(new AgentsetOperations(httpClient, options), options);
    }

    /// <summary>Ingest jobs: list, create, get, delete, re-ingest, and run handles to wait on.</summary>
    public virtual IngestJobsClient IngestJobs { get; }

    /// <summary>Resumes a run from its resume token (<see cref="TriggeredRun.ResumeToken"/>, written by this or any other
    /// language's SDK or by the CLI): the handle <c>IngestJobs.Track(jobId)</c> would give, with the namespace and tenant the token names; no request is sent until its status is read.</summary>
    /// <param name="token">The <c>atr1.…</c> token of a Agentset run.</param>
    /// <param name="options">Per-call retry and timeout for every status read; its namespace and tenant are the token's.</param>
    /// <returns>The run; call <c>WaitForCompletionAsync</c> on it.</returns>
    /// <exception cref="ArgumentException">The token is not a resume token (the message says which rule it breaks), or it is
    /// another service's; the exception names <paramref name="token"/>.</exception>
    public virtual IngestJobRun ResumeRun(string token, AgentsetRequestOptions? options = null)
    {
        var fields = ResumeTokens.For(token, ResumeTokens.Agentset);
        var scoped = ResumeTokens.CallOptions(options, new AgentsetRequestOptions { NamespaceId = fields["ns"] });
        scoped.TenantId = fields.TryGetValue("tenant", out var tenant) ? tenant : options?.TenantId;
        return IngestJobs.Track(fields["run"], scoped);
    }
}
