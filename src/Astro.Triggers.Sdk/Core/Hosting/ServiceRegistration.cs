using Astro.Triggers.Sdk.Core.Http;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Astro.Triggers.Sdk.Core.Hosting;

/// <summary>The one way every service client is registered: named HttpClient from IHttpClientFactory with the
/// shared handler chain, options validated at start-up, one client instance per container.</summary>
internal static class ServiceRegistration
{
    /// <summary>Registers a client whose options <paramref name="options"/> configures or binds. The binding
    /// itself stays in each service's extension method: the configuration binder generator needs the concrete type.</summary>
    public static IHttpClientBuilder Add<TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        OptionsBuilder<TOptions> options,
        string service,
        Action<HttpRequestMessage, string> applyCredential,
        Func<HttpClient, TOptions, TClient> create)
        where TClient : class
        where TOptions : ServiceClientOptions
    {
        options.ValidateOnStart();
        return AddCore(options.Services, service, applyCredential, create);
    }

    public static string HttpClientName(string service) => $"{SdkConstants.TelemetryName}.{service}";

    private static IHttpClientBuilder AddCore<TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceCollection services,
        string service,
        Action<HttpRequestMessage, string> applyCredential,
        Func<HttpClient, TOptions, TClient> create)
        where TClient : class
        where TOptions : ServiceClientOptions
    {
        var name = HttpClientName(service);
        services.AddSingleton<IValidateOptions<TOptions>, ServiceClientOptionsValidator<TOptions>>();
        // A singleton, not transient: clients are IDisposable, and a transient IDisposable resolved from the root
        // provider is kept by it until the provider is disposed (the load test measured ~1.5 KB retained per
        // resolve). The client is thread-safe; the primary handler's PooledConnectionLifetime (5 min) keeps DNS
        // fresh, which is what handler rotation would otherwise be for.
        services.AddSingleton(sp => create(sp.GetRequiredService<IHttpClientFactory>().CreateClient(name), Options<TOptions>(sp)));

        // RemoveAllLoggers: the SDK logs every attempt itself (TelemetryHandler, URIs redacted); the factory's own
        // two logging handlers would log each request again and cost ~1 KB per call even with logging off.
        // A user who wants them back calls AddDefaultLogger() on the returned builder.
        return services.AddHttpClient(name)
            .RemoveAllLoggers()
            .ConfigureHttpClient((sp, client) => ClientPipeline.Configure(client, Options<TOptions>(sp)))
            .ConfigurePrimaryHttpMessageHandler(ClientPipeline.CreatePrimaryHandler)
            .ConfigureAdditionalHttpMessageHandlers((handlers, sp) =>
            {
                foreach (var handler in ClientPipeline.CreateHandlers(
                    Options<TOptions>(sp), service, applyCredential, sp.GetRequiredService<ILoggerFactory>()))
                {
                    handlers.Add(handler);
                }
            });
    }

    private static TOptions Options<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceProvider sp)
        where TOptions : ServiceClientOptions =>
        sp.GetRequiredService<IOptions<TOptions>>().Value;
}
