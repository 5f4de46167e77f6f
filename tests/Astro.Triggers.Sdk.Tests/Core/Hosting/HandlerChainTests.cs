using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Hosting;
using Astro.Triggers.Sdk.Core.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Astro.Triggers.Sdk.Tests.Core.Hosting;

/// <summary>Issue 20, point 3: the no-DI client and the IHttpClientFactory client get the same handler chain,
/// because both take it from ClientPipeline.CreateHandlers.</summary>
public sealed class HandlerChainTests
{
    private static AgentsetClientOptions Options() => new()
    {
        BaseAddress = new Uri("http://127.0.0.1:1/"),
        ApiKey = "chain-test-key",
        NamespaceId = "ns_1",
        ConnectTimeout = TimeSpan.FromSeconds(1.5),
    };

    /// <summary>Our handlers and the primary one, outermost first, skipping IHttpClientFactory's own wrappers.</summary>
    private static List<string> Chain(HttpMessageHandler handler)
    {
        var names = new List<string>();
        for (HttpMessageHandler? h = handler; h is not null; h = (h as DelegatingHandler)?.InnerHandler)
        {
            var type = h.GetType();
            if (type.Assembly == typeof(ClientPipeline).Assembly || h is SocketsHttpHandler)
            {
                names.Add(h is SocketsHttpHandler sockets
                    ? $"SocketsHttpHandler(AllowAutoRedirect={sockets.AllowAutoRedirect}, ConnectTimeout={sockets.ConnectTimeout.TotalSeconds}, AutomaticDecompression={sockets.AutomaticDecompression}, Tracked={OwnTransportHandler.IsOwn(sockets)})"
                    : type.Name);
            }
        }

        return names;
    }

    [Fact]
    public void Both_paths_build_the_same_chain()
    {
        // Issue 25: both paths set the connect timeout and hand decoding to OwnTransportHandler (the handler decodes nothing).
        var expected = new[]
        {
            "TelemetryHandler", "AuthHandler", "OwnTransportHandler",
            "SocketsHttpHandler(AllowAutoRedirect=False, ConnectTimeout=1.5, AutomaticDecompression=None, Tracked=True)",
        };

        using var direct = ClientPipeline.CreateHttpClient(Options(), "Agentset", AuthHandler.Bearer);
        var field = typeof(HttpMessageInvoker).GetField("_handler", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        Chain((HttpMessageHandler)field.GetValue(direct)!).Should().Equal(expected);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAgentsetClient(o =>
        {
            o.BaseAddress = Options().BaseAddress;
            o.ApiKey = "chain-test-key";
            o.NamespaceId = "ns_1";
            o.ConnectTimeout = TimeSpan.FromSeconds(1.5);
        });
        using var provider = services.BuildServiceProvider();
        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(ServiceRegistration.HttpClientName("Agentset"));
        Chain(handler).Should().Equal(expected);
    }
}
