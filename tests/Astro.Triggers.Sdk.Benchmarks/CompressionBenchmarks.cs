using System.IO.Compression;
using System.Net;
using Astro.Triggers.Sdk.Agentset;
using BenchmarkDotNet.Attributes;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>Issue 18 #4, the client's cost of compression: the SDK reads the same 100-item Agentset page (the fake's,
/// varied jobs) over loopback HTTP from a server that sends precomposed bytes — identity (baseline), gzip or br at
/// <c>CompressionLevel.Fastest</c>, as the fakes and ASP.NET Core's defaults compress — so the ratio is decoding plus
/// fewer bytes to move, without the server's compression.</summary>
[MemoryDiagnoser]
public class CompressionBenchmarks
{
    private CannedHttpServer _server = null!;
    private AgentsetClient _identity = null!, _gzip = null!, _br = null!;

    [GlobalSetup]
    public void Setup()
    {
        byte[] page;
        using (var fake = CompressionPage.StartAsync(compress: false).GetAwaiter().GetResult())
        {
            page = CompressionPage.IdentityBytesAsync(fake).GetAwaiter().GetResult();
        }

        _server = new CannedHttpServer(page, Encode(page, s => new GZipStream(s, CompressionLevel.Fastest, true)), Encode(page, s => new BrotliStream(s, CompressionLevel.Fastest, true)));
        _identity = Client(DecompressionMethods.None);
        _gzip = Client(DecompressionMethods.GZip);
        _br = Client(DecompressionMethods.Brotli);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _identity.Dispose();
        _gzip.Dispose();
        _br.Dispose();
        _server.Dispose();
    }

    private AgentsetClient Client(DecompressionMethods methods) => new(new AgentsetClientOptions
    {
        BaseAddress = _server.BaseAddress,
        ApiKey = Harness.Key,
        NamespaceId = Wire.Namespace,
        AutomaticDecompression = methods,
    });

    private static byte[] Encode(byte[] body, Func<Stream, Stream> encoder)
    {
        using var output = new MemoryStream();
        using (var stream = encoder(output))
        {
            stream.Write(body);
        }

        return output.ToArray();
    }

    [Benchmark(Baseline = true)]
    public Task<int> Page_identity() => CompressionPage.ReadFirstPageAsync(_identity);

    [Benchmark]
    public Task<int> Page_gzip() => CompressionPage.ReadFirstPageAsync(_gzip);

    [Benchmark]
    public Task<int> Page_br() => CompressionPage.ReadFirstPageAsync(_br);
}
