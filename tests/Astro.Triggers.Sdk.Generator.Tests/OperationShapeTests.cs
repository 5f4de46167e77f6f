using Astro.Triggers.Sdk.Generator.Tests.Infrastructure;

namespace Astro.Triggers.Sdk.Generator.Tests;

/// <summary>The rules OperationShape applies to each operation, pinned on the lines that show them.</summary>
public class OperationShapeTests
{
    [Theory]
    [InlineData("listJobs", "GET", true)]
    [InlineData("deleteJob", "DELETE", true)]
    [InlineData("replaceLabels", "PUT", true)]
    [InlineData("updateJob", "PATCH", false)]
    [InlineData("restartJob", "POST", false)]
    // x-astro-idempotent: true makes this POST safe to retry.
    [InlineData("cancelJob", "POST", true)]
    public async Task Marks_an_operation_idempotent_by_its_method_or_x_astro_idempotent(string operationId, string method, bool idempotent)
    {
        var generated = await Generated.FromDocumentAsync("acme-jobs.yaml");

        generated.Api.Should().Contain(
            $"\"AcmeJobs\", \"{operationId}\", \"{method}\", isIdempotent: {(idempotent ? "true" : "false")});");
    }

    [Theory]
    // explode: false → comma-joined.
    [InlineData("statuses", "Csv", "System.Collections.Generic.IEnumerable<JobStatus>?")]
    // explode unset → OpenAPI's default for form style, repeated keys.
    [InlineData("tags", "Multi", "System.Collections.Generic.IEnumerable<string>?")]
    [InlineData("ids", "Multi", "System.Collections.Generic.IEnumerable<string>?")]
    public async Task Maps_explode_of_a_query_array_to_a_Refit_collection_format(string name, string format, string type)
    {
        var generated = await Generated.FromDocumentAsync("acme-jobs.yaml");

        generated.Api.Should().Contain(
            $"[global::Refit.Query(global::Refit.CollectionFormat.{format}), global::Refit.AliasAs(\"{name}\")] {type} {name},");
    }

    [Fact]
    public async Task Gives_a_scalar_query_parameter_no_collection_format()
    {
        var generated = await Generated.FromDocumentAsync("acme-jobs.yaml");

        generated.Api.Should().Contain("[global::Refit.Query, global::Refit.AliasAs(\"perPage\")] int? perPage,");
    }

    [Fact]
    public async Task Escapes_parameter_names_that_are_CSharp_keywords_and_keeps_the_wire_name()
    {
        var generated = await Generated.FromDocumentAsync("keywords.yaml");

        generated.Api.Should().Contain("[global::Refit.AliasAs(\"namespace\")] string @namespace,")
            .And.Contain("[global::Refit.Query, global::Refit.AliasAs(\"class\")] string? @class,")
            .And.Contain("[global::Refit.Query, global::Refit.AliasAs(\"per_page\")] long? perPage,")
            // The header loses its "x-" prefix first, which leaves a keyword.
            .And.Contain("[global::Refit.Header(\"x-default\")] string? @default,")
            .And.Contain("(_api, @namespace, @class, perPage, @default),")
            .And.Contain("static (__args, call, ct) => __args.Item1.ListItemsAsync(__args.Item2, __args.Item3, __args.Item4, __args.Item5, call, ct),");
    }

    [Fact]
    public async Task Puts_required_parameters_first_then_path_query_header_body()
    {
        var generated = await Generated.FromDocumentAsync("acme-jobs.yaml");

        // The spec lists the header before the path parameter; the required path parameter comes first.
        generated.Api.Should().Contain("(_api, jobId, tenantId),")
            .And.Contain("static (__args, call, ct) => __args.Item1.GetJobAsync(__args.Item2, __args.Item3, call, ct),");

        // Among optional ones, queries before headers, whatever the document's order (header, then per_page).
        var keywords = await Generated.FromDocumentAsync("keywords.yaml");
        keywords.Api.Should().Contain("(_api, @namespace, @class, perPage, @default),");
    }

    [Fact]
    public async Task Reads_each_kind_of_success_response_its_own_way()
    {
        var generated = await Generated.FromDocumentAsync("acme-jobs.yaml");

        // JSON body on every success status.
        generated.Api.Should().Contain("Task<Job> GetJobAsync(")
            .And.Contain("ResponseReader.ReadAsync(response, AcmeJobsReaders.JobReader, call, ct)")
            // 200 with a body or 204 without: nullable, read optionally.
            .And.Contain("Task<Job?> DeleteJobAsync(")
            .And.Contain("ResponseReader.ReadOptionalAsync(response, AcmeJobsReaders.JobReader, call, ct)")
            // text/* is a string, never parsed as JSON.
            .And.Contain("Task<string> ExportJobsAsync(")
            .And.Contain("ResponseReader.ReadTextAsync(response, call, ct)")
            // No body at all: success is a bool.
            .And.Contain("Task<bool> CancelJobAsync(")
            .And.Contain("ResponseReader.ReadEmptyAsync(response, call, ct)");
    }
}
