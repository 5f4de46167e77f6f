using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>The three ways to make a call, over the same in-memory handler.</summary>
internal static class Harness
{
    public const string Key = "sk_bench_0123456789";

    public static readonly Uri BaseAddress = new("https://bench.invalid/");

    /// <summary>(a) The floor: a plain HttpClient, credential set once.</summary>
    public static HttpClient Raw(HttpMessageHandler handler)
    {
        var client = new HttpClient(handler) { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return client;
    }

    /// <summary>(b) The SDK's generated request methods alone (<c>&lt;Service&gt;Requests</c>), on a plain HttpClient: they
    /// need a call context to put on the request, made once here and never given back.</summary>
    public static Core.Http.CallContext Call { get; } = Core.Http.CallContext.Create(
        new Agentset.AgentsetClientOptions { ApiKey = Key, BaseAddress = BaseAddress }, null, Agentset.Generated.AgentsetOperations.GetIngestJobOperation);

    /// <summary>Registers the Agentset client every benchmark uses: the bench key, namespace and address.</summary>
    public static IHttpClientBuilder AddAgentset(IServiceCollection services) =>
        services.AddAgentsetClient(o => { o.ApiKey = Key; o.NamespaceId = Wire.Namespace; o.BaseAddress = BaseAddress; });

    /// <summary>(c) The SDK client as DI builds it (retry, telemetry, auth; no logger), with the handler as primary.</summary>
    public static T Sdk<T>(Func<IServiceCollection, IHttpClientBuilder> register, Func<HttpMessageHandler> handler)
        where T : notnull
    {
        var services = new ServiceCollection();
        register(services).ConfigurePrimaryHttpMessageHandler(handler);
        return services.BuildServiceProvider().GetRequiredService<T>();
    }
}
