using System.Collections.Concurrent;
using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using Astro.Triggers.Sdk.Tests.Mixpeek;
using Astro.Triggers.Sdk.TrueFoundry;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace Astro.Triggers.Sdk.Tests.Core.Auth;

/// <summary>Concurrent 401s share one credential refresh (single flight), through real clients of several services
/// against a loopback server that accepts only the tokens a test says; every test counts the provider's forced
/// refreshes and the requests the server saw, by token.</summary>
public sealed class TokenRefreshTests : ClientTestBase
{
    private readonly ConcurrentQueue<string> _seen = new();
    private readonly TaskCompletionSource _allHeldArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Func<string, bool> _accepts = token => false;
    private string _okBody = "{}";
    private string? _holdToken;
    private int _holdCount;
    private int _heldArrived;

    public TokenRefreshTests()
    {
        Server.Given(Request.Create()).RespondWith(Response.Create().WithCallback(async request =>
        {
            var token = request.Headers!["Authorization"][0]["Bearer ".Length..];
            _seen.Enqueue(token);
            if (token == _holdToken)
            {
                // The first answer to this token goes back only once all the calls the test expects have been sent
                // with it, however the machine schedules them.
                if (Interlocked.Increment(ref _heldArrived) == _holdCount)
                {
                    _allHeldArrived.SetResult();
                }

                await _allHeldArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }

            if (token == "old" && request.Path.EndsWith("/slow/trigger", StringComparison.Ordinal))
            {
                await Task.Delay(500);
            }

            var accepted = _accepts(token);
            var answer = new ResponseMessage
            {
                StatusCode = accepted ? 200 : 401,
                BodyData = new BodyData { BodyAsString = accepted ? _okBody : """{"error":"token expired","code":"UNAUTHORIZED"}""", DetectedBodyType = BodyType.String },
            };
            answer.AddHeader("Content-Type", "application/json");
            return answer;
        }));
    }

