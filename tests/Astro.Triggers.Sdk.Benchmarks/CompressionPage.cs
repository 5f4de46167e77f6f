using System.Globalization;
using System.Net;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Testing.Agentset;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>Issue 18 #4's page: the Agentset fake holding 100 varied jobs (names, ids, text, file payloads, metadata), so
/// a 100-item page compresses as real data would, not as one job repeated.</summary>
internal static class CompressionPage
{
    public const int Items = 100;

    private static readonly string[] Sentences =
    [
        "Revenue grew 12% in the third quarter, driven by enterprise renewals in EMEA.",
        "Operating costs fell after the data-centre migration completed in August.",
        "The board approved a buyback of up to 40 million shares over two years.",
        "Churn among self-serve customers rose slightly; onboarding changes ship in Q4.",
        "Gross margin held at 71% despite higher inference costs for the new assistant.",
        "Headcount is flat; hiring resumes in platform and security engineering.",
        "Free cash flow reached 18.4 million, up from 11.2 million a year earlier.",
        "Deferred revenue grew faster than billings for the second quarter running.",
    ];

    /// <summary>Starts the fake (compressing when asked unless <paramref name="compress"/> is false) with 100 jobs.</summary>
    public static async Task<AgentsetFake> StartAsync(bool compress = true)
    {
        var fake = AgentsetFake.Start(new AgentsetFakeOptions { CompressResponses = compress });
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var random = new Random(18_4);
        for (var i = 0; i < Items; i++)
        {
            var n = i.ToString("D3", CultureInfo.InvariantCulture);
            IngestJobPayload payload = i % 3 == 0
                ? new FilePayload { FileUrl = new Uri($"https://files.example.com/reports/2026/{Guid.NewGuid():N}/q3-{n}.pdf"), FileName = $"q3-{n}.pdf" }
                : new TextPayload
                {
                    Text = string.Join(' ', Enumerable.Range(0, 2 + random.Next(4)).Select(_ => Sentences[random.Next(Sentences.Length)])),
                    FileName = $"notes-{n}.txt",
                };
            await client.IngestJobs.CreateAsync(new CreateIngestJobRequest
            {
                Name = $"Quarterly report {n} ({(i % 2 == 0 ? "finance" : "operations")})",
                ExternalId = $"doc-{Guid.NewGuid():N}",
                Payload = payload,
                Config = new IngestJobConfig
                {
                    ChunkSize = 512 * (1 + (i % 4)),
                    Metadata = new Dictionary<string, object> { ["team"] = i % 2 == 0 ? "finance" : "operations", ["year"] = 2026, ["quarter"] = 1 + (i % 4) },
                },
            });
        }

        return fake;
    }

    /// <summary>The first page's path (100 items).</summary>
    public static string Path(AgentsetFake fake) => $"v1/namespace/{fake.NamespaceId}/ingest-jobs?perPage={Items}";

    /// <summary>The page's bytes as the fake sends them uncompressed.</summary>
    public static async Task<byte[]> IdentityBytesAsync(AgentsetFake fake)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = fake.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Path(fake), UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", fake.ApiKey);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Reads the first page through the SDK (the page API: one request, whatever the cursor says).</summary>
    public static async Task<int> ReadFirstPageAsync(AgentsetClient client)
    {
        await foreach (var page in client.IngestJobs.ListAsync().AsPages(null, Items))
        {
            return page.Items.Count;
        }

        return 0;
    }
}
