using System.Diagnostics.CodeAnalysis;
using Astro.Triggers.Sdk.Core.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Astro.Triggers.Sdk.Core.Hosting;

/// <summary>The one way every service client is registered: its own named options, a named HttpClient from
/// IHttpClientFactory with the shared handler chain, validation at start-up that names the client and its
/// configuration section, and one client instance per container — unkeyed for the default client, a keyed service
/// (<c>[FromKeyedServices("name")]</c>) and <see cref="ITriggerClientFactory{TClient}"/> entry for a named one.</summary>
internal static class ServiceRegistration
{
    /// <summary>Registers one client. <paramref name="configureOptions"/> configures or binds its options (the binding
    /// itself stays in each service's extension method: the configuration binder generator needs the concrete type).</summary>
    /// <exception cref="InvalidOperationException">A client of this service is already registered under this name.</exception>
    public static IHttpClientBuilder Add<TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicProperties)] TOptions>(
        IServiceCollection services,
        string? name,
        IConfiguration? section,
        Action<OptionsBuilder<TOptions>> configureOptions,
        string service,
        Action<HttpRequestMessage, string> applyCredential,
        Func<HttpClient, TOptions, TClient> create)
        where TClient : class
        where TOptions : ServiceClientOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        if (name is not null)
        {
            Guard.NotNullOrWhiteSpace(name, nameof(name));
        }

        var optionsName = name ?? Microsoft.Extensions.Options.Options.DefaultName;
        if (services.Any(d => d.ServiceType == typeof(Registered<TClient>) && Equals(d.ServiceKey, optionsName)))
        {
            throw new InvalidOperationException(name is null
                ? $"A {typeof(TClient).Name} is already registered. Register several clients of one service by name, each with its own options: Add{service}Client(\"eu\", …)."
                : $"A {typeof(TClient).Name} named '{name}' is already registered; give each client its own name.");
        }

        services.AddKeyedSingleton(optionsName, new Registered<TClient>());
        var label = section is IConfigurationSection { Path: { Length: > 0 } path } ? path : name is null ? $"{service} client" : $"{service} client '{name}'";
        var optionsBuilder = services.AddOptions<TOptions>(optionsName);
        configureOptions(optionsBuilder);
        optionsBuilder.ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new ServiceClientOptionsValidator<TOptions>(optionsName, label, section));

        var httpClientName = HttpClientName(service) + (name is null ? string.Empty : "." + name);
        // A singleton, not transient: clients are IDisposable, and a transient IDisposable resolved from the root
        // provider is kept by it until the provider is disposed (the load test measured ~1.5 KB retained per
        // resolve). The client is thread-safe; the primary handler's PooledConnectionLifetime (5 min) keeps DNS
        // fresh, which is what handler rotation would otherwise be for.
        Func<IServiceProvider, TClient> factory = sp =>
        {
            var options = Options<TOptions>(sp, optionsName);
            options.LoggerFactory ??= sp.GetService<ILoggerFactory>();
            // A shared rate-limit budget registered for this client (e.g. UseRedisRateLimitBudget on its builder).
            options.RateLimitBudget ??= sp.GetKeyedService<RateLimitBudgetProvider>(httpClientName);
            return create(sp.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName), options);
        };
        if (name is null)
        {
            services.AddSingleton(factory);
        }
        else
        {
            services.AddKeyedSingleton(name, (sp, _) => factory(sp));
        }

        services.TryAddSingleton<ITriggerClientFactory<TClient>, TriggerClientFactory<TClient>>();

        // RemoveAllLoggers: the SDK logs every attempt itself (TelemetryHandler, URIs redacted); the factory's own
        // two logging handlers would log each request again and cost ~1 KB per call even with logging off.
        // A user who wants them back calls AddDefaultLogger() on the returned builder.
        return services.AddHttpClient(httpClientName)
            .RemoveAllLoggers()
            .ConfigureHttpClient((sp, client) => ClientPipeline.Configure(client, Options<TOptions>(sp, optionsName)))
            .ConfigurePrimaryHttpMessageHandler(sp => ClientPipeline.CreatePrimaryHandler(Options<TOptions>(sp, optionsName)))
            .ConfigureAdditionalHttpMessageHandlers((handlers, sp) =>
            {
                foreach (var handler in ClientPipeline.CreateHandlers(
                    Options<TOptions>(sp, optionsName), service, applyCredential, sp.GetRequiredService<ILoggerFactory>()))
                {
                    handlers.Add(handler);
                }
            });
    }

    public static string HttpClientName(string service) => $"{SdkConstants.TelemetryName}.{service}";

    // The monitor's instance, for the handler chain and the client alike: one options object per name, so the
    // secrets the auth handler sends are the ones the client masks.
    private static TOptions Options<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceProvider sp, string name)
        where TOptions : ServiceClientOptions =>
        sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);

    /// <summary>Marks a registered (client type, name) pair, so a second registration under it is refused.</summary>
    private sealed class Registered<TClient>;
}