    public static TheoryData<string> Services => new() { "Astropod", "TrueFoundry", "Mixpeek" };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Fifty_concurrent_401s_share_one_refresh_and_each_call_repeats_once_with_its_result(string service)
    {
        var tokens = CountingTokenProvider.SlowRefresh();
        _accepts = token => token == "new";
        Hold("old", 50);
        var (client, call) = Create(service, tokens);
        using var _ = client;

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => call(CancellationToken.None))));

        tokens.Refreshes.Should().Be(1);
        _seen.Count(t => t == "old").Should().Be(50);
        _seen.Count(t => t == "new").Should().Be(50);
        _seen.Should().HaveCount(100);
    }

    [Fact]
    public async Task A_401_that_arrives_after_the_refresh_finished_repeats_with_its_result_without_asking_again()
    {
        var tokens = CountingTokenProvider.SlowRefresh();
        _accepts = token => token == "new";
        _okBody = """{"status":"triggered","job_name":"j1","namespace":"team-docs"}""";
        using var client = new AstropodClient(Configure(new AstropodClientOptions(), o => Use(o, tokens)));

        // Both calls are sent with "old"; the slow one's 401 comes back 500 ms later, after the other call's refresh.
        var slow = client.Ingestions.StartAsync("team-docs", "slow", "acme");
        await WaitUntilAsync(() => _seen.Count == 1);
        await client.Ingestions.StartAsync("team-docs", "docs_sync", "acme");
        await slow;

        tokens.Refreshes.Should().Be(1);
        _seen.Should().Equal("old", "old", "new", "new");
    }

    [Fact]
    public async Task Calls_already_sent_with_the_refreshed_token_do_not_refresh_again_when_it_is_rejected_and_a_later_call_may()
    {
        var tokens = CountingTokenProvider.SlowRefresh();
        _accepts = token => token == "new2";
        Hold("new", 11);
        var (client, call) = Create("Astropod", tokens);
        using var _ = client;

        // The first call refreshes "old" to "new"; ten more are sent with "new" before the service answers any "new".
        var first = call(CancellationToken.None);
        await WaitUntilAsync(() => _seen.Contains("new"));
        var wave = Enumerable.Range(0, 10).Select(_ => Task.Run(() => call(CancellationToken.None))).ToList();
        var rejected = new List<UnauthorizedException>();
        foreach (var c in wave.Prepend(first))
        {
            rejected.Add((await FluentActions.Awaiting(() => c).Should().ThrowAsync<UnauthorizedException>()).Which);
        }

        rejected.Should().HaveCount(11).And.AllSatisfy(e => e.ErrorCode.Should().Be("UNAUTHORIZED"));
        tokens.Refreshes.Should().Be(1, "the service rejected the newest token there is; each call asking again would be a storm");
        _seen.Should().Equal(["old", .. Enumerable.Repeat("new", 11)]);

        await call(CancellationToken.None);
        tokens.Refreshes.Should().Be(2, "a call sent after the service rejected the token may refresh it");
        _seen.TakeLast(2).Should().Equal("new", "new2");
    }

    [Fact]
    public async Task A_token_the_service_accepted_is_refreshed_again_when_it_is_later_rejected()
    {
        var tokens = CountingTokenProvider.SlowRefresh();
        _accepts = token => token == "new";
        var (client, call) = Create("TrueFoundry", tokens);
        using var _ = client;

        await call(CancellationToken.None);
        await call(CancellationToken.None);
        _accepts = token => token == "new2";
        await call(CancellationToken.None);

        tokens.Refreshes.Should().Be(2);
        _seen.Should().Equal("old", "new", "new", "new", "new2");
    }

    [Theory]
    [InlineData("Astropod")]
    [InlineData("Mixpeek")]
    public async Task When_the_shared_refresh_fails_every_waiting_call_gets_a_TokenRefreshException_wrapping_the_providers_error(string service)
    {
        var vaultSealed = new InvalidOperationException("vault is sealed");
        var fail = true;
        var tokens = new CountingTokenProvider("old", async (_, ct) =>
        {
            await Task.Delay(50, ct);
            return fail ? throw vaultSealed : "new";
        });
        _accepts = token => token == "new";
        Hold("old", 20);
        var (client, call) = Create(service, tokens);
        using var _ = client;

        var calls = Enumerable.Range(0, 20).Select(_ => Task.Run(() => call(CancellationToken.None))).ToList();
        var failures = new List<TokenRefreshException>();
        foreach (var c in calls)
        {
            failures.Add((await FluentActions.Awaiting(() => c).Should().ThrowAsync<TokenRefreshException>()).Which);
        }

        failures.Should().AllSatisfy(e =>
        {
            e.InnerException.Should().BeSameAs(vaultSealed);
            e.Message.Should().Contain("401").And.Contain(nameof(InvalidOperationException));
        });
        failures.Distinct().Should().HaveCount(20, "each caller gets its own exception, so stack traces do not mix");
        tokens.Refreshes.Should().Be(1);
        _seen.Should().HaveCount(20).And.OnlyContain(t => t == "old", "no request is repeated after a failed refresh");

        fail = false;
        await call(CancellationToken.None);
        tokens.Refreshes.Should().Be(2, "a failure is not remembered for calls that start after it");
    }

    [Fact]
    public async Task A_caller_cancelled_while_waiting_on_the_refresh_cancels_only_itself()
    {
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var tokens = new CountingTokenProvider("old", (_, _) => release.Task);
        _accepts = token => token == "new";
        var (client, call) = Create("Astropod", tokens);
        using var _ = client;
        var others = call(CancellationToken.None);
        await WaitUntilAsync(() => tokens.Refreshes == 1);
        using var cancel = new CancellationTokenSource();

        var cancelled = call(cancel.Token);
        await WaitUntilAsync(() => _seen.Count == 2);
        await cancel.CancelAsync();

        await FluentActions.Awaiting(() => cancelled).Should().ThrowAsync<OperationCanceledException>();
        tokens.RefreshTokens.Single().IsCancellationRequested.Should().BeFalse("another call still waits on the refresh");
        others.IsCompleted.Should().BeFalse();
        release.SetResult("new");
        await others;
        tokens.Refreshes.Should().Be(1);
        _seen.Should().Equal("old", "old", "new");
    }

    [Fact]
    public async Task When_every_waiter_is_cancelled_the_refresh_is_cancelled_and_the_next_401_refreshes_afresh()
    {
        var tokens = new CountingTokenProvider("old", async (n, ct) =>
        {
            await Task.Delay(n == 1 ? Timeout.InfiniteTimeSpan : TimeSpan.Zero, ct);
            return "new";
        });
        _accepts = token => token == "new";
        var (client, call) = Create("Mixpeek", tokens);
        using var _ = client;
        using var cancel = new CancellationTokenSource();

        var abandoned = call(cancel.Token);
        await WaitUntilAsync(() => tokens.Refreshes == 1);
        await cancel.CancelAsync();

        await FluentActions.Awaiting(() => abandoned).Should().ThrowAsync<OperationCanceledException>();
        tokens.RefreshTokens[0].IsCancellationRequested.Should().BeTrue("nobody waits for the refresh any more");
        await call(CancellationToken.None);
        tokens.Refreshes.Should().Be(2);
        _seen.Should().Equal("old", "old", "new");
    }

    private void Hold(string token, int count)
    {
        _holdToken = token;
        _holdCount = count;
    }

    private static void Use(ServiceClientOptions options, CountingTokenProvider tokens)
    {
        options.ApiKey = null;
        options.TokenProvider = tokens.GetAsync;
        options.Retry.MaxAttempts = 1;
    }

    private (IDisposable Client, Func<CancellationToken, Task> Call) Create(string service, CountingTokenProvider tokens)
    {
        switch (service)
        {
            case "Astropod":
                _okBody = """{"status":"triggered","job_name":"ingestion-docs-sync-manual-1","namespace":"team-docs"}""";
                var astropod = new AstropodClient(Configure(new AstropodClientOptions(), o => Use(o, tokens)));
                return (astropod, ct => astropod.Ingestions.StartAsync("team-docs", "docs_sync", "acme", cancellationToken: ct));
            case "TrueFoundry":
                _okBody = """{"data":{"name":"r1","status":"RUNNING"}}""";
                var trueFoundry = new TrueFoundryClient(Configure(new TrueFoundryClientOptions(), o => Use(o, tokens)));
                return (trueFoundry, ct => trueFoundry.JobRuns.GetAsync("app-1", "r1", cancellationToken: ct));
            default:
                _okBody = MixpeekJson.Trigger();
                var mixpeek = new MixpeekClient(Configure(new MixpeekClientOptions { Namespace = "ns_prod" }, o => Use(o, tokens)));
                return (mixpeek, ct => mixpeek.Triggers.GetAsync("trg_1", cancellationToken: ct));
        }
    }
}
