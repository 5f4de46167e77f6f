using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Mixpeek.Generated;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>The Mixpeek client. Create it directly (<c>new MixpeekClient(options)</c>) or register it with
/// <c>services.AddMixpeekClient(...)</c>. Thread-safe; one instance serves many namespaces concurrently.</summary>
public class MixpeekClient : ServiceClient
{
    internal const string ServiceName = "Mixpeek";

    /// <summary>For mocking.</summary>
    protected MixpeekClient()
    {
        Triggers = null!;
        Executions = null!;
    }

    /// <summary>Creates a client with its own HTTP pipeline (retry, telemetry, auth).</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message lists why).</exception>
    public MixpeekClient(MixpeekClientOptions options)
        : this(CreateHttpClient(options, ServiceName, AuthHandler.Bearer), options, ownsHttpClient: true)
    {
    }

    internal MixpeekClient(HttpClient httpClient, MixpeekClientOptions options, bool ownsHttpClient)
        : base(ownsHttpClient ? httpClient : null, options)
    {
        options.ThrowIfInvalid();
        var operations = new MixpeekOperations(httpClient, options);
        Triggers = new TriggersClient(operations, options);
        Executions = new ExecutionsClient(operations, options);
    }

    /// <summary>Triggers: create, list, get, update, delete, pause, resume.</summary>
    public virtual TriggersClient Triggers { get; }

    /// <summary>Executions of triggers: start one now, follow or cancel it, list a trigger's history.</summary>
    public virtual ExecutionsClient Executions { get; }

    /// <summary>Resumes a run from its resume token (<see cref="TriggeredRun.ResumeToken"/>, written by this or any other
    /// language's SDK or by the CLI): the handle <c>Executions.Track(taskId)</c> would give, with the namespace the token names; no request is sent until its status is read.</summary>
    /// <param name="token">The <c>atr1.…</c> token of a Mixpeek run.</param>
    /// <param name="options">Per-call retry and timeout for every status read and the cancel; its namespace is the token's.</param>
    /// <returns>The run; call <c>WaitForCompletionAsync</c> on it.</returns>
    /// <exception cref="ArgumentException">The token is not a resume token (the message says which rule it breaks), or it is
    /// another service's; the exception names <paramref name="token"/>.</exception>
    public virtual TriggerExecutionRun ResumeRun(string token, MixpeekRequestOptions? options = null)
    {
        var fields = ResumeTokens.For(token, ResumeTokens.Mixpeek);
        var scoped = ResumeTokens.CallOptions(options, new MixpeekRequestOptions { Namespace = fields["ns"] });
        return Executions.Resumed(fields["run"], fields.TryGetValue("trigger", out var trigger) ? trigger : null, scoped);
    }
}
