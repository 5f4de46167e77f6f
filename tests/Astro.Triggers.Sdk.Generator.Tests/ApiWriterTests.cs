using Astro.Triggers.Sdk.Generator.Tests.Infrastructure;

namespace Astro.Triggers.Sdk.Generator.Tests;

/// <summary>The request methods, typed operations and JSON context, compared whole: this part is all ours and
/// small, so any change to it should be seen in review (Expected/*.api.g.cs).</summary>
public class ApiWriterTests
{
    [Fact]
    public async Task Writes_the_requests_and_operations_of_every_operation_shape()
    {
        var generated = await Generated.FromDocumentAsync("acme-jobs.yaml");

        Snapshot.Matches(generated.Api, "acme-jobs.api.g.cs");
    }

    [Fact]
    public async Task Names_the_service_from_the_file_when_the_document_does_not()
    {
        var generated = await Generated.FromDocumentAsync("acme-jobs.yaml");

        generated.Models.Should().Contain("namespace Astro.Triggers.Sdk.AcmeJobs\n");
        generated.Api.Should().Contain("namespace Astro.Triggers.Sdk.AcmeJobs.Generated\n")
            .And.Contain("internal static class AcmeJobsRequests\n")
            .And.Contain("internal sealed partial class AcmeJobsOperations\n")
            .And.Contain("internal sealed partial class AcmeJobsJsonContext ");
    }

    [Fact]
    public async Task Names_the_service_from_x_astro_service()
    {
        var generated = await Generated.FromDocumentAsync("service-name.yaml");

        Snapshot.Matches(generated.Api, "service-name.api.g.cs");
        generated.Models.Should().Contain("namespace Astro.Triggers.Sdk.AcmeCloud\n");
        generated.Code.Should().NotContain("ServiceName");
    }
}
