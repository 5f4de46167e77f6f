using System.Diagnostics;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Testing.Agentset;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Astro.Triggers.Sdk.Tests.Testing;

/// <summary>Disposing a fake ends promptly whatever faults are pending: an injected delay observes the client going
/// away and the fake being disposed.</summary>
public sealed class FakeDisposalTests(ITestOutputHelper output)
{
    // Prompt is well under a second; the bound is generous so a loaded machine does not fail the test, and still far
    // below the 15 s delay (or Kestrel's 30 s shutdown timeout) that a dispose waiting for the delay would take.
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(3);

    public static TheoryData<string> Clocks => new() { "system", "fake, never advanced" };

    private static AgentsetFake StartFake(string clock) => AgentsetFake.Start(
        clock == "system" ? new AgentsetFakeOptions() : new AgentsetFakeOptions { TimeProvider = new FakeTimeProvider(DateTimeOffset.UtcNow) });

    [Theory]
    [MemberData(nameof(Clocks))]
    public async Task Dispose_after_the_client_gave_up_on_a_delayed_call_is_prompt(string clock)
    {
        var fake = StartFake(clock);
        using var client = new AgentsetClient(fake.CreateClientOptions());
        fake.Faults.Delay(TimeSpan.FromSeconds(15));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var call = () => client.IngestJobs.ListAsync().ToListAsync(cancel.Token).AsTask();
        await call.Should().ThrowAsync<OperationCanceledException>();

        var watch = Stopwatch.StartNew();
        await fake.DisposeAsync();
        output.WriteLine($"dispose took {watch.Elapsed.TotalMilliseconds:0} ms ({clock} clock)");
        watch.Elapsed.Should().BeLessThan(Prompt, "dispose must not wait out the 15 s delay ({0} clock)", clock);
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public async Task Dispose_while_a_client_waits_on_a_delayed_call_is_prompt_and_the_call_ends(string clock)
    {
        var fake = StartFake(clock);
        fake.Faults.Delay(TimeSpan.FromSeconds(15));
        using var http = new HttpClient { BaseAddress = fake.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var call = http.GetAsync(new Uri("v1/namespace/ns_fake/ingest-jobs", UriKind.Relative));
        for (var i = 0; i < 100 && fake.Faults.Injected == 0; i++)
        {
            await Task.Delay(20);
        }

        fake.Faults.Injected.Should().Be(1, "the call is in its delay");
        var watch = Stopwatch.StartNew();
        await fake.DisposeAsync();
        output.WriteLine($"dispose took {watch.Elapsed.TotalMilliseconds:0} ms ({clock} clock)");
        watch.Elapsed.Should().BeLessThan(Prompt, "dispose must not wait out the 15 s delay ({0} clock)", clock);

        // The waiting client is not left hanging: it gets the fake's 503 or a closed connection, at once.
        var ended = async () =>
        {
            using var response = await call.WaitAsync(Prompt);
            ((int)response.StatusCode).Should().Be(503);
        };
        var outcome = await Record.ExceptionAsync(ended);
        outcome.Should().Match(e => e == null || e is HttpRequestException);
    }

    [Fact]
    public async Task Dispose_twice_is_harmless()
    {
        var fake = AgentsetFake.Start();
        await fake.DisposeAsync();
        fake.Dispose();
    }
}
