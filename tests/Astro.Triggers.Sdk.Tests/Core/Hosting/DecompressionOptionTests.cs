using System.Net;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Hosting;
using Astro.Triggers.Sdk.Core.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Astro.Triggers.Sdk.Tests.Core.Hosting;

/// <summary>Issue 18 #4: <see cref="ServiceClientOptions.AutomaticDecompression"/> reaches the SDK's own transport on both
/// paths (no DI and IHttpClientFactory), binds from configuration, and is validated.</summary>
public sealed class DecompressionOptionTests
{
    private static AgentsetClientOptions Options(Action<AgentsetClientOptions>? tweak = null)
    {
        var options = new AgentsetClientOptions { BaseAddress = new Uri("http://127.0.0.1:1/"), ApiKey = "decompression-key", NamespaceId = "ns_1" };
        tweak?.Invoke(options);
        return options;
    }

    /// <summary>What the SDK's own transport asks for and decodes: OwnTransportHandler's setting (issue 25 kind 5: the SDK
    /// decodes, checking each body reached its end marker), over a SocketsHttpHandler that decodes nothing itself.</summary>
    private static OwnTransportHandler Transport(HttpMessageHandler handler)
    {
        OwnTransportHandler? own = null;
        for (HttpMessageHandler? h = handler; h is not null; h = (h as DelegatingHandler)?.InnerHandler)
        {
            own = h as OwnTransportHandler ?? own;
            if (h is SocketsHttpHandler sockets)
            {
                sockets.AutomaticDecompression.Should().Be(DecompressionMethods.None, "the SDK decodes, not the handler");
                return own ?? throw new InvalidOperationException("no OwnTransportHandler above the SocketsHttpHandler");
            }
        }

        throw new InvalidOperationException("no SocketsHttpHandler in the chain");
    }

    private static OwnTransportHandler Direct(AgentsetClientOptions options)
    {
        using var client = ClientPipeline.CreateHttpClient(options, "Agentset", AuthHandler.Bearer);
        var field = typeof(HttpMessageInvoker).GetField("_handler", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        return Transport((HttpMessageHandler)field.GetValue(client)!);
    }

    private static DecompressionMethods ViaFactory(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection().AddLogging();
        register(services);
        using var provider = services.BuildServiceProvider();
        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(ServiceRegistration.HttpClientName("Agentset"));
        return Transport(handler).Decompression;
    }

    [Fact]
    public void Gzip_and_brotli_are_on_by_default_on_both_paths()
    {
        new AgentsetClientOptions().AutomaticDecompression.Should().Be(DecompressionMethods.GZip | DecompressionMethods.Brotli);
        Direct(Options()).Decompression.Should().Be(DecompressionMethods.GZip | DecompressionMethods.Brotli);
        ViaFactory(s => s.AddAgentsetClient(o => { o.BaseAddress = new Uri("http://127.0.0.1:1/"); o.ApiKey = "k"; o.NamespaceId = "ns_1"; }))
            .Should().Be(DecompressionMethods.GZip | DecompressionMethods.Brotli);
    }

    [Fact]
    public void The_setting_reaches_the_transport_on_both_paths()
    {
        Direct(Options(o => o.AutomaticDecompression = DecompressionMethods.None)).Decompression.Should().Be(DecompressionMethods.None);
        ViaFactory(s => s.AddAgentsetClient(o =>
        {
            o.BaseAddress = new Uri("http://127.0.0.1:1/");
            o.ApiKey = "k";
            o.NamespaceId = "ns_1";
            o.AutomaticDecompression = DecompressionMethods.GZip;
        })).Should().Be(DecompressionMethods.GZip);
    }

    [Theory]
    [InlineData("None", DecompressionMethods.None)]
    [InlineData("GZip", DecompressionMethods.GZip)]
    [InlineData("GZip, Brotli", DecompressionMethods.GZip | DecompressionMethods.Brotli)]
    [InlineData("All", DecompressionMethods.All)]
    public void The_setting_binds_from_configuration_and_is_not_an_unknown_key(string value, DecompressionMethods expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Astro:Agentset:BaseAddress"] = "https://api.agentset.ai/",
            ["Astro:Agentset:ApiKey"] = "key",
            ["Astro:Agentset:NamespaceId"] = "ns_1",
            ["Astro:Agentset:AutomaticDecompression"] = value,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAgentsetClient(configuration.GetSection("Astro:Agentset"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<AgentsetClientOptions>>().Get(Microsoft.Extensions.Options.Options.DefaultName);

        options.AutomaticDecompression.Should().Be(expected);
        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(ServiceRegistration.HttpClientName("Agentset"));
        Transport(handler).Decompression.Should().Be(expected);
    }

    [Fact]
    public void An_unknown_coding_is_a_validation_error()
    {
        Options(o => o.AutomaticDecompression = (DecompressionMethods)64).Validate()
            .Should().ContainSingle().Which.Should().Contain("AutomaticDecompression");
        Options(o => o.AutomaticDecompression = DecompressionMethods.Deflate | DecompressionMethods.Brotli).Validate().Should().BeEmpty();
    }
}
