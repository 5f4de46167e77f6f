using Microsoft.Extensions.Logging;

namespace Astro.Triggers.Sdk;

/// <summary>What a <see cref="RateLimitBudgetProvider"/> knows of the client whose budget it creates. The credential
/// itself is never handed over: only its hash.</summary>
public sealed class RateLimitBudgetScope
{
    /// <summary>Creates a scope (the SDK creates one per client; tests may create their own).</summary>
    /// <param name="service">The service's name, e.g. <c>Agentset</c>.</param>
    /// <param name="credentialHash">The hash of the client's credential, or <see langword="null"/>.</param>
    /// <param name="timeProvider">The client's clock.</param>
    /// <param name="loggerFactory">The client's logging, or <see langword="null"/>.</param>
    /// <param name="fallback">The client's own in-process budget.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public RateLimitBudgetScope(string service, string? credentialHash, TimeProvider timeProvider, ILoggerFactory? loggerFactory, RateLimitBudget fallback)
    {
        Service = service ?? throw new ArgumentNullException(nameof(service));
        CredentialHash = credentialHash;
        TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        LoggerFactory = loggerFactory;
        Fallback = fallback ?? throw new ArgumentNullException(nameof(fallback));
    }

    /// <summary>The service's name, e.g. <c>Agentset</c>: one budget per service and credential.</summary>
    public string Service { get; }

    /// <summary>The SHA-256 of the client's static <see cref="ServiceClientOptions.ApiKey"/> as 64 lowercase hex
    /// characters, or <see langword="null"/> when the client uses a <see cref="ServiceClientOptions.TokenProvider"/> (its
    /// tokens may change; the provider must then be given a partition of its own).</summary>
    public string? CredentialHash { get; }

    /// <summary>The client's clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The client's logging, or <see langword="null"/>.</summary>
    public ILoggerFactory? LoggerFactory { get; }

    /// <summary>The client's own in-process budget (<see cref="RateLimitBudget.CreateInProcess"/>): what a shared budget
    /// falls back on when what it shares cannot be reached.</summary>
    public RateLimitBudget Fallback { get; }

    /// <summary>The SHA-256 of a credential, as <see cref="CredentialHash"/> carries it.</summary>
    /// <param name="credential">The credential.</param>
    /// <returns>64 lowercase hex characters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="credential"/> is null.</exception>
    public static string HashCredential(string credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(credential)));
    }

    /// <summary>The scope without its credential hash.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"RateLimitBudgetScope {{ Service = {Service}, CredentialHash = {(CredentialHash is null ? "null" : "set")} }}";
}
