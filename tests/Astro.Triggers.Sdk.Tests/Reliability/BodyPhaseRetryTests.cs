using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Tests.Agentset;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>Issue 21, kind 2: a safe read retries a reset, a truncation or a stall that happens while the body is
/// read exactly as it retries one before the headers (same attempts, same backoff, same budget), and a page is
/// only yielded whole; a call that may start something keeps its single request.</summary>
public sealed class BodyPhaseRetryTests : FaultMatrixTestBase
{
    public static TheoryData<string> Reads => ReadCase.Names;

    private async Task<(Exception? Error, int Requests, string? Result)> Run(ReadCase read, Func<int, Reply> script, Action<Sdk.ServiceClientOptions>? tweak = null)
    {
        await using var server = new ScriptedServer(script);
        string? result = null;
        var error = await RunCallAsync(async () => result = await read.Call(Options(server.BaseAddress, tweak)));
        return (error, server.Requests.Count, result);
    }

    private static Reply Ok(ReadCase read) => Reply.Text(200, read.ContentType, read.SuccessBody);

    private static async Task<string> Expected(ReadCase read)
    {
        await using var server = new ScriptedServer(_ => Ok(read));
        return await read.Call(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.ApiKey = "key-for-the-reference-read";
            return o;
        });
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task A_reset_mid_body_is_retried_and_the_read_returns_the_whole_answer(string name)
    {
        var read = ReadCase.All[name];

        var (error, requests, result) = await Run(read, i => i == 0 ? new Reply.ResetMidBody() : Ok(read));

        error.Should().BeNull();
        requests.Should().Be(2, "the body failed on the first attempt, like a failure before the headers");
        result.Should().Be(await Expected(read));
        Logs.Lines.Should().Contain(line => line.Contains("(attempt 2)", StringComparison.Ordinal), "the second attempt is logged as such");
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task A_body_that_stalls_past_the_attempt_timeout_is_retried(string name)
    {
        var read = ReadCase.All[name];

        var (error, requests, result) = await Run(read, i => i == 0 ? new Reply.StallBody() : Ok(read),
            o => o.Retry.AttemptTimeout = TimeSpan.FromSeconds(2));

        error.Should().BeNull();
        requests.Should().Be(2);
        result.Should().Be(await Expected(read));
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task A_body_that_fails_on_every_attempt_is_thrown_after_max_attempts(string name)
    {
        var read = ReadCase.All[name];

        var (error, requests, _) = await Run(read, _ => new Reply.ResetMidBody());

        requests.Should().Be(4, "MaxAttempts is 4, the first included");
        error.Should().BeOfType<ServiceTransportException>().Which.MayHaveBeenProcessed.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Body_failures_share_the_budget_of_header_failures(string name)
    {
        var read = ReadCase.All[name];

        // Resets before and during the body alternate: four attempts in all, whichever phase failed.
        var (error, requests, _) = await Run(read, i => i % 2 == 0 ? new Reply.ResetBeforeResponse() : new Reply.ResetMidBody());

        requests.Should().Be(4);
        error.Should().BeAssignableTo<ServiceTransportException>();
    }

    [Theory]
    [MemberData(nameof(TriggerFaultMatrixTests.Services), MemberType = typeof(TriggerFaultMatrixTests))]
    public async Task A_trigger_whose_body_fails_is_not_repeated(string name)
    {
        var service = ServiceCase.All[name];
        await using var server = new ScriptedServer(i => i == 0 ? new Reply.ResetMidBody() : Reply.Json(service.SuccessStatus, service.SuccessBody));

        var error = await RunCallAsync(() => service.Call(Options(server.BaseAddress)));

        server.Requests.Should().HaveCount(1, "the service got the request and may have started a run");
        error.Should().BeOfType<ServiceTransportException>().Which.MayHaveBeenProcessed.Should().BeTrue();
    }

    [Fact]
    public async Task A_list_page_whose_body_fails_is_fetched_again_and_no_item_is_yielded_twice()
    {
        await using var server = new ScriptedServer(i => i switch
        {
            0 => Reply.Json(200, AgentsetJson.Page("cur_2", true, "job_1", "job_2")),
            1 => new Reply.ResetMidBody(),
            _ => Reply.Json(200, AgentsetJson.Page(string.Empty, false, "job_3", "job_4")),
        });
        var ids = new List<string>();

        var error = await RunCallAsync(async () =>
        {
            using var client = new AgentsetClient((AgentsetClientOptions)Options(server.BaseAddress)(new AgentsetClientOptions { NamespaceId = "ns_1" }));
            await foreach (var job in client.IngestJobs.ListAsync())
            {
                ids.Add(job.Id);
            }
        });

        error.Should().BeNull();
        ids.Should().Equal("job_1", "job_2", "job_3", "job_4");
        server.Requests.Select(r => r.Target.Contains("cursor=cur_2", StringComparison.Ordinal)).Should().Equal(false, true, true);
    }
}
