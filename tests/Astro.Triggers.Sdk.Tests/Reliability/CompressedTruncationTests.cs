using System.Net;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Errors;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>Issue 25, kind 5: a compressed body whose bytes end before its end marker (gzip's trailer, zlib's Adler-32,
/// brotli's last block) did not arrive whole, even when the connection closes cleanly and no Content-Length says so:
/// a transport failure, retried on reads, never repeated on creates (MayHaveBeenProcessed true, one request). A
/// complete close-delimited compressed body still reads in one request.</summary>
public sealed class CompressedTruncationTests : FaultMatrixTestBase
{
    private const string Get = "Agentset get";

    public static TheoryData<string> Codings => new(Compressed.Codings);

    /// <summary>Every coding the SDK decodes, deflate (zlib) included when asked for.</summary>
    public static TheoryData<string> AllCodings => new([.. Compressed.Codings, "deflate"]);

    /// <summary>Where a body is cut: after 1 byte, after its header, at 60 %, and with only the last byte of its trailer
    /// (or last block) missing; for gzip also with the whole 8-byte trailer missing (every data byte arrived).</summary>
    public static TheoryData<string, string> CodingsAndCuts()
    {
        var data = new TheoryData<string, string>();
        foreach (var coding in new[] { "gzip", "br", "deflate" })
        {
            foreach (var cut in new[] { "1 byte", "header only", "60 %", "all but the last byte" })
            {
                data.Add(coding, cut);
            }
        }

        data.Add("gzip", "trailer missing");
        return data;
    }

    public static TheoryData<string, string> ReadsAndCodings() => CompressedCases.ReadsAndCodings();

    public static TheoryData<string, string> ServicesAndCodings() => CompressedCases.ServicesAndCodings();

    private static int Cut(string coding, string cut, int length) => cut switch
    {
        "1 byte" => 1,
        "header only" => coding == "gzip" ? 10 : 2,
        "60 %" => length * 6 / 10,
        "all but the last byte" => length - 1,
        "trailer missing" => length - 8,
        _ => throw new ArgumentOutOfRangeException(nameof(cut), cut, null),
    };

    private static void AllCodingsAsked(ServiceClientOptions o) =>
        o.AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli;

    private static Reply CloseDelimited(string contentType, string coding, byte[] body, int status = 200) =>
        CompressedCases.Encoded(status, contentType, coding, body, Framing.CloseDelimited);

    private async Task<(Exception? Error, int Requests, string? Result)> Read(ReadCase read, Func<int, Reply> script)
    {
        await using var server = new ScriptedServer(script);
        string? result = null;
        var error = await RunCallAsync(async () => result = await read.Call(Options(server.BaseAddress, AllCodingsAsked)));
        return (error, server.Requests.Count, result);
    }

    private async Task<(Exception? Error, int Requests)> Create(ServiceCase service, Func<int, Reply> script)
    {
        await using var server = new ScriptedServer(script);
        var error = await RunCallAsync(() => service.Call(Options(server.BaseAddress, AllCodingsAsked)));
        return (error, server.Requests.Count);
    }

    private static Task<string> Identity(ReadCase read) => CompressedCases.Identity(read);

    [Fact]
    public async Task The_issue_input_a_gzip_body_cut_at_60_percent_before_a_clean_close_is_read_again()
    {
        // As reported: 200, application/json, Content-Encoding gzip, Connection: close, no Content-Length, 60 % of the
        // gzip stream of a whole job, then the connection closes; GetAsync("job_1") with default retries.
        var read = ReadCase.All[Get];
        var whole = Compressed.Encode("gzip", read.SuccessBody);

        var (error, requests, result) = await Read(read, i => CloseDelimited(read.ContentType, "gzip", i == 0 ? whole[..(whole.Length * 6 / 10)] : whole));

        error.Should().BeNull();
        requests.Should().Be(2, "the first body did not arrive whole");
        result.Should().Be("job_1 Processing");
    }

    [Theory]
    [MemberData(nameof(CodingsAndCuts))]
    public async Task A_read_whose_compressed_body_is_cut_short_is_retried(string coding, string cut)
    {
        var read = ReadCase.All[Get];
        var whole = Compressed.Encode(coding, read.SuccessBody);

        var (error, requests, result) = await Read(read, i => CloseDelimited(read.ContentType, coding, i == 0 ? whole[..Cut(coding, cut, whole.Length)] : whole));

        error.Should().BeNull();
        requests.Should().Be(2);
        result.Should().Be("job_1 Processing");
    }

    [Theory]
    [MemberData(nameof(ReadsAndCodings))]
    public async Task Every_read_retries_a_compressed_body_cut_short(string name, string coding)
    {
        var read = ReadCase.All[name];
        var whole = Compressed.Encode(coding, read.SuccessBody);

        var (error, requests, result) = await Read(read, i => CloseDelimited(read.ContentType, coding, i == 0 ? whole[..(whole.Length * 6 / 10)] : whole));

        error.Should().BeNull();
        requests.Should().Be(2);
        result.Should().Be(await Identity(read));
    }

    [Theory]
    [MemberData(nameof(CodingsAndCuts))]
    public async Task A_create_whose_compressed_body_is_cut_short_is_not_repeated(string coding, string cut)
    {
        var service = ServiceCase.All["Agentset"];
        var whole = Compressed.Encode(coding, service.SuccessBody);

        var (error, requests) = await Create(service, i => CloseDelimited("application/json", coding, i == 0 ? whole[..Cut(coding, cut, whole.Length)] : whole, service.SuccessStatus));

        requests.Should().Be(1, "the service got the request and may have started a job");
        var exception = error.Should().BeOfType<ServiceTransportException>().Subject;
        exception.MayHaveBeenProcessed.Should().BeTrue();
        exception.Message.Should().Contain("cut short");
    }

    [Theory]
    [MemberData(nameof(ServicesAndCodings))]
    public async Task No_trigger_is_repeated_when_its_compressed_answer_is_cut_short(string name, string coding)
    {
        var service = ServiceCase.All[name];
        var whole = Compressed.Encode(coding, service.SuccessBody);

        var (error, requests) = await Create(service, i => CloseDelimited("application/json", coding, i == 0 ? whole[..(whole.Length * 6 / 10)] : whole, service.SuccessStatus));

        requests.Should().Be(1);
        error.Should().BeOfType<ServiceTransportException>().Which.MayHaveBeenProcessed.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(AllCodings))]
    public async Task A_complete_close_delimited_compressed_body_reads_in_one_request(string coding)
    {
        var read = ReadCase.All[Get];

        var (error, requests, result) = await Read(read, _ => CloseDelimited(read.ContentType, coding, Compressed.Encode(coding, read.SuccessBody)));

        error.Should().BeNull();
        requests.Should().Be(1);
        result.Should().Be("job_1 Processing");
    }

    [Theory]
    [MemberData(nameof(ServicesAndCodings))]
    public async Task A_complete_close_delimited_compressed_answer_to_a_create_succeeds_in_one_request(string name, string coding)
    {
        var service = ServiceCase.All[name];

        var (error, requests) = await Create(service, _ => CloseDelimited("application/json", coding, Compressed.Encode(coding, service.SuccessBody), service.SuccessStatus));

        error.Should().BeNull();
        requests.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Codings))]
    public async Task A_compressed_body_shorter_than_its_content_length_is_retried_on_a_read_and_not_on_a_create(string coding)
    {
        var read = ReadCase.All[Get];
        var wholeRead = Compressed.Encode(coding, read.SuccessBody);
        var service = ServiceCase.All["Agentset"];
        var wholeCreate = Compressed.Encode(coding, service.SuccessBody);

        var (readError, readRequests, result) = await Read(read, i => i == 0
            ? new CompressedEndsEarly(read.ContentType, coding, wholeRead, wholeRead.Length * 6 / 10)
            : CloseDelimited(read.ContentType, coding, wholeRead));
        var (createError, createRequests) = await Create(service, i => i == 0
            ? new CompressedEndsEarly("application/json", coding, wholeCreate, wholeCreate.Length * 6 / 10)
            : CloseDelimited("application/json", coding, wholeCreate, service.SuccessStatus));

        readError.Should().BeNull();
        readRequests.Should().Be(2);
        result.Should().Be("job_1 Processing");
        createRequests.Should().Be(1);
        createError.Should().BeOfType<ServiceTransportException>().Which.MayHaveBeenProcessed.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(AllCodings))]
    public async Task A_body_cut_short_on_every_attempt_is_a_transport_error_after_max_attempts(string coding)
    {
        var read = ReadCase.All[Get];
        var whole = Compressed.Encode(coding, read.SuccessBody);

        var (error, requests, _) = await Read(read, _ => CloseDelimited(read.ContentType, coding, whole[..^1]));

        requests.Should().Be(4, "MaxAttempts is 4, the first included");
        var exception = error.Should().BeOfType<ServiceTransportException>().Subject;
        exception.MayHaveBeenProcessed.Should().BeTrue();
        exception.Message.Should().Contain($"{coding} response body was cut short");
    }

    [Theory]
    [MemberData(nameof(Codings))]
    public async Task An_error_body_cut_short_still_gives_the_typed_exception_of_its_status(string coding)
    {
        var body = Compressed.Encode(coding, """{"success":false,"error":{"code":"not_found","message":"Ingest job not found"}}""");
        await using var server = new ScriptedServer(_ => CloseDelimited("application/json", coding, body[..(body.Length / 2)], 404));

        var error = await RunCallAsync(async () =>
        {
            using var client = new AgentsetClient((AgentsetClientOptions)Options(server.BaseAddress)(new AgentsetClientOptions { NamespaceId = "ns_1" }));
            await client.IngestJobs.GetAsync("job_1");
        });

        error.Should().BeOfType<NotFoundException>().Which.Status.Should().Be(404);
        server.Requests.Should().HaveCount(1);
    }

    [Theory]
    [MemberData(nameof(Codings))]
    public async Task An_empty_body_labelled_compressed_is_an_empty_body_not_a_cut_short_one(string coding)
    {
        var read = ReadCase.All[Get];

        var (error, requests, _) = await Read(read, _ => CloseDelimited(read.ContentType, coding, []));

        requests.Should().Be(1);
        error.Should().BeOfType<ResponseDeserializationException>().Which.Message.Should().Contain("empty");
    }

    [Fact]
    public async Task A_large_compressed_page_in_small_chunks_reads_whole_and_the_trailer_check_holds()
    {
        // 100 jobs: the decoders read the input in several pieces, so the tail kept for the trailer spans reads.
        var ids = Enumerable.Range(1, 100).Select(i => $"job_{i}").ToArray();
        var page = Tests.Agentset.AgentsetJson.Page(string.Empty, false, ids);
        foreach (var coding in new[] { "gzip", "br", "deflate" })
        {
            await using var server = new ScriptedServer(_ => Reply.Framed(200, "application/json", Compressed.Encode(coding, page), Framing.Chunked, ("Content-Encoding", coding)));
            var seen = new List<string>();

            var error = await RunCallAsync(async () =>
            {
                using var client = new AgentsetClient((AgentsetClientOptions)Options(server.BaseAddress, AllCodingsAsked)(new AgentsetClientOptions { NamespaceId = "ns_1" }));
                await foreach (var job in client.IngestJobs.ListAsync())
                {
                    seen.Add(job.Id);
                }
            });

            error.Should().BeNull(coding);
            seen.Should().Equal(ids);
            server.Requests.Should().HaveCount(1);
        }
    }
}
