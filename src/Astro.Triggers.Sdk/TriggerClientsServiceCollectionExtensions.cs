using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers every service client configured in one configuration tree.</summary>
public static class TriggerClientsServiceCollectionExtensions
{
    /// <summary>Registers the client of each service that has a section under <paramref name="configuration"/>:
    /// "Agentset", "Astropod", "TrueFoundry", "Shipyard", "Mixpeek". A service without a section is not registered.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The parent section, e.g. <c>configuration.GetSection("AstroTriggers")</c>.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddTriggerClients(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (Section(configuration, "Agentset") is { } agentset)
        {
            services.AddAgentsetClient(agentset);
        }

        if (Section(configuration, "Astropod") is { } astropod)
        {
            services.AddAstropodClient(astropod);
        }

        if (Section(configuration, "TrueFoundry") is { } trueFoundry)
        {
            services.AddTrueFoundryClient(trueFoundry);
        }

        if (Section(configuration, "Shipyard") is { } shipyard)
        {
            services.AddShipyardClient(shipyard);
        }

        if (Section(configuration, "Mixpeek") is { } mixpeek)
        {
            services.AddMixpeekClient(mixpeek);
        }

        return services;
    }

    private static IConfigurationSection? Section(IConfiguration configuration, string name)
    {
        var section = configuration.GetSection(name);
        return section.Exists() ? section : null;
    }
}
