using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.Mixpeek;

/// <summary>A real MixpeekClient (namespace "ns_prod") against WireMock on loopback.</summary>
public abstract class MixpeekClientTestBase : ClientTestBase
{
    protected MixpeekClient CreateClient(Action<MixpeekClientOptions>? configure = null) =>
        new(Configure(new MixpeekClientOptions { Namespace = "ns_prod" }, configure));

    protected void Respond(string method, string path, int status, string? body = null)
    {
        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithHeader("Content-Type", "application/json").WithBody(body);
        }

        Server.Given(Request.Create().WithPath(new WildcardMatcher(path)).UsingMethod(method)).RespondWith(response);
    }
}
