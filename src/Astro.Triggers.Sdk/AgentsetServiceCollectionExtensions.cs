using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Http;
using Astro.Triggers.Sdk.Core.Retry;
using Astro.Triggers.Sdk.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// DI extensions live in the DI namespace so they are found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Agentset client with IHttpClientFactory.</summary>
public static class AgentsetServiceCollectionExtensions
{
    internal const string HttpClientName = "Astro.Triggers.Sdk.Agentset";

    /// <summary>Registers <see cref="AgentsetClient"/> configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add handlers of your own.</returns>
    public static IHttpClientBuilder AddAgentsetClient(this IServiceCollection services, Action<AgentsetClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AgentsetClientOptions>().Configure(configure).ValidateOnStart();
        return AddCore(services);
    }

    /// <summary>Registers <see cref="AgentsetClient"/> with options bound from a configuration section
    /// (keys: BaseAddress, ApiKey, NamespaceId, TenantId, Timeout, AllowInsecureHttp, Retry:MaxAttempts, …).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, e.g. <c>configuration.GetSection("Agentset")</c>.</param>
    /// <returns>The HTTP client builder, to add handlers of your own.</returns>
    public static IHttpClientBuilder AddAgentsetClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        // TimeProvider, LoggerFactory and TokenProvider are code-only settings; the binder leaves them as set.
#pragma warning disable SYSLIB1100, SYSLIB1101
        services.AddOptions<AgentsetClientOptions>().Bind(configuration).ValidateOnStart();
#pragma warning restore SYSLIB1100, SYSLIB1101
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<AgentsetClientOptions>, ServiceClientOptionsValidator<AgentsetClientOptions>>();
        services.AddTransient(sp => new AgentsetClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            Options(sp),
            ownsHttpClient: false));

        return services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient((sp, client) => ClientPipeline.Configure(client, Options(sp)))
            .ConfigurePrimaryHttpMessageHandler(ClientPipeline.CreatePrimaryHandler)
            .AddHttpMessageHandler(sp => new RetryHandler(Options(sp).Retry, Options(sp).TimeProvider))
            .AddHttpMessageHandler(sp => new TelemetryHandler(
                sp.GetRequiredService<ILoggerFactory>().CreateLogger($"Astro.Triggers.Sdk.{AgentsetClient.ServiceName}"),
                AgentsetClient.ServiceName,
                Options(sp).TimeProvider))
            .AddHttpMessageHandler(sp => new AuthHandler(
                Options(sp).ResolveTokens(), Options(sp).TokenProvider is not null, AuthHandler.Bearer));
    }

    private static AgentsetClientOptions Options(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<AgentsetClientOptions>>().Value;
}
