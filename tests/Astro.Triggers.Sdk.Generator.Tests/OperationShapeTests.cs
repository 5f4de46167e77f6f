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

    [Fact]
    public async Task Joins_a_query_array_with_commas_when_explode_is_false_and_repeats_the_key_otherwise()
    {
        var generated = await Generated.FromDocumentAsync("acme-jobs.yaml");

        // explode: false → one comma-joined value, by the enum's wire names.
        generated.Api.Should().Contain(
            "                __target.Key(\"statuses\");\n                var __comma = false;\n                foreach (var __item in statuses)\n")
            .And.Contain("__target.Value(Wire(__item));")
            // explode unset (OpenAPI's default for form style) or true → the key once per item.
            .And.Contain("                foreach (var __item in tags)\n                {\n                    __target.Query(\"tags\", __item);\n")
            .And.Contain("                foreach (var __item in ids)\n                {\n                    __target.Query(\"ids\", __item);\n");
    }

    [Fact]
    public async Task Formats_a_scalar_query_parameter_with_the_invariant_culture_and_leaves_it_out_when_absent()
    {
        var generated = await Generated.FromDocumentAsync("acme-jobs.yaml");

        generated.Api.Should().Contain(
            "            if (perPage is { } __perPage)\n            {\n                __target.Query(\"perPage\", __perPage.ToString(global::System.Globalization.CultureInfo.InvariantCulture));\n");
    }

    [Fact]
    public async Task Escapes_parameter_names_that_are_CSharp_keywords_and_keeps_the_wire_name()
    {
        var generated = await Generated.FromDocumentAsync("keywords.yaml");

        generated.Api.Should().Contain("            string @namespace,\n")
            .And.Contain("__target.Segment(@namespace);")
            .And.Contain("if (@class is { } __class)\n            {\n                __target.Query(\"class\", __class);")
            .And.Contain("if (perPage is { } __perPage)\n            {\n                __target.Query(\"per_page\", ")
            // The header loses its "x-" prefix first, which leaves a keyword.
            .And.Contain("if (@default is { } __default)\n            {\n                global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.Header(__request, \"x-default\", __default);")
            .And.Contain("(_http, @namespace, @class, perPage, @default),")
            .And.Contain("static (__args, call, ct) => KeywordsRequests.ListItemsAsync(__args.Item1, __args.Item2, __args.Item3, __args.Item4, __args.Item5, call, ct),");
    }

    [Fact]
    public async Task Puts_required_parameters_first_then_path_query_header_body()
    {
        var generated = await Generated.FromDocumentAsync("acme-jobs.yaml");

        // The spec lists the header before the path parameter; the required path parameter comes first.
        generated.Api.Should().Contain("(_http, jobId, tenantId),")
            .And.Contain("static (__args, call, ct) => AcmeJobsRequests.GetJobAsync(__args.Item1, __args.Item2, __args.Item3, call, ct),");

        // Among optional ones, queries before headers, whatever the document's order (header, then per_page).
        var keywords = await Generated.FromDocumentAsync("keywords.yaml");
        keywords.Api.Should().Contain("(_http, @namespace, @class, perPage, @default),");
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
