using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Shipyard client with IHttpClientFactory.</summary>
public static class ShipyardServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ShipyardClient"/> configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add handlers of your own.</returns>
    public static IHttpClientBuilder AddShipyardClient(this IServiceCollection services, Action<ShipyardClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services.AddOptions<ShipyardClientOptions>().Configure(configure));
    }

    /// <summary>Registers <see cref="ShipyardClient"/> with options bound from a configuration section
    /// (keys: BaseAddress, ApiKey, Timeout, AllowInsecureHttp, StatusMapping, Retry:MaxAttempts, …).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, e.g. <c>configuration.GetSection("Shipyard")</c>.</param>
    /// <returns>The HTTP client builder, to add handlers of your own.</returns>
    public static IHttpClientBuilder AddShipyardClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
#pragma warning disable SYSLIB1100, SYSLIB1101 // code-only settings (TimeProvider, LoggerFactory, TokenProvider) are left as set
        return Register(services.AddOptions<ShipyardClientOptions>().Bind(configuration));
#pragma warning restore SYSLIB1100, SYSLIB1101
    }

    private static IHttpClientBuilder Register(OptionsBuilder<ShipyardClientOptions> options) =>
        ServiceRegistration.Add(
            options, ShipyardClient.ServiceName, AuthHandler.Header(ShipyardClient.ApiKeyHeader), static (http, o) => new ShipyardClient(http, o, ownsHttpClient: false));
}
