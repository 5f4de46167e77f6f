using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.TrueFoundry.Generated;

namespace Astro.Triggers.Sdk.TrueFoundry;

/// <summary>The TrueFoundry client, on your own control plane. Create it directly or with
/// <c>services.AddTrueFoundryClient(...)</c>. Thread-safe.</summary>
public class TrueFoundryClient : ServiceClient
{
    internal const string ServiceName = "TrueFoundry";

    /// <summary>For mocking.</summary>
    protected TrueFoundryClient()
    {
        JobRuns = null!;
    }

    /// <summary>Creates a client with its own HTTP pipeline (retry, telemetry, auth).</summary>
    /// <param name="options">The settings; validated here (the base address is required).</param>
    /// <exception cref="ArgumentException">The options are invalid (the message lists why).</exception>
    public TrueFoundryClient(TrueFoundryClientOptions options)
        : this(CreateHttpClient(options, ServiceName, AuthHandler.Bearer), options, ownsHttpClient: true)
    {
    }

    internal TrueFoundryClient(HttpClient httpClient, TrueFoundryClientOptions options, bool ownsHttpClient)
        : base(ownsHttpClient ? httpClient : null, options)
    {
        options.ThrowIfInvalid();
        JobRuns = new JobRunsClient(new TrueFoundryOperations(httpClient, options), options);
    }

    /// <summary>Job runs: start, get, list, cancel (terminate), delete, and run handles to wait on.</summary>
    public virtual JobRunsClient JobRuns { get; }

    /// <summary>Resumes a run from its resume token (<see cref="TriggeredRun.ResumeToken"/>, written by this or any other
    /// language's SDK or by the CLI): the handle <c>JobRuns.Track(applicationId, jobRunName)</c> would give, with the deployment id when the token names it (for <c>CancelAsync</c>); no request is sent until its status is read.</summary>
    /// <param name="token">The <c>atr1.…</c> token of a TrueFoundry run.</param>
    /// <param name="options">Per-call retry and timeout for every status read and the cancel.</param>
    /// <returns>The run; call <c>WaitForCompletionAsync</c> on it.</returns>
    /// <exception cref="ArgumentException">The token is not a resume token (the message says which rule it breaks), or it is
    /// another service's; the exception names <paramref name="token"/>.</exception>
    public virtual TrueFoundryJobRun ResumeRun(string token, RequestOptions? options = null)
    {
        var fields = ResumeTokens.For(token, ResumeTokens.TrueFoundry);
        return JobRuns.Resumed(fields["app"], fields["run"], fields.TryGetValue("deployment", out var deployment) ? deployment : null, options);
    }
}
