using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Retry;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk;

/// <summary>Settings every service client shares. <see cref="ToString"/> never shows the key.</summary>
public abstract class ServiceClientOptions
{
    /// <summary>The service's base address. HTTPS is required unless the host is loopback or
    /// <see cref="AllowInsecureHttp"/> is set.</summary>
    /// <value>The default value is the service's public endpoint, where it has one.</value>
    public Uri? BaseAddress { get; set; }

    /// <summary>A static API key. Set this or <see cref="TokenProvider"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ApiKey { get; set; }

    /// <summary>An async token source that may refresh (called again with forceRefresh after a 401).
    /// Takes precedence over <see cref="ApiKey"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public TokenProvider? TokenProvider { get; set; }

    /// <summary>Sets <see cref="TokenProvider"/> from a method that returns <see cref="Task{TResult}"/>, the usual shape
    /// of an async method: <c>options.UseTokenProvider(tokens.GetAsync)</c> for
    /// <c>Task&lt;string&gt; GetAsync(bool forceRefresh, CancellationToken cancellationToken)</c>, or an <c>async</c>
    /// lambda (which binds here rather than to the <see cref="Sdk.TokenProvider"/> overload). (The <see cref="Sdk.TokenProvider"/> delegate returns <see cref="ValueTask{TResult}"/>, so such a method
    /// cannot be assigned to the property directly: CS0029.) The provider is called as described on
    /// <see cref="Sdk.TokenProvider"/>: before each request, and with <c>forceRefresh: true</c> after a 401.</summary>
    /// <param name="provider">Returns the token or API key, without a scheme prefix; must not return a null task.</param>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is null.</exception>
    /// <remarks>A null task from the provider fails the request with <see cref="InvalidOperationException"/>.</remarks>
    // An async lambda converts to both overloads and C# cannot rank Task<string> against ValueTask<string> for it
    // (CS0121); the priority settles it here. Everything that binds to one overload only still goes there.
    [OverloadResolutionPriority(1)]
    public void UseTokenProvider(Func<bool, CancellationToken, Task<string>> provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        TokenProvider = (forceRefresh, cancellationToken) => new ValueTask<string>(
            provider(forceRefresh, cancellationToken) ?? throw new InvalidOperationException("The token provider returned a null task."));
    }

    /// <summary>Sets <see cref="TokenProvider"/> from a method or lambda that returns <see cref="ValueTask{TResult}"/>;
    /// the same as assigning the property, beside the <see cref="Task{TResult}"/> overload so either shape binds.</summary>
    /// <param name="provider">Returns the token or API key, without a scheme prefix.</param>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is null.</exception>
    public void UseTokenProvider(TokenProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        TokenProvider = provider;
    }

    /// <summary>The retry policy.</summary>
    /// <value>The default value is a new <see cref="RetryOptions"/> (4 attempts, 0.5 s base, 30 s cap, 2 min budget).</value>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>The overall budget of one call, all attempts and waits included.</summary>
    /// <value>The default value is 100 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How long the SDK's own transport may take to establish a connection (TCP connect and TLS handshake) before
    /// the attempt fails. Nothing of the request has been sent by then, so the failure is thrown as a
    /// <see cref="ServiceTimeoutException"/> with <c>MayHaveBeenProcessed</c> false and retried like a refused connection,
    /// creates and triggers included. Kept well below <c>Retry.AttemptTimeout</c> so that a host that drops connections
    /// (a full accept queue, a firewall) costs one short wait per attempt, not the whole attempt. An attempt timeout or
    /// call budget that runs out while the connection is still being established is likewise "never sent". With
    /// <see cref="Transport"/> set, or a primary handler configured on the DI builder, that handler decides instead and
    /// this setting is not used. Must be positive or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest success body a call reads; a larger one is refused with
    /// <see cref="ResponseTooLargeException"/> instead of being buffered. Error bodies are always cut at 16 KB.</summary>
    /// <value>The default value is 16 MiB.</value>
    public long MaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The content codings the SDK's own transport asks for (<c>Accept-Encoding</c>) and decodes: a 100-item
    /// Agentset page is ~160 KB of JSON and a fraction of that compressed. <see cref="MaxResponseBytes"/> counts the
    /// decoded bytes, so a small compressed body that inflates past it is refused with
    /// <see cref="ResponseTooLargeException"/> as soon as the count passes the limit, never buffered; responses are still
    /// deserialized as they stream. A compressed body that cannot be decoded, or that ends before its end marker
    /// (gzip's CRC-32 and size trailer, zlib's Adler-32, brotli's last block) even at a clean close, fails like a body cut
    /// off mid-way (<see cref="ServiceTransportException"/>, retried on reads, never repeated on creates). <see cref="DecompressionMethods.None"/> asks for and
    /// decodes nothing. With <see cref="Transport"/> set, or a primary handler configured on the DI builder, that
    /// handler decides instead and this setting is not used. Bindable from configuration (<c>"GZip, Brotli"</c>,
    /// <c>"None"</c>).</summary>
    /// <value>The default value is <see cref="DecompressionMethods.GZip"/> | <see cref="DecompressionMethods.Brotli"/>
    /// (<c>Accept-Encoding: gzip, br</c>).</value>
    public DecompressionMethods AutomaticDecompression { get; set; } = DecompressionMethods.GZip | DecompressionMethods.Brotli;

