using System.Runtime.CompilerServices;
using System.Text;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Agentset.Generated;
using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Astropod.Generated;
using Astro.Triggers.Sdk.Core.Retry;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Mixpeek.Generated;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Shipyard.Generated;
using Astro.Triggers.Sdk.TrueFoundry;
using Astro.Triggers.Sdk.TrueFoundry.Generated;

namespace Astro.Triggers.Sdk.Tests.Core.Http;

/// <summary>Every generated operation's request, byte for byte (method, URI, headers, content headers, body), for
/// tricky inputs: reserved characters and unicode in path and query, empty strings, enum collections (comma-joined and
/// repeated), unknown enum members, absent optional parameters, base addresses with a path. The expected text
/// (RequestWire.expected.txt) was recorded from the Refit-built requests before the generator built them itself
/// (issue 30), so a difference is a wire change. <c>ASTRO_UPDATE_SNAPSHOTS=1</c> rewrites it.</summary>
public sealed class RequestWireTests
{
    private const string Plain = "https://api.example.com";
    private const string WithPath = "https://cp.example.com/tfy/api/";
    private const string WithPathNoSlash = "https://cp.example.com/base";

    // Reserved characters, a percent sign, a plus, unicode (two- and three-byte, and a surrogate pair) and spaces.
    private const string Tricky = "a b/c?d#e%f+g&h=i,j;k:l@m!n'o(p)q*r~s_t.u-vä✓😀";

    private static readonly RequestOptions Once = new() { Retry = RetryOptions.None };

