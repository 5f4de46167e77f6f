using Astro.Triggers.Sdk.Generator.Tests.Infrastructure;

namespace Astro.Triggers.Sdk.Generator.Tests;

/// <summary>Documents the generator refuses before NSwag runs, each with a message that says what to change.</summary>
public class SpecRulesTests
{
    [Theory]
    [InlineData("union-oneof.yaml", "schema 'Payload' is a oneOf union with a discriminator; write it as a base schema with the discriminator and one allOf schema per case (see openapi/README.md, 'Unions')")]
    [InlineData("union-oneof-property.yaml", "schema 'Holder.payload' is a oneOf union with a discriminator; write it as a base schema with the discriminator and one allOf schema per case (see openapi/README.md, 'Unions')")]
    [InlineData("no-paths.yaml", "the document has no paths")]
    [InlineData("no-operation-id.yaml", "GET /jobs has no operationId (generated method names come from it)")]
    [InlineData("run-status-not-in-enum.yaml", "schema 'RunState' x-astro-run-status maps 'FINISHED', which is not one of its enum values (WAITING, DONE)")]
    [InlineData("run-status-unknown-common.yaml", "schema 'RunState' x-astro-run-status maps 'DONE' to 'complete', which is not a common run status (queued, running, succeeded, failed, cancelled, unknown)")]
    [InlineData("run-status-missing-value.yaml", "schema 'RunState' x-astro-run-status does not map its enum value 'DONE' (give it a common status, 'unknown' if none fits)")]
    [InlineData("run-status-not-enum.yaml", "schema 'Plain' has x-astro-run-status but is not an enum of strings (the map's keys are its wire values)")]
    [InlineData("duplicate-parameter.yaml", "operation 'listJobs' has two parameters that would both be named 'tenantId'")]
    public async Task Refuses_a_document_it_cannot_generate_well(string document, string message)
    {
        var generate = () => Generated.FromDocumentAsync(document);

        (await generate.Should().ThrowExactlyAsync<SpecException>()).Which.Message.Should().Be(message);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData(false, false)]
    [InlineData("yes", false)]
    [InlineData(null, false)]
    public void Reads_a_flag_extension_given_as_bool_or_text(object? value, bool expected)
    {
        var extensions = new Dictionary<string, object?> { ["x-astro-internal"] = value };

        SpecRules.Flag(extensions, "x-astro-internal").Should().Be(expected);
        SpecRules.Flag(extensions, "x-astro-idempotent").Should().BeFalse("a flag that is absent is false");
        SpecRules.Flag(null, "x-astro-internal").Should().BeFalse();
    }
}
