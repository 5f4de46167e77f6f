using Astro.Triggers.Sdk.Core.Security;

namespace Astro.Triggers.Sdk.Tests.Core.Security;

/// <summary>Issue 20 #6: URIs are shown through an allow-list of the query parameters the services' documents define;
/// every other value is masked, whatever its name.</summary>
public sealed class RedactorTests
{
    [Theory]
    [InlineData("https://h/v1/x?cursor=c1&perPage=10", "https://h/v1/x?cursor=c1&perPage=10")]
    [InlineData("https://h/v1/x?X-Amz-Signature=abc&cursor=c1", "https://h/v1/x?X-Amz-Signature=***&cursor=c1")]
    [InlineData("https://h/v1/x?token=t0k3n&weird_param=v", "https://h/v1/x?token=***&weird_param=***")]
    [InlineData("https://user:pw@h/v1/x?status=RUNNING&status=FAILED", "https://***@h/v1/x?status=RUNNING&status=FAILED")]
    [InlineData("https://h/api/v1/deployments?account=acme", "https://h/api/v1/deployments?account=acme")]
    public void Only_the_documented_query_parameters_are_shown(string uri, string shown) =>
        Redactor.Uri(new Uri(uri)).Should().Be(shown);
}
