using System.Diagnostics;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Tests.Agentset;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry;
using OpenTelemetry.Trace;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.Core.Telemetry;

/// <summary>Issue 15 #4, with the OpenTelemetry SDK's in-memory exporter as a user's observability stack would see it:
/// one INTERNAL span per operation parenting System.Net.Http's CLIENT span of each attempt, Error status and error.type
/// on failure, retries as events, a duration histogram in seconds, log levels by what happened.</summary>
[Collection(TelemetryRunsAlone.Name)]
public sealed class OpenTelemetryTests : WireMockTestBase, IDisposable
{
    private const string JobPath = "/v1/namespace/ns_1/ingest-jobs/job_1";

    private static readonly ActivitySource TestSource = new("Astro.Triggers.Sdk.Tests.OpenTelemetry");

    private readonly List<Activity> _spans = [];
    private readonly TracerProvider _tracing;
    private readonly FakeLoggerProvider _logs = new();

    public OpenTelemetryTests()
    {
        _tracing = OpenTelemetry.Sdk.CreateTracerProviderBuilder()
            .AddSource(TestSource.Name, "Astro.Triggers.Sdk", "System.Net.Http")
            .AddInMemoryExporter(_spans)
            .Build()!;
    }

    private AgentsetClient CreateClient() => new(new AgentsetClientOptions
    {
        BaseAddress = BaseAddress,
        ApiKey = "otel-test-key-0001",
        NamespaceId = "ns_1",
        Retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), UseJitter = false },
        LoggerFactory = new LoggerFactory([_logs]),
    });

    /// <summary>Runs the call under a test span and returns the spans of that trace only (tests run in parallel).</summary>
    private async Task<(List<Activity> Spans, Exception? Error)> TracedAsync(Func<AgentsetClient, Task> call)
    {
        using var client = CreateClient();
        Exception? error = null;
        ActivityTraceId trace;
        using (var root = TestSource.StartActivity("test"))
        {
            trace = root!.TraceId;
            try
            {
                await call(client);
            }
            catch (Exception ex)
            {
                error = ex;
            }
        }

        _tracing.ForceFlush();
        return (_spans.Where(s => s.TraceId == trace && s.Source.Name != TestSource.Name).ToList(), error);
    }

    [Fact]
    public async Task A_retried_call_is_one_internal_span_over_one_http_client_span_per_attempt()
    {
        Server.Given(Request.Create().UsingGet().WithPath(JobPath)).InScenario("s").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "0"));
        Server.Given(Request.Create().UsingGet().WithPath(JobPath)).InScenario("s").WhenStateIs("ok").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(AgentsetJson.Single("job_1")));

        var (spans, error) = await TracedAsync(c => c.IngestJobs.GetAsync("job_1"));

        error.Should().BeNull();
        var operation = spans.Should().ContainSingle(s => s.Source.Name == "Astro.Triggers.Sdk").Subject;
        operation.DisplayName.Should().Be("Agentset.getIngestJob");
        operation.Kind.Should().Be(ActivityKind.Internal, "the HTTP spans below are the CLIENT spans; no two nested CLIENT spans");
        operation.Status.Should().Be(ActivityStatusCode.Unset);
        operation.Source.Version.Should().Be(typeof(AgentsetClient).Assembly.GetName().Version!.ToString(3));
        operation.GetTagItem("astro.attempts").Should().Be(2);
        operation.Events.Should().ContainSingle(e => e.Name == "astro.retry")
            .Which.Tags.Should().Contain(new KeyValuePair<string, object?>("error.type", "503"));

        var attempts = spans.Where(s => s.Source.Name == "System.Net.Http").ToList();
        attempts.Should().HaveCount(2).And.OnlyContain(s => s.Kind == ActivityKind.Client && s.ParentSpanId == operation.SpanId);
        attempts.Select(s => s.GetTagItem("http.response.status_code")).Should().Equal(503, 200);
    }

    [Fact]
    public async Task A_failed_call_marks_its_span_error_with_the_error_type()
    {
        Server.Given(Request.Create().UsingGet().WithPath(JobPath))
            .RespondWith(Response.Create().WithStatusCode(404).WithBody("""{"success":false,"error":{"code":"not_found","message":"Ingest job not found"}}"""));

        var (spans, error) = await TracedAsync(c => c.IngestJobs.GetAsync("job_1"));

        error.Should().BeOfType<NotFoundException>();
        var operation = spans.Single(s => s.Source.Name == "Astro.Triggers.Sdk");
        operation.Status.Should().Be(ActivityStatusCode.Error);
        operation.GetTagItem("error.type").Should().Be("404");
        operation.GetTagItem("http.response.status_code").Should().Be(404);
    }

    [Fact]
    public async Task The_operation_duration_is_a_histogram_in_seconds_with_bounded_tags()
    {
        Server.Given(Request.Create().UsingGet().WithPath(JobPath)).RespondWith(Response.Create().WithStatusCode(200).WithBody(AgentsetJson.Single("job_1")));
        using var collector = new MetricCollector<double>(null, "Astro.Triggers.Sdk", "astro.triggers.operation.duration");
        using var client = CreateClient();

        await client.IngestJobs.GetAsync("job_1");

        var measurement = collector.GetMeasurementSnapshot().Should().ContainSingle(m => (string?)m.Tags["astro.operation"] == "getIngestJob").Subject;
        collector.Instrument!.Unit.Should().Be("s");
        measurement.Value.Should().BeGreaterThan(0).And.BeLessThan(30, "seconds, not milliseconds");
        measurement.Tags.Keys.Should().BeEquivalentTo("astro.service", "astro.operation");
    }

    [Fact]
    public async Task Log_levels_say_what_happened_attempts_debug_retry_information_failure_warning()
    {
        Server.Given(Request.Create().UsingGet().WithPath(JobPath)).InScenario("s").WillSetStateTo("gone")
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "0"));
        Server.Given(Request.Create().UsingGet().WithPath(JobPath)).InScenario("s").WhenStateIs("gone").WillSetStateTo("gone")
            .RespondWith(Response.Create().WithStatusCode(404).WithBody("{}"));
        using var client = CreateClient();

        var act = () => client.IngestJobs.GetAsync("job_1");
        await act.Should().ThrowAsync<NotFoundException>();

        var records = _logs.Collector.GetSnapshot();
        records.Where(r => r.Message.Contains("(attempt ", StringComparison.Ordinal)).Should().HaveCount(2).And.OnlyContain(r => r.Level == LogLevel.Debug);
        records.Should().ContainSingle(r => r.Level == LogLevel.Information).Which.Message.Should().Contain("retrying in 0 s");
        records.Should().ContainSingle(r => r.Level == LogLevel.Warning).Which.Message.Should().Contain("getIngestJob failed after 2 attempt(s)");
        records.Should().NotContain(r => r.Message.Contains("otel-test-key-0001", StringComparison.Ordinal));
    }

    void IDisposable.Dispose()
    {
        _tracing.Dispose();
        _logs.Dispose();
        base.Dispose();
    }
}

/// <summary>The Meter and ActivitySource are process-wide, so a histogram of "getIngestJob" would also count other tests'
/// calls: telemetry tests run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryRunsAlone
{
    public const string Name = "Telemetry (alone)";
}
