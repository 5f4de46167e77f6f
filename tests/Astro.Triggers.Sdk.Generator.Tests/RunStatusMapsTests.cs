using Astro.Triggers.Sdk.Generator.Tests.Infrastructure;

namespace Astro.Triggers.Sdk.Generator.Tests;

/// <summary>x-astro-run-status: the generated map of each status word to the common run status (the errors are in
/// <see cref="SpecRulesTests"/>).</summary>
public class RunStatusMapsTests
{
    [Fact]
    public async Task Emits_a_switch_over_a_generated_enum_and_a_word_table_for_every_mapped_schema()
    {
        var generated = await Generated.FromDocumentAsync("run-status.yaml");

        Snapshot.Matches(generated.RunStatuses!, "run-status.RunStatuses.cs");
        generated.DeclaresModelType("CsvWord").Should().BeFalse("a hand-written schema gets only its word table");
        generated.RunStatuses.Should().NotContain("Order", "a schema without the extension is not mapped");
    }

    [Fact]
    public async Task Emits_nothing_for_a_document_without_the_extension()
    {
        var generated = await Generated.FromDocumentAsync("enums.yaml");

        generated.RunStatuses.Should().BeNull();
        generated.Code.Should().NotContain("RunStatuses");
    }
}
