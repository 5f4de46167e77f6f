using System.Text;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Retry;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Tests.Agentset;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>Issue 21, kind 3: one decoding path for every body the SDK reads, success or error — a byte-order mark,
/// a declared charset and leading whitespace read alike — and a body's framing (Content-Length, chunked,
/// close-delimited) never changes the result, zero bytes included.</summary>
public sealed class BodyDecodingTests : FaultMatrixTestBase
{
    private const string NotFound =
        """{"success":false,"error":{"code":"not_found","message":"Ingest job not found","doc_url":"https://docs.example/errors/not_found"}}""";

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static TheoryData<Framing> Framings => new(Enum.GetValues<Framing>());

    private async Task<(Exception? Error, T? Result)> Run<T>(Reply reply, Func<AgentsetClient, Task<T>> call)
    {
        await using var server = new ScriptedServer(_ => reply);
        T? result = default;
        var error = await RunCallAsync(async () =>
        {
            using var client = new AgentsetClient((AgentsetClientOptions)Options(server.BaseAddress, o => o.Retry = RetryOptions.None)(
                new AgentsetClientOptions { NamespaceId = "ns_1" }));
            result = await call(client);
        });
        return (error, result);
    }

    private static byte[] Utf8(string text, bool bom = false) => [.. bom ? Bom : [], .. Encoding.UTF8.GetBytes(text)];

    [Theory]
    [MemberData(nameof(Framings))]
    public async Task An_error_body_with_a_byte_order_mark_keeps_its_code_message_and_link(Framing framing)
    {
        var (error, _) = await Run(Reply.Framed(404, "application/json", Utf8(NotFound, bom: true), framing), c => c.IngestJobs.GetAsync("job_1"));

        var ex = error.Should().BeOfType<NotFoundException>().Subject;
        ex.ErrorCode.Should().Be("not_found");
        ex.ServiceMessage.Should().Be("Ingest job not found");
        ex.DocumentationUrl.Should().Be("https://docs.example/errors/not_found");
        ex.RawBody.Should().StartWith("{", "the byte-order mark is not part of the text");
    }

    [Fact]
    public async Task A_fastapi_422_with_a_byte_order_mark_keeps_its_validation_issues()
    {
        const string body = """{"detail":[{"loc":["body","schedule_config","cron_expression"],"msg":"invalid cron","type":"value_error"}]}""";
        await using var server = new ScriptedServer(_ => Reply.Framed(422, "application/json", Utf8(body, bom: true), Framing.ContentLength));

        var error = await RunCallAsync(async () =>
        {
            using var client = new MixpeekClient((MixpeekClientOptions)Options(server.BaseAddress)(new MixpeekClientOptions { Namespace = "ns_1" }));
            await client.Triggers.GetAsync("trg_1");
        });

        var issue = error.Should().BeOfType<UnprocessableEntityException>().Subject.ValidationIssues.Should().ContainSingle().Subject;
        issue.Location.Should().Equal("body", "schedule_config", "cron_expression");
        issue.Message.Should().Be("invalid cron");
    }

    [Theory]
    [MemberData(nameof(Framings))]
    public async Task A_success_and_an_error_body_of_the_same_bytes_read_alike(Framing framing)
    {
        foreach (var bytes in new[] { Utf8(AgentsetJson.Single("job_1")), Utf8(AgentsetJson.Single("job_1"), bom: true), Utf8("\r\n\t  " + AgentsetJson.Single("job_1")) })
        {
            var (okError, job) = await Run(Reply.Framed(200, "application/json", bytes, framing), c => c.IngestJobs.GetAsync("job_1"));
            okError.Should().BeNull();
            job!.Id.Should().Be("job_1");

            var (error, _) = await Run(Reply.Framed(409, "application/json", Utf8(NotFound, bom: bytes[0] == 0xEF), framing), c => c.IngestJobs.GetAsync("job_1"));
            error.Should().BeOfType<ConflictException>().Which.ErrorCode.Should().Be("not_found");
        }
    }

    [Theory]
    [MemberData(nameof(Framings))]
    public async Task A_declared_charset_is_decoded_for_success_and_error_bodies(Framing framing)
    {
        var unicode = Encoding.Unicode;
        var (okError, job) = await Run(
            Reply.Framed(200, "application/json; charset=utf-16", unicode.GetBytes(AgentsetJson.Single("job_1")), framing), c => c.IngestJobs.GetAsync("job_1"));
        okError.Should().BeNull();
        job!.Id.Should().Be("job_1");

        var latin1 = Encoding.Latin1.GetBytes("""{"success":false,"error":{"code":"not_found","message":"Dossier introuvable (supprimé)"}}""");
        var (error, _) = await Run(Reply.Framed(404, "application/json; charset=iso-8859-1", latin1, framing), c => c.IngestJobs.GetAsync("job_1"));
        error.Should().BeOfType<NotFoundException>().Which.ServiceMessage.Should().Be("Dossier introuvable (supprimé)");
    }

    [Theory]
    [MemberData(nameof(Framings))]
    public async Task Zero_bytes_give_the_same_outcome_in_every_framing(Framing framing)
    {
        // A body that must be present: the same clear error whatever the framing.
        var (getError, _) = await Run(Reply.Framed(200, "application/json", [], framing), c => c.IngestJobs.GetAsync("job_1"));
        getError.Should().BeOfType<ResponseDeserializationException>().Which.Message.Should().Contain("empty");

        // A body that may be absent (delete): null whatever the framing, also with only whitespace.
        foreach (var bytes in new[] { Array.Empty<byte>(), Utf8("  \r\n"), Bom })
        {
            var (deleteError, deleted) = await Run(Reply.Framed(200, "application/json", bytes, framing), c => c.IngestJobs.DeleteAsync("job_1"));
            deleteError.Should().BeNull();
            deleted.Should().BeNull();
        }

        // An error with no body: the typed exception of its status.
        var (error, _) = await Run(Reply.Framed(404, "application/json", [], framing), c => c.IngestJobs.GetAsync("job_1"));
        error.Should().BeOfType<NotFoundException>().Which.RawBody.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Framings))]
    public async Task A_truncated_success_body_is_the_same_error_in_every_framing(Framing framing)
    {
        var (error, _) = await Run(Reply.Framed(200, "application/json", Utf8("""{"success":true,"data":{"id":"jo"""), framing), c => c.IngestJobs.GetAsync("job_1"));

        error.Should().BeOfType<ResponseDeserializationException>().Which.OperationId.Should().Be("getIngestJob");
    }
}
