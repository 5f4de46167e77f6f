using Astro.Triggers.Sdk.TrueFoundry;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the TrueFoundry client with IHttpClientFactory.</summary>
public static class TrueFoundryServiceCollectionExtensions
{
    /// <summary>Registers <see cref="TrueFoundryClient"/> configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add handlers of your own.</returns>
    public static IHttpClientBuilder AddTrueFoundryClient(this IServiceCollection services, Action<TrueFoundryClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services.AddOptions<TrueFoundryClientOptions>().Configure(configure));
    }

    /// <summary>Registers <see cref="TrueFoundryClient"/> with options bound from a configuration section
    /// (keys: BaseAddress, ApiKey, Timeout, AllowInsecureHttp, Retry:MaxAttempts, …).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, e.g. <c>configuration.GetSection("TrueFoundry")</c>.</param>
    /// <returns>The HTTP client builder, to add handlers of your own.</returns>
    public static IHttpClientBuilder AddTrueFoundryClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
#pragma warning disable SYSLIB1100, SYSLIB1101 // code-only settings (TimeProvider, LoggerFactory, TokenProvider) are left as set
        return Register(services.AddOptions<TrueFoundryClientOptions>().Bind(configuration));
#pragma warning restore SYSLIB1100, SYSLIB1101
    }

    private static IHttpClientBuilder Register(OptionsBuilder<TrueFoundryClientOptions> options) =>
        ServiceRegistration.Add(
            options, TrueFoundryClient.ServiceName, AuthHandler.Bearer, static (http, o) => new TrueFoundryClient(http, o, ownsHttpClient: false));
}
