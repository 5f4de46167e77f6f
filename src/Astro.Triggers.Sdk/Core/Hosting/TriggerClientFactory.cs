using Microsoft.Extensions.DependencyInjection;

namespace Astro.Triggers.Sdk.Core.Hosting;

/// <summary>The client factory over keyed services: the name is the service key, empty for the default client.</summary>
internal sealed class TriggerClientFactory<TClient>(IServiceProvider services) : ITriggerClientFactory<TClient>
    where TClient : class
{
    public TClient GetClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var client = name.Length == 0 ? services.GetService<TClient>() : services.GetKeyedService<TClient>(name);
        return client ?? throw new InvalidOperationException(
            $"No {typeof(TClient).Name} is registered{(name.Length == 0 ? " without a name" : $" under the name '{name}'")}.");
    }
}
