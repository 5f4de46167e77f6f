using System.Net;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Retry;
using Astro.Triggers.Sdk.Tests.Agentset;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>Issue 18 #4: the SDK asks for gzip and br and decodes them; a compressed body reads exactly as the same
/// body uncompressed, in either framing, success or error; a corrupt or cut-off compressed body is a body that did not
/// arrive whole — retried on a read, never repeated on a trigger.</summary>
public sealed class CompressedBodyTests : FaultMatrixTestBase
{
    private const string NotFound =
        """{"success":false,"error":{"code":"not_found","message":"Ingest job not found","doc_url":"https://docs.example/errors/not_found"}}""";

    public static TheoryData<string, string, Framing> ReadsCodingsFramings()
    {
        var data = new TheoryData<string, string, Framing>();
        foreach (var read in ReadCase.All.Keys)
        {
            foreach (var coding in Compressed.Codings)
            {
                foreach (var framing in new[] { Framing.ContentLength, Framing.Chunked })
                {
                    data.Add(read, coding, framing);
                }
            }
        }

        return data;
    }

    public static TheoryData<string> Codings => new(Compressed.Codings);

    public static TheoryData<string, string> ReadsAndCodings() => CompressedCases.ReadsAndCodings();

    private async Task<(Exception? Error, int Requests, string? Result, ScriptedServer.Recorded? First)> Run(
        ReadCase read, Func<int, Reply> script, Action<ServiceClientOptions>? tweak = null)
    {
        await using var server = new ScriptedServer(script);
        string? result = null;
        var error = await RunCallAsync(async () => result = await read.Call(Options(server.BaseAddress, tweak)));
        return (error, server.Requests.Count, result, server.Requests.TryPeek(out var first) ? first : null);
    }

    private static Reply Encoded(int status, string contentType, string coding, byte[] body, Framing framing = Framing.ContentLength) =>
        CompressedCases.Encoded(status, contentType, coding, body, framing);

    private static Task<string> Identity(ReadCase read) => CompressedCases.Identity(read);

    [Theory]
    [MemberData(nameof(ReadsCodingsFramings))]
    public async Task A_compressed_body_reads_the_same_as_the_identity_body(string name, string coding, Framing framing)
    {
        var read = ReadCase.All[name];

        var (error, requests, result, first) = await Run(read, _ => Encoded(200, read.ContentType, coding, Compressed.Encode(coding, read.SuccessBody), framing));

        error.Should().BeNull();
        requests.Should().Be(1);
        result.Should().Be(await Identity(read));
        first!.Headers["Accept-Encoding"].Should().Be("gzip, br");
    }

    [Fact]
    public async Task With_decompression_off_nothing_is_asked_for_and_the_body_is_read_as_sent()
    {
        var read = ReadCase.All["Agentset get"];

        var (error, _, result, first) = await Run(read, _ => Reply.Text(200, read.ContentType, read.SuccessBody),
            o => o.AutomaticDecompression = DecompressionMethods.None);

        error.Should().BeNull();
        result.Should().Be(await Identity(read));
        first!.Headers.Should().NotContainKey("Accept-Encoding");
    }

    [Fact]
    public async Task Gzip_alone_is_asked_for_when_only_gzip_is_set()
    {
        var read = ReadCase.All["Agentset get"];

        var (_, _, _, first) = await Run(read, _ => Reply.Text(200, read.ContentType, read.SuccessBody),
            o => o.AutomaticDecompression = DecompressionMethods.GZip);

        first!.Headers["Accept-Encoding"].Should().Be("gzip");
    }

    [Theory]
    [MemberData(nameof(ReadsAndCodings))]
    public async Task A_corrupt_compressed_body_on_a_read_is_retried_like_a_body_cut_off(string name, string coding)
    {
        var read = ReadCase.All[name];

        var (error, requests, result, _) = await Run(read, i => i == 0
            ? Encoded(200, read.ContentType, coding, Compressed.Corrupt(coding, read.SuccessBody))
            : Reply.Text(200, read.ContentType, read.SuccessBody));

        error.Should().BeNull();
        requests.Should().Be(2, "the first body did not arrive whole");
        result.Should().Be(await Identity(read));
    }

