using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

// DI extensions live in the DI namespace so they are found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Shipyard client with IHttpClientFactory: one client without a name, and any number of named
/// ones, each with its own options, pipeline and credential (keyed services: <c>[FromKeyedServices("name")]</c>, or
/// <see cref="Astro.Triggers.Sdk.ITriggerClientFactory{TClient}"/>).</summary>
public static class ShipyardServiceCollectionExtensions
{
    /// <summary>Registers the default <see cref="ShipyardClient"/> (resolved without a key), configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add handlers of your own.</returns>
    /// <exception cref="InvalidOperationException">A default Shipyard client is already registered: register more by name.</exception>
    public static IHttpClientBuilder AddShipyardClient(this IServiceCollection services, Action<ShipyardClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services, null, null, o => o.Configure(configure));
    }

    /// <summary>Registers the default <see cref="ShipyardClient"/> with options bound from a configuration section
    /// (keys: BaseAddress, ApiKey, Timeout, AllowInsecureHttp, StatusMapping, Retry:MaxAttempts, …); a key no option reads is reported at start-up, naming the section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, e.g. <c>configuration.GetSection("Astro:Shipyard")</c>.</param>
    /// <returns>The HTTP client builder, to add handlers of your own.</returns>
    /// <exception cref="InvalidOperationException">A default Shipyard client is already registered: register more by name.</exception>
    public static IHttpClientBuilder AddShipyardClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Register(services, null, configuration, o => Bind(o, configuration));
    }

    /// <summary>Registers a named <see cref="ShipyardClient"/> with its own options, configured in code; resolve it with
    /// <c>[FromKeyedServices(name)]</c>, <c>GetRequiredKeyedService&lt;ShipyardClient&gt;(name)</c> or the client factory.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name (the service key).</param>
    /// <param name="configure">Sets this client's options.</param>
    /// <returns>The HTTP client builder, to add handlers of your own.</returns>
    /// <exception cref="InvalidOperationException">A Shipyard client of that name is already registered.</exception>
    public static IHttpClientBuilder AddShipyardClient(this IServiceCollection services, string name, Action<ShipyardClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services, name, null, o => o.Configure(configure));
    }

    /// <summary>Registers a named <see cref="ShipyardClient"/> with its own options bound from a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name (the service key).</param>
    /// <param name="configuration">This client's section, e.g. <c>configuration.GetSection("Astro:Shipyard:eu")</c>.</param>
    /// <returns>The HTTP client builder, to add handlers of your own.</returns>
    /// <exception cref="InvalidOperationException">A Shipyard client of that name is already registered.</exception>
    public static IHttpClientBuilder AddShipyardClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configuration);
        return Register(services, name, configuration, o => Bind(o, configuration));
    }

    // TimeProvider, LoggerFactory, TokenProvider and Transport are code-only settings; the binder leaves them as set.
#pragma warning disable SYSLIB1100, SYSLIB1101
    private static void Bind(OptionsBuilder<ShipyardClientOptions> options, IConfiguration configuration) => options.Bind(configuration);
#pragma warning restore SYSLIB1100, SYSLIB1101

    private static IHttpClientBuilder Register(
        IServiceCollection services, string? name, IConfiguration? section, Action<OptionsBuilder<ShipyardClientOptions>> configure) =>
        ServiceRegistration.Add(
            services, name, section, configure, ShipyardClient.ServiceName, AuthHandler.Header(ShipyardClient.ApiKeyHeader), static (http, o) => new ShipyardClient(http, o, ownsHttpClient: false));
}
