using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Mixpeek client with IHttpClientFactory.</summary>
public static class MixpeekServiceCollectionExtensions
{
    /// <summary>Registers <see cref="MixpeekClient"/> configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add handlers of your own.</returns>
    public static IHttpClientBuilder AddMixpeekClient(this IServiceCollection services, Action<MixpeekClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services.AddOptions<MixpeekClientOptions>().Configure(configure));
    }

    /// <summary>Registers <see cref="MixpeekClient"/> with options bound from a configuration section
    /// (keys: BaseAddress, ApiKey, Namespace, MinimumInterval, Timeout, AllowInsecureHttp, Retry:MaxAttempts, …).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, e.g. <c>configuration.GetSection("Mixpeek")</c>.</param>
    /// <returns>The HTTP client builder, to add handlers of your own.</returns>
    public static IHttpClientBuilder AddMixpeekClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
#pragma warning disable SYSLIB1100, SYSLIB1101 // code-only settings (TimeProvider, LoggerFactory, TokenProvider) are left as set
        return Register(services.AddOptions<MixpeekClientOptions>().Bind(configuration));
#pragma warning restore SYSLIB1100, SYSLIB1101
    }

    private static IHttpClientBuilder Register(OptionsBuilder<MixpeekClientOptions> options) =>
        ServiceRegistration.Add(
            options, MixpeekClient.ServiceName, AuthHandler.Bearer, static (http, o) => new MixpeekClient(http, o, ownsHttpClient: false));
}