    [Theory]
    [MemberData(nameof(ReadsAndCodings))]
    public async Task A_compressed_body_cut_off_by_a_reset_is_retried_on_a_read(string name, string coding)
    {
        var read = ReadCase.All[name];
        var whole = Compressed.Encode(coding, read.SuccessBody);

        var (error, requests, result, _) = await Run(read, i => i == 0
            ? new CompressedCutOff(read.ContentType, coding, whole, whole.Length / 2)
            : Reply.Text(200, read.ContentType, read.SuccessBody));

        error.Should().BeNull();
        requests.Should().Be(2, "the body failed on the first attempt, like an identity body cut off");
        result.Should().Be(await Identity(read));
    }

    [Theory]
    [MemberData(nameof(Codings))]
    public async Task A_body_that_is_corrupt_on_every_attempt_is_a_typed_transport_error_after_max_attempts(string coding)
    {
        var read = ReadCase.All["Agentset get"];

        var (error, requests, _, _) = await Run(read, _ => Encoded(200, read.ContentType, coding, Compressed.Corrupt(coding, read.SuccessBody)));

        requests.Should().Be(4, "MaxAttempts is 4, the first included");
        var exception = error.Should().BeOfType<ServiceTransportException>().Subject;
        exception.MayHaveBeenProcessed.Should().BeTrue();
        exception.Message.Should().Contain("could not be decoded");
    }

    [Theory]
    [MemberData(nameof(Codings))]
    public async Task A_trigger_whose_compressed_body_is_corrupt_is_not_repeated(string coding)
    {
        foreach (var service in ServiceCase.All.Values)
        {
            await using var server = new ScriptedServer(i => i == 0
                ? Encoded(service.SuccessStatus, "application/json", coding, Compressed.Corrupt(coding, service.SuccessBody))
                : Reply.Json(service.SuccessStatus, service.SuccessBody));

            var error = await RunCallAsync(() => service.Call(Options(server.BaseAddress)));

            server.Requests.Should().HaveCount(1, $"{service.Name} got the request and may have started a run");
            error.Should().BeOfType<ServiceTransportException>().Which.MayHaveBeenProcessed.Should().BeTrue();
        }
    }

    [Theory]
    [MemberData(nameof(Codings))]
    public async Task Compressed_error_bodies_are_decoded_into_the_typed_exception(string coding)
    {
        foreach (var framing in new[] { Framing.ContentLength, Framing.Chunked })
        {
            await using var server = new ScriptedServer(i => i == 0
                ? Encoded(404, "application/json", coding, Compressed.Encode(coding, NotFound), framing)
                : Encoded(500, "application/json", coding, Compressed.Encode(coding, """{"error":{"code":"boom","message":"Database unavailable"}}"""), framing));
            Exception? notFound = null, serverError = null;

            await RunCallAsync(async () =>
            {
                using var client = new AgentsetClient((AgentsetClientOptions)Options(server.BaseAddress, o => o.Retry = RetryOptions.None)(
                    new AgentsetClientOptions { NamespaceId = "ns_1" }));
                notFound = await Record(() => client.IngestJobs.GetAsync("job_1"));
                serverError = await Record(() => client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "x" } }));
            });

            var typed = notFound.Should().BeOfType<NotFoundException>().Subject;
            typed.ErrorCode.Should().Be("not_found");
            typed.ServiceMessage.Should().Be("Ingest job not found");
            typed.RawBody.Should().Be(NotFound);
            var failed = serverError.Should().BeOfType<InternalServerErrorException>().Subject;
            failed.ErrorCode.Should().Be("boom");
            failed.ServiceMessage.Should().Be("Database unavailable");
        }
    }

    [Theory]
    [MemberData(nameof(Codings))]
    public async Task A_corrupt_compressed_error_body_still_gives_the_typed_exception_of_its_status(string coding)
    {
        await using var server = new ScriptedServer(_ => Encoded(404, "application/json", coding, Compressed.Corrupt(coding, NotFound + new string(' ', 4096))));

        var error = await RunCallAsync(async () =>
        {
            using var client = new AgentsetClient((AgentsetClientOptions)Options(server.BaseAddress)(new AgentsetClientOptions { NamespaceId = "ns_1" }));
            await client.IngestJobs.GetAsync("job_1");
        });

        error.Should().BeOfType<NotFoundException>().Which.Status.Should().Be(404);
        server.Requests.Should().HaveCount(1);
    }

    private static async Task<Exception?> Record(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
