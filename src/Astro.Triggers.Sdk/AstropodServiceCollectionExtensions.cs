using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Astropod client with IHttpClientFactory.</summary>
public static class AstropodServiceCollectionExtensions
{
    /// <summary>Registers <see cref="AstropodClient"/> configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add handlers of your own.</returns>
    public static IHttpClientBuilder AddAstropodClient(this IServiceCollection services, Action<AstropodClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services.AddOptions<AstropodClientOptions>().Configure(configure));
    }

    /// <summary>Registers <see cref="AstropodClient"/> with options bound from a configuration section
    /// (keys: BaseAddress, ApiKey, Timeout, AllowInsecureHttp, Retry:MaxAttempts, …).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, e.g. <c>configuration.GetSection("Astropod")</c>.</param>
    /// <returns>The HTTP client builder, to add handlers of your own.</returns>
    public static IHttpClientBuilder AddAstropodClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
#pragma warning disable SYSLIB1100, SYSLIB1101 // code-only settings (TimeProvider, LoggerFactory, TokenProvider) are left as set
        return Register(services.AddOptions<AstropodClientOptions>().Bind(configuration));
#pragma warning restore SYSLIB1100, SYSLIB1101
    }

    private static IHttpClientBuilder Register(OptionsBuilder<AstropodClientOptions> options) =>
        ServiceRegistration.Add(
            options, AstropodClient.ServiceName, AuthHandler.Bearer, static (http, o) => new AstropodClient(http, o, ownsHttpClient: false));
}
