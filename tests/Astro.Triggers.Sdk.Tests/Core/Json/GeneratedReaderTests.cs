using System.Text;
using System.Text.Json;
using Astro.Triggers.Sdk.Agentset.Generated;
using Astro.Triggers.Sdk.Core.Json;
using Astro.Triggers.Sdk.Tests.Agentset;
using Astro.Triggers.Sdk.Tests.TrueFoundry;
using Astro.Triggers.Sdk.TrueFoundry.Generated;

namespace Astro.Triggers.Sdk.Tests.Core.Json;

/// <summary>The generated model readers (issue 30) against the metadata path they stand in for: a document the reader
/// takes reads exactly as the metadata reads it (compared written back out, extension data and derived types included);
/// a document it declines is one the metadata path must decide (an error, a warning, a tolerated value).</summary>
public sealed class GeneratedReaderTests
{
    private static readonly string Job = AgentsetJson.Job("job_1");

    public static TheoryData<string, string> TakenJobs => new()
    {
        { "the fake's job", Job },
        { "a text payload", Payload("""{ "type": "TEXT", "text": "hello", "fileName": null }""") },
        { "a managed file", Payload("""{ "type": "MANAGED_FILE", "key": "k/1.pdf" }""") },
        { "a crawl", Payload("""{ "type": "CRAWL", "url": "https://example.com", "maxDepth": 3, "limit": 3000000000, "includePaths": ["/a", "/b"], "headers": { "x": "1" } }""") },
        { "a youtube payload", Payload("""{ "type": "YOUTUBE", "urls": ["https://youtu.be/1"], "transcriptLanguages": ["en"], "includeMetadata": true }""") },
        { "a batch of every item kind", Payload("""{ "type": "BATCH", "items": [{ "type": "TEXT", "text": "a" }, { "fileUrl": "https://f/1", "type": "FILE" }, { "type": "MANAGED_FILE", "key": "k" }] }""") },
        { "the discriminator last", Payload("""{ "text": "x", "type": "TEXT" }""") },
        { "an unknown payload property (kept)", Payload("""{ "type": "TEXT", "text": "x", "extra": { "a": [1, 2] } }""") },
        { "an unknown job property (dropped)", Job.Replace("\"name\":", "\"later\": [1, {\"b\": null}], \"name\":", StringComparison.Ordinal) },
        { "a naive timestamp (UTC)", Job.Replace("2026-11-20T08:30:00.000Z", "2026-11-20T08:30:00", StringComparison.Ordinal) },
        { "a timestamp with an offset", Job.Replace("2026-11-20T08:30:00.000Z", "2026-11-20T10:30:00+02:00", StringComparison.Ordinal) },
        { "a number where text is optional", Job.Replace("\"ext-42\"", "42", StringComparison.Ordinal) },
        { "a boolean where text is optional", Job.Replace("\"ext-42\"", "true", StringComparison.Ordinal) },
        { "a whole number written as a float", Job.Replace("\"chunkSize\": 1024", "\"chunkSize\": 1.024E3", StringComparison.Ordinal) },
        { "a 64-bit count", Job.Replace("\"chunkSize\": 1024", "\"chunkSize\": 9007199254740993", StringComparison.Ordinal) },
        { "escaped strings", Job.Replace("Quarterly report", "Q\\u0033 \\\"report\\\" \\n", StringComparison.Ordinal) },
        { "a free-form metadata map", Job.Replace("\"year\": 2026", "\"year\": 2026, \"tags\": [\"a\"], \"ok\": false", StringComparison.Ordinal) },
    };