    /// <summary>Paces calls by the service's rate-limit headers (<c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining</c>,
    /// <c>X-RateLimit-Reset</c>, as Agentset sends on every answer): every call of this client shares one budget. A call is
    /// held only while the service's latest answer says the window is spent (until its reset, or a 429's own hint, which
    /// wins over an older window), or while the attempts in flight may take what is left (until their answers). The wait
    /// is part of the call's <see cref="Timeout"/> and <c>Retry.MaxElapsed</c>, never of <c>Retry.AttemptTimeout</c> and
    /// not capped by <c>Retry.MaxDelay</c>; a wait that cannot fit in what remains ends the call, before anything is sent,
    /// with <see cref="PacedRateLimitException"/> (a <see cref="RateLimitExceededException"/>: ErrorCode
    /// <c>rate_limit_paced</c>, <c>MayHaveBeenProcessed</c> false, <c>RetryAfter</c> the wait). A service that sends no such
    /// headers is not paced and pays nothing. A 429 the service still answers is retried as without pacing.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool RateLimitPacing { get; set; } = true;

    /// <summary>Where the rate-limit budget of <see cref="RateLimitPacing"/> lives: <see langword="null"/> for the client's
    /// own, in-process one; a provider (such as <c>Astro.Triggers.Sdk.Redis</c>'s <c>RedisRateLimitBudgetProvider</c>) to
    /// share one budget per service and credential across processes. Read once, at the client's first call.</summary>
    /// <value>The default value is <see langword="null"/>: an in-process budget per client.</value>
    public RateLimitBudgetProvider? RateLimitBudget { get; set; }

    /// <summary>Allows a plain-http base address on a non-loopback host (secrets would travel in clear text).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>The clock for retries and timeouts; tests pass a fake one.</summary>
    /// <value>The default value is <see cref="System.TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Your application's name, put in front of the SDK's <c>User-Agent</c>
    /// (<c>my-pipeline Astro.Triggers.Sdk/1.0.0 (.NET 10.0.0; Linux …)</c>) so the service can tell your calls apart.
    /// At most 24 characters, no spaces or control characters.</summary>
    /// <value>The default value is <see langword="null"/>: the SDK's own User-Agent only.</value>
    public string? ApplicationId { get; set; }

    /// <summary>The transport under the SDK's pipeline for a client created without DI (<c>new XClient(options)</c>):
    /// a proxy-configured handler, a test handler, or <see cref="UseTransport(HttpClient)"/> for a whole HttpClient.
    /// The SDK's retries, timeouts, auth, telemetry and error mapping still apply on top; the SDK does not dispose it.
    /// Redirects and decompression are then whatever the transport does (the SDK's own follows no redirects and decodes
    /// <see cref="AutomaticDecompression"/>); <see cref="MaxResponseBytes"/> counts the bytes the transport hands over.
    /// With DI, configure the primary handler on the builder <c>Add…Client</c> returns instead.</summary>
    /// <value>The default value is <see langword="null"/>: a SocketsHttpHandler that follows no redirects.</value>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>Uses a whole HttpClient (its handlers, proxy and default headers) as the transport; see <see cref="Transport"/>.</summary>
    /// <param name="httpClient">The client to send through; not disposed by the SDK. Its BaseAddress and Timeout are not used.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> is null.</exception>
    public void UseTransport(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        Transport = new Core.Http.TransportAdapter(httpClient);
    }

