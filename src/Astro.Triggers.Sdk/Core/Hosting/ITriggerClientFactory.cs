namespace Astro.Triggers.Sdk;

/// <summary>Hands out the clients of one service registered by name (like Azure's <c>IAzureClientFactory&lt;T&gt;</c>),
/// for code that picks a client at run time. A named client is also a keyed service:
/// <c>[FromKeyedServices("eu")] AgentsetClient client</c>.</summary>
/// <typeparam name="TClient">The client type, e.g. <c>AgentsetClient</c>.</typeparam>
public interface ITriggerClientFactory<out TClient>
    where TClient : class
{
    /// <summary>The client registered under <paramref name="name"/>, e.g. with <c>AddAgentsetClient("eu", …)</c>.</summary>
    /// <param name="name">The registration name; <see cref="string.Empty"/> for the client registered without a name.</param>
    /// <returns>The client (a singleton).</returns>
    /// <exception cref="InvalidOperationException">No client of this type is registered under that name.</exception>
    TClient GetClient(string name);
}
