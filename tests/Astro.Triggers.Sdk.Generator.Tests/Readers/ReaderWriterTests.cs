using Astro.Triggers.Sdk.Generator.Tests.Infrastructure;

namespace Astro.Triggers.Sdk.Generator.Tests.Readers;

/// <summary>The generated response readers (issue 30): compared whole on a small document with each shape they take
/// (scalars, an enum, a list, a map, a union with its cases); a model they cannot reproduce keeps the metadata path.</summary>
public class ReaderWriterTests
{
    [Fact]
    public async Task Writes_a_reader_per_response_model_and_reads_the_response_through_it()
    {
        var generated = await Generated.FromDocumentAsync("readers.yaml");

        generated.Api.Should().Contain("ResponseReader.ReadAsync(response, ReadersReaders.DocumentReader, call, ct)");
        var start = generated.Api.IndexOf("    /// <summary>Straight-line readers", StringComparison.Ordinal);
        start.Should().BePositive();
        Snapshot.Matches(generated.Api[start..], "readers.readers.g.cs");
    }

    [Fact]
    public async Task A_model_that_holds_a_hand_written_type_keeps_the_metadata_path()
    {
        var generated = await Generated.FromDocumentAsync("handwritten.yaml");

        generated.Api.Should().NotContain("Readers")
            .And.Contain("LenientReading.TypeInfo<Trigger>(");
    }
}
