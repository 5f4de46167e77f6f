using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime;

namespace Astro.Triggers.Sdk.ColdStart;

/// <summary>What both cold-start programs share: the canned answer, the in-memory handler, and the one line they print
/// when the get is answered (Main → answered, assemblies loaded, methods JIT-compiled). With COLDSTART_DETAIL=1 it also
/// prints every assembly as it loads and the checkpoints the program marks (time, JIT count and JIT time so far).</summary>
internal static class Probe
{
    public const string JobId = "job_0123456789abcdef01234567";
    public const string Namespace = "ns_bench";
    public static readonly Uri BaseAddress = new("https://bench.invalid/");

    public static readonly byte[] Answer = """{"success":true,"data":{"id":"job_000000000000000000000001","name":"quarterly report 1","namespaceId":"ns_bench","tenantId":null,"externalId":"doc-1","status":"COMPLETED","error":null,"payload":{"type":"TEXT","text":"Revenue grew 12% in the third quarter.","fileName":"report.txt"},"config":{"chunkSize":2048,"mode":"balanced","metadata":{"team":"finance"}},"createdAt":"2026-11-23T09:00:00.000Z","queuedAt":"2026-11-23T09:00:00.000Z","preProcessingAt":"2026-11-23T09:00:01.000Z","processingAt":"2026-11-23T09:00:01.500Z","completedAt":"2026-11-23T09:00:03.500Z","failedAt":null}}"""u8.ToArray();

    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    private static readonly bool Detail = Environment.GetEnvironmentVariable("COLDSTART_DETAIL") == "1";
    private static readonly List<string> Lines = [];

    public static void Start()
    {
        if (Detail)
        {
            AppDomain.CurrentDomain.AssemblyLoad += (_, e) => Lines.Add($"  {Clock.Elapsed.TotalMilliseconds,8:F1} ms  load {e.LoadedAssembly.GetName().Name}");
        }
    }

    public static void Mark(string checkpoint)
    {
        if (Detail)
        {
            Lines.Add($"  {Clock.Elapsed.TotalMilliseconds,8:F1} ms  ── {checkpoint}: {JitInfo.GetCompiledMethodCount()} methods JIT-compiled ({JitInfo.GetCompilationTime().TotalMilliseconds:F1} ms JIT), {AppDomain.CurrentDomain.GetAssemblies().Length} assemblies");
        }
    }

    public static void Answered(string what)
    {
        var elapsed = Clock.Elapsed.TotalMilliseconds;
        var assemblies = AppDomain.CurrentDomain.GetAssemblies();
        var jitted = JitInfo.GetCompiledMethodCount();
        var jitMs = JitInfo.GetCompilationTime().TotalMilliseconds;
        if (Detail)
        {
            Mark("answered");
            foreach (var line in Lines.ToArray())
            {
                Console.WriteLine(line);
            }

            Console.WriteLine("  assemblies: " + string.Join(", ", assemblies.Select(a => a.GetName().Name).Order(StringComparer.Ordinal)));
        }

        Console.WriteLine(FormattableString.Invariant($"COLDSTART answered={elapsed:F2} assemblies={assemblies.Length} jitted={jitted} jitms={jitMs:F1} what={what}"));
    }
}

/// <summary>Answers every request with <see cref="Probe.Answer"/>, in memory.</summary>
internal sealed class CannedHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(Probe.Answer);
        content.Headers.ContentType = Json;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
