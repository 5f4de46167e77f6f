using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

// DI extensions live in the DI namespace so they are found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Agentset client with IHttpClientFactory.</summary>
public static class AgentsetServiceCollectionExtensions
{
    /// <summary>Registers <see cref="AgentsetClient"/> configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add handlers of your own.</returns>
    public static IHttpClientBuilder AddAgentsetClient(this IServiceCollection services, Action<AgentsetClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services.AddOptions<AgentsetClientOptions>().Configure(configure));
    }

    /// <summary>Registers <see cref="AgentsetClient"/> with options bound from a configuration section
    /// (keys: BaseAddress, ApiKey, NamespaceId, TenantId, Timeout, AllowInsecureHttp, Retry:MaxAttempts, …).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, e.g. <c>configuration.GetSection("Agentset")</c>.</param>
    /// <returns>The HTTP client builder, to add handlers of your own.</returns>
    public static IHttpClientBuilder AddAgentsetClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // TimeProvider, LoggerFactory and TokenProvider are code-only settings; the binder leaves them as set.
#pragma warning disable SYSLIB1100, SYSLIB1101
        return Register(services.AddOptions<AgentsetClientOptions>().Bind(configuration));
#pragma warning restore SYSLIB1100, SYSLIB1101
    }

    private static IHttpClientBuilder Register(OptionsBuilder<AgentsetClientOptions> options) =>
        ServiceRegistration.Add(
            options, AgentsetClient.ServiceName, AuthHandler.Bearer, static (http, o) => new AgentsetClient(http, o, ownsHttpClient: false));
}