    public static TheoryData<string, string> DeclinedJobs => new()
    {
        { "a name differing only in case", Job.Replace("\"createdAt\"", "\"CreatedAt\"", StringComparison.Ordinal) },
        { "a property twice", Job.Replace("\"name\":", "\"id\": \"job_2\", \"name\":", StringComparison.Ordinal) },
        { "a required property missing", Job.Replace("\"id\": \"job_1\",", string.Empty, StringComparison.Ordinal) },
        { "null for a required value", Job.Replace("\"job_1\"", "null", StringComparison.Ordinal) },
        { "an optional timestamp that does not parse", Job.Replace("\"completedAt\": null", "\"completedAt\": \"soon\"", StringComparison.Ordinal) },
        { "an object where text is optional", Job.Replace("\"ext-42\"", "{}", StringComparison.Ordinal) },
        { "a required timestamp that does not parse", Job.Replace("2026-11-20T08:30:00.000Z", "yesterday", StringComparison.Ordinal) },
        { "a status this version does not know", Job.Replace("\"QUEUED\"", "\"ARCHIVED\"", StringComparison.Ordinal) },
        { "a status spelled differently", Job.Replace("\"QUEUED\"", "\"queued\"", StringComparison.Ordinal) },
        { "an unknown enum value in a list", Payload("""{ "type": "YOUTUBE", "urls": [], "transcriptLanguages": ["xx"] }""") },
        { "an unknown discriminator", Payload("""{ "type": "AUDIO", "text": "x" }""") },
        { "no discriminator", Payload("""{ "text": "x" }""") },
        { "the discriminator twice", Payload("""{ "type": "TEXT", "type": "FILE", "text": "x" }""") },
        { "a metadata-like name in a union", Payload("""{ "type": "TEXT", "$id": "1", "text": "x" }""") },
        { "a count out of range", Job.Replace("\"chunkSize\": 1024", "\"chunkSize\": 1e30", StringComparison.Ordinal) },
        { "a number where a flag belongs", Payload("""{ "type": "YOUTUBE", "urls": [], "includeMetadata": 1 }""") },
        { "trailing content", Job + " x" },
        { "a trailing comma", Job.Replace("\"failedAt\": null", "\"failedAt\": null,", StringComparison.Ordinal) },
        { "nesting beyond the depth limit", Job.Replace("\"year\": 2026", "\"deep\": " + new string('[', 70) + new string(']', 70), StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(TakenJobs))]
    public void A_plain_job_is_read_by_the_generated_reader_exactly_as_by_the_metadata(string because, string job)
    {
        ReadBothWays(AgentsetReaders.IngestJobResponseReader, Single(job)).Should().BeTrue(because);
    }

    [Theory]
    [MemberData(nameof(DeclinedJobs))]
    public void Anything_else_is_left_to_the_metadata_path(string because, string job)
    {
        ReadBothWays(AgentsetReaders.IngestJobResponseReader, Single(job)).Should().BeFalse(because);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"success\": true, \"data\": {}}")]
    [InlineData("{\"success\": true, \"data\": ")]
    public void A_document_that_is_not_a_response_is_declined(string json)
    {
        ReadBothWays(AgentsetReaders.IngestJobResponseReader, json).Should().BeFalse();
    }

    [Fact]
    public void A_page_is_read_as_the_metadata_reads_it()
    {
        ReadBothWays(AgentsetReaders.IngestJobListResponseReader, AgentsetJson.Page("c2", true, "job_1", "job_2", "job_3")).Should().BeTrue();
        ReadBothWays(AgentsetReaders.IngestJobListResponseReader, AgentsetJson.Page(string.Empty, false)).Should().BeTrue();
    }

    [Fact]
    public void Other_services_models_are_read_as_the_metadata_reads_them()
    {
        ReadBothWays(TrueFoundryReaders.JobRunListReader, TrueFoundryJson.Page(3, 0, "a", "b", "c")).Should().BeTrue();
        ReadBothWays(TrueFoundryReaders.JobRunEnvelopeReader, TrueFoundryJson.Envelope("a", "FAILED", "boom")).Should().BeTrue();
        // TrueFoundry's Python service writes epoch milliseconds as floats.
        ReadBothWays(TrueFoundryReaders.JobRunEnvelopeReader, TrueFoundryJson.Envelope("a", "FINISHED").Replace("1763899200000", "1.7638992E12", StringComparison.Ordinal))
            .Should().BeTrue();
    }

    private static string Payload(string payload) =>
        Job.Replace("""{ "fileName": "q3.pdf", "type": "FILE", "fileUrl": "https://files.example.com/q3.pdf" }""", payload, StringComparison.Ordinal);

    private static string Single(string job) => $$"""{ "success": true, "data": {{job}} }""";

    /// <summary>Whether the generated reader took <paramref name="json"/>; when it did, its model must write out exactly as
    /// the metadata path's model of the same bytes.</summary>
    private static bool ReadBothWays<T>(ModelReader<T> reader, string json)
        where T : class
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var taken = reader.TryReadDocument(bytes, out var generated);
        T? expected = null;
        JsonException? error = null;
        try
        {
            expected = JsonSerializer.Deserialize(bytes, reader.Metadata);
        }
        catch (JsonException ex)
        {
            error = ex;
        }

        if (taken)
        {
            error.Should().BeNull("a document the generated reader takes is one the metadata reads");
            generated.Should().NotBeNull().And.BeOfType(expected!.GetType());
            JsonSerializer.Serialize(generated!, reader.Metadata).Should().Be(JsonSerializer.Serialize(expected!, reader.Metadata));
        }

        return taken;
    }
}