    /// <summary>Where attempt logs go when the client is created without DI.</summary>
    /// <value>The default value is <see langword="null"/>: no logging.</value>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The problems with these settings, empty when they are usable.</summary>
    /// <returns>One message per problem, naming the setting.</returns>
    public virtual IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri)
        {
            errors.Add($"{nameof(BaseAddress)} must be an absolute URI.");
        }
        else if (BaseAddress.Scheme == Uri.UriSchemeHttp && !BaseAddress.IsLoopback && !AllowInsecureHttp)
        {
            errors.Add($"{nameof(BaseAddress)} must use https for a non-loopback host (set {nameof(AllowInsecureHttp)} to allow http).");
        }
        else if (BaseAddress.Scheme != Uri.UriSchemeHttp && BaseAddress.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"{nameof(BaseAddress)} must be an http or https URI.");
        }

        if (TokenProvider is null && string.IsNullOrWhiteSpace(ApiKey))
        {
            errors.Add($"{nameof(ApiKey)} or {nameof(TokenProvider)} is required.");
        }
        else if (ApiKey is not null && ApiKey.Any(char.IsControl))
        {
            errors.Add($"{nameof(ApiKey)} must not contain control characters such as CR or LF.");
        }

        if (ApplicationId is not null && (ApplicationId.Length is 0 or > 24 || ApplicationId.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))))
        {
            errors.Add($"{nameof(ApplicationId)} must be 1–24 characters without spaces or control characters.");
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            errors.Add($"{nameof(Timeout)} must be positive.");
        }

        if ((ConnectTimeout <= TimeSpan.Zero || ConnectTimeout.TotalMilliseconds > int.MaxValue)
            && ConnectTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            errors.Add($"{nameof(ConnectTimeout)} must be positive and at most {int.MaxValue} ms (or Timeout.InfiniteTimeSpan).");
        }

        if (MaxResponseBytes <= 0)
        {
            errors.Add($"{nameof(MaxResponseBytes)} must be positive.");
        }

        if (AutomaticDecompression != DecompressionMethods.All && (AutomaticDecompression & ~KnownDecompression) != 0)
        {
            errors.Add($"{nameof(AutomaticDecompression)} must be None, All or a combination of GZip, Deflate and Brotli.");
        }

        try
        {
            Guard.NotNull(Retry).Validate();
        }
        catch (ArgumentException ex)
        {
            errors.Add($"{nameof(Retry)}: {ex.Message}");
        }

        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem.</summary>
    public void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"{GetType().Name} is invalid: {string.Join(" ", errors)}");
        }
    }

    /// <summary>The settings with the secret masked.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"{GetType().Name} {{ BaseAddress = {BaseAddress}, ApiKey = {(ApiKey is null ? "null" : "***")}, " +
        $"TokenProvider = {(TokenProvider is null ? "null" : "set")}, Timeout = {Timeout}, MaxAttempts = {Retry?.MaxAttempts} }}";

    private const DecompressionMethods KnownDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli;

    private RateLimitBudget? _budget;

    /// <summary>The rate-limit budget shared by every call made with these options (one client, one credential): the
    /// in-process one, or the one <see cref="RateLimitBudget"/> creates for this client's service.</summary>
    internal RateLimitBudget BudgetFor(string service)
    {
        if (_budget is { } budget)
        {
            return budget;
        }

        RateLimitBudget local = new Core.Retry.RateLimitPacer(TimeProvider);
        var created = RateLimitBudget is { } provider
            ? provider.Create(new RateLimitBudgetScope(
                service, TokenProvider is null && ApiKey is { } key ? RateLimitBudgetScope.HashCredential(key) : null, TimeProvider, LoggerFactory, local))
            : local;
        return Interlocked.CompareExchange(ref _budget, created, null) ?? created;
    }

    /// <summary>The budget once created (for a test's failure message).</summary>
    internal RateLimitBudget? Pacer => _budget;

    /// <summary>The exact secrets this client sent, masked in every text it surfaces.</summary>
    internal Core.Security.KnownSecrets Secrets { get; } = new();

    /// <summary>The credential source the auth handler calls; every value it yields is remembered in <see cref="Secrets"/>.</summary>
    internal TokenProvider ResolveTokens()
    {
        var secrets = Secrets;
        if (TokenProvider is { } provider)
        {
            return (forceRefresh, cancellationToken) =>
            {
                var pending = provider(forceRefresh, cancellationToken);
                if (pending.IsCompletedSuccessfully)
                {
                    secrets.Add(pending.Result);
                    return pending;
                }

                return Remember(pending, secrets);
            };
        }

        var key = ApiKey!;
        secrets.Add(key);
        return (_, _) => ValueTask.FromResult(key);
    }

    private static async ValueTask<string> Remember(ValueTask<string> pending, Core.Security.KnownSecrets secrets)
    {
        var token = await pending.ConfigureAwait(false);
        secrets.Add(token);
        return token;
    }
}