    [Fact]
    public async Task Every_operation_sends_what_Refit_sent()
    {
        var text = new StringBuilder();
        foreach (var (name, baseAddress, call) in Cases())
        {
            var capture = new CaptureHandler();
            using var http = new HttpClient(capture) { BaseAddress = new Uri(baseAddress) };
            try
            {
                await call(http);
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                // The canned 204 does not satisfy most readers; only the request matters here.
            }

            text.Append("## ").Append(name).Append(" (").Append(baseAddress).Append(")\n").Append(capture.Rendered ?? "(nothing sent)\n").Append('\n');
        }

        var expectedPath = Path.Combine(Folder(), "RequestWire.expected.txt");
        var actual = text.ToString();
        if (Environment.GetEnvironmentVariable("ASTRO_UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(expectedPath, actual);
        }

        actual.Should().Be(await File.ReadAllTextAsync(expectedPath));
    }

    private static IEnumerable<(string Name, string BaseAddress, Func<HttpClient, Task> Call)> Cases()
    {
        // Agentset: comma-joined enum collection, optional query parameters, the tenant header.
        yield return ("agentset list, every parameter", Plain, async http => await Agentset(http).ListIngestJobsAsync(
            "ns_1", [IngestJobStatus.QueuedForDelete, IngestJobStatus.Processing, IngestJobStatus.Unknown], IngestJobOrderBy.CreatedAt,
            AgentsetSortOrder.Asc, Tricky, CursorDirection.Backward, 50, "tenant42", Once, default));
        yield return ("agentset list, nothing optional", Plain, async http => await Agentset(http).ListIngestJobsAsync(
            "ns_1", null, null, null, null, null, null, null, Once, default));
        yield return ("agentset list, empty values", WithPath, async http => await Agentset(http).ListIngestJobsAsync(
            Tricky, [], null, AgentsetSortOrder.Unknown, string.Empty, null, 0, string.Empty, Once, default));
        yield return ("agentset list, one status, negative page size", WithPathNoSlash, async http => await Agentset(http).ListIngestJobsAsync(
            "ns_1", [IngestJobStatus.Queued], null, null, null, null, -1, null, Once, default));
        yield return ("agentset create", Plain, async http => await Agentset(http).CreateIngestJobAsync(
            "ns_1", new CreateIngestJobRequest { Name = "n ✓ \"q\"", ExternalId = Tricky, Payload = new TextPayload { Text = "héllo\n<b>" } },
            "t1", Once, default));
        yield return ("agentset create, no tenant", WithPath, async http => await Agentset(http).CreateIngestJobAsync(
            "ns_1", new CreateIngestJobRequest { Payload = new TextPayload { Text = "x" } }, null, Once, default));
        yield return ("agentset get", Plain, async http => await Agentset(http).GetIngestJobAsync("ns_1", Tricky, null, Once, default));
        yield return ("agentset get, tenant", WithPathNoSlash, async http => await Agentset(http).GetIngestJobAsync("ns_1", "job_1", "t1", Once, default));
        yield return ("agentset delete, no tenant", Plain, async http => await Agentset(http).DeleteIngestJobAsync("ns_1", "job 1", null, Once, default));
        yield return ("agentset delete, tenant", Plain, async http => await Agentset(http).DeleteIngestJobAsync("ns_1", "job_1", "t1", Once, default));
        yield return ("agentset re-ingest", Plain, async http => await Agentset(http).ReIngestJobAsync("ns_1", "job_1", null, Once, default));

        // Astropod: required query parameter, path segments.
        yield return ("astropod trigger", Plain, async http => await Astropod(http).TriggerIngestionAsync(
            "team ns", Tricky, Tricky, new TriggerIngestionRequest(), Once, default));
        yield return ("astropod list, empty account", WithPath, async http => await Astropod(http).ListDeploymentsAsync(string.Empty, Once, default));
        yield return ("astropod get", Plain, async http => await Astropod(http).GetDeploymentAsync("dep%20/1", Once, default));

        // Mixpeek: the X-Namespace header on every call, bodies, bodyless POST and DELETE.
        yield return ("mixpeek create", Plain, async http => await Mixpeek(http).CreateTriggerAsync(
            "ns_ä", new CreateTriggerRequest(new ClusterAction("cl 1"), new CustomTriggerSchedule("interval")) { Description = Tricky }, Once, default));
        yield return ("mixpeek list", Plain, async http => await Mixpeek(http).ListTriggersAsync(
            "ns_1", new TriggerListRequest { Offset = 0, Limit = 10, Status = TriggerStatus.Active }, Once, default));
        yield return ("mixpeek get", Plain, async http => await Mixpeek(http).GetTriggerAsync(Tricky, "ns_1", Once, default));
        yield return ("mixpeek update", Plain, async http => await Mixpeek(http).UpdateTriggerAsync(
            "trg_1", "ns_1", new UpdateTriggerRequest { Description = string.Empty }, Once, default));
        yield return ("mixpeek delete", Plain, async http => await Mixpeek(http).DeleteTriggerAsync("trg_1", "ns_1", Once, default));
        yield return ("mixpeek pause", Plain, async http => await Mixpeek(http).PauseTriggerAsync("trg_1", "ns_1", Once, default));
        yield return ("mixpeek resume, empty namespace", Plain, async http => await Mixpeek(http).ResumeTriggerAsync("trg_1", string.Empty, Once, default));
        yield return ("mixpeek execute", WithPath, async http => await Mixpeek(http).ExecuteTriggerAsync("trg_1", "ns_1", Once, default));
        yield return ("mixpeek history", Plain, async http => await Mixpeek(http).GetTriggerHistoryAsync("trg_1", "ns_1", 0, 25, Once, default));
        yield return ("mixpeek history, no paging", Plain, async http => await Mixpeek(http).GetTriggerHistoryAsync("trg_1", "ns_1", null, null, Once, default));
        yield return ("mixpeek task", Plain, async http => await Mixpeek(http).GetTaskAsync("task 1", "ns_1", Once, default));
        yield return ("mixpeek cancel task", Plain, async http => await Mixpeek(http).CancelTaskAsync("task_1", "ns_1", Once, default));

        // Shipyard: three path segments and a body with a map.
        yield return ("shipyard trigger", Plain, async http => await Shipyard(http).TriggerFleetRunAsync(
            "org 1", "proj/1", Tricky, new TriggerFleetRunRequest { VesselOverrides = [] }, Once, default));
        yield return ("shipyard list", WithPathNoSlash, async http => await Shipyard(http).ListFleetRunsAsync("org", "proj", "fleet", Once, default));

        // TrueFoundry: repeated-key collections (strings, enums, numbers), the control plane under a path.
        yield return ("truefoundry trigger", WithPath, async http => await TrueFoundry(http).TriggerJobAsync(
            new TriggerJobRequest { DeploymentId = "dep_1", ApplicationId = "app ✓ &1" }, Once, default));
        yield return ("truefoundry list, every parameter", WithPath, async http => await TrueFoundry(http).ListJobRunsAsync(
            "job 1", 10, 20, Tricky, JobRunSortBy.StartTime, JobRunSortOrder.Desc, ["alice b", "ü", string.Empty],
            [JobRunStatus.Failed, JobRunStatus.TerminationRequested, JobRunStatus.Unknown], [1, -2, 2147483647], Once, default));
        yield return ("truefoundry list, empty collections", Plain, async http => await TrueFoundry(http).ListJobRunsAsync(
            "job_1", null, null, string.Empty, null, null, [], [], [], Once, default));
        yield return ("truefoundry list, nothing optional", Plain, async http => await TrueFoundry(http).ListJobRunsAsync(
            "job_1", null, null, null, null, null, null, null, null, Once, default));
        yield return ("truefoundry get", Plain, async http => await TrueFoundry(http).GetJobRunAsync("job_1", Tricky, Once, default));
        yield return ("truefoundry delete", Plain, async http => await TrueFoundry(http).DeleteJobRunAsync("job_1", "run 1", Once, default));
        yield return ("truefoundry terminate", WithPathNoSlash, async http => await TrueFoundry(http).TerminateJobRunAsync(Tricky, "run&1", Once, default));
    }

    private static AgentsetOperations Agentset(HttpClient http) =>
        new(http, new AgentsetClientOptions { ApiKey = "k", BaseAddress = http.BaseAddress! });

    private static AstropodOperations Astropod(HttpClient http) =>
        new(http, new AstropodClientOptions { ApiKey = "k", BaseAddress = http.BaseAddress! });

    private static MixpeekOperations Mixpeek(HttpClient http) =>
        new(http, new MixpeekClientOptions { ApiKey = "k", BaseAddress = http.BaseAddress! });

    private static ShipyardOperations Shipyard(HttpClient http) =>
        new(http, new ShipyardClientOptions { ApiKey = "k", BaseAddress = http.BaseAddress! });

    private static TrueFoundryOperations TrueFoundry(HttpClient http) =>
        new(http, new TrueFoundryClientOptions { ApiKey = "k", BaseAddress = http.BaseAddress! });

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    /// <summary>Renders the first request it is handed, as the transport sees it, and answers 204.</summary>
    private sealed class CaptureHandler : HttpMessageHandler
    {
        public string? Rendered { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Rendered is null)
            {
                var text = new StringBuilder();
                text.Append(request.Method).Append(' ').Append(request.RequestUri!.AbsoluteUri).Append(" HTTP/").Append(request.Version)
                    .Append(" (").Append(request.VersionPolicy).Append(")\n");
                foreach (var header in request.Headers)
                {
                    text.Append(header.Key).Append(": ").Append(string.Join(", ", header.Value)).Append('\n');
                }

                if (request.Content is null)
                {
                    text.Append("(no content)\n");
                }
                else
                {
                    // Content-Length as the transport computes it: none means a chunked body.
                    text.Append("content-length: ").Append(request.Content.Headers.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)").Append('\n');
                    foreach (var header in request.Content.Headers)
                    {
                        if (header.Key != "Content-Length")
                        {
                            text.Append(header.Key).Append(": ").Append(string.Join(", ", header.Value)).Append('\n');
                        }
                    }

                    text.Append("body: ").Append(Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync(cancellationToken))).Append('\n');
                }

                Rendered = text.ToString();
            }

            return new HttpResponseMessage(System.Net.HttpStatusCode.NoContent) { RequestMessage = request };
        }
    }
}
