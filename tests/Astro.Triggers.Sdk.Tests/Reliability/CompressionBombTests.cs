using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Tests.Agentset;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>Issue 18 #4, the fault matrix's compression bomb: a body of a few hundred KB (gzip) or a few KB (br) that
/// inflates to 256 MiB. MaxResponseBytes counts decoded bytes, so the call ends with ResponseTooLargeException once
/// 1 MiB has been decoded — one request, no retry, the rest never inflated. The process-wide allocation count shows it
/// was not buffered, so these tests run alone (after the parallel ones) where that count is theirs.</summary>
[Collection(CompressionBombsRunAlone.Name)]
public sealed class CompressionBombTests : FaultMatrixTestBase
{
    private const long Limit = 1024 * 1024;
    private const long Inflated = 256L * 1024 * 1024;

    private static readonly Dictionary<string, byte[]> Whitespace = Compressed.Codings.ToDictionary(c => c, c => Compressed.Bomb(c, string.Empty, " ", Inflated));

    // A page that never ends: the real JSON path (items deserialized as they stream), not only leading whitespace.
    private static readonly Dictionary<string, byte[]> EndlessPage = Compressed.Codings.ToDictionary(
        c => c, c => Compressed.Bomb(c, """{"success":true,"data":[""" + AgentsetJson.Job("job_0"), "," + AgentsetJson.Job("job_n"), Inflated));

    public static TheoryData<string, Framing> CodingsAndFramings()
    {
        var data = new TheoryData<string, Framing>();
        foreach (var coding in Compressed.Codings)
        {
            data.Add(coding, Framing.ContentLength);
            data.Add(coding, Framing.Chunked);
        }

        return data;
    }

    public static TheoryData<string, string> ServicesAndCodings() => CompressedCases.ServicesAndCodings();

    private static Reply Bomb(int status, string coding, byte[] body, Framing framing) =>
        CompressedCases.Encoded(status, "application/json", coding, body, framing);

    private static void LimitTo1MiB(Sdk.ServiceClientOptions options) => options.MaxResponseBytes = Limit;

    [Theory]
    [MemberData(nameof(CodingsAndFramings))]
    public async Task A_list_page_that_inflates_past_the_limit_is_refused_after_one_request_without_being_buffered(string coding, Framing framing)
    {
        var compressed = EndlessPage[coding];
        compressed.LongLength.Should().BeLessThan(Inflated / 100, "a bomb: small on the wire");
        await using var server = new ScriptedServer(_ => Bomb(200, coding, compressed, framing));
        var items = 0;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var error = await RunCallAsync(async () =>
        {
            using var client = new AgentsetClient((AgentsetClientOptions)Options(server.BaseAddress, LimitTo1MiB)(new AgentsetClientOptions { NamespaceId = "ns_1" }));
            await foreach (var unused in client.IngestJobs.ListAsync())
            {
                items++;
            }
        });

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var exception = error.Should().BeOfType<ResponseTooLargeException>().Subject;
        exception.Limit.Should().Be(Limit);
        exception.DeclaredLength.Should().BeNull("the transport drops the compressed Content-Length: the cap counts decoded bytes");
        exception.Status.Should().Be(200);
        exception.OperationId.Should().Be("listIngestJobs");
        server.Requests.Should().HaveCount(1, "a body over the limit reads the same the next time: not retried");
        items.Should().Be(0, "a page is only yielded whole");
        allocated.Should().BeLessThan(Inflated / 4, "the 256 MiB were never inflated into memory");
    }

    [Theory]
    [MemberData(nameof(ServicesAndCodings))]
    public async Task A_trigger_answer_that_inflates_past_the_limit_is_refused_and_not_repeated(string name, string coding)
    {
        var service = ServiceCase.All[name];
        var bomb = Whitespace[coding];
        await using var server = new ScriptedServer(i => i == 0 ? Bomb(service.SuccessStatus, coding, bomb, Framing.Chunked) : Reply.Json(service.SuccessStatus, service.SuccessBody));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var error = await RunCallAsync(() => service.Call(Options(server.BaseAddress, LimitTo1MiB)));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var exception = error.Should().BeOfType<ResponseTooLargeException>().Subject;
        exception.Limit.Should().Be(Limit);
        exception.DeclaredLength.Should().BeNull();
        exception.MayHaveBeenProcessed.Should().BeTrue("the service answered: it acted");
        server.Requests.Should().HaveCount(1);
        allocated.Should().BeLessThan(Inflated / 4);
    }

    [Theory]
    [MemberData(nameof(Codings))]
    public async Task An_error_body_that_inflates_is_cut_at_the_error_body_limit_and_the_status_still_counts(string coding)
    {
        var bomb = Whitespace[coding];
        await using var server = new ScriptedServer(_ => Bomb(404, coding, bomb, Framing.ContentLength));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var error = await RunCallAsync(async () =>
        {
            using var client = new AgentsetClient((AgentsetClientOptions)Options(server.BaseAddress)(new AgentsetClientOptions { NamespaceId = "ns_1" }));
            await client.IngestJobs.GetAsync("job_1");
        });

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var exception = error.Should().BeOfType<NotFoundException>().Subject;
        exception.RawBody.Should().EndWith("…(truncated)");
        exception.RawBody!.Length.Should().BeLessThanOrEqualTo(16 * 1024 + 16);
        server.Requests.Should().HaveCount(1);
        allocated.Should().BeLessThan(Inflated / 4);
    }

    public static TheoryData<string> Codings => new(Compressed.Codings);
}

/// <summary>The compression-bomb tests measure the process's allocations: they run alone, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CompressionBombsRunAlone
{
    public const string Name = "Compression bombs (alone)";
}
