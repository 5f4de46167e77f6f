using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Testing.Agentset;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Astro.Triggers.Sdk.Redis.Tests;

public sealed class RedisRateLimitBudgetTests
{
    private const string Secret = "sk_live_budget_secret_0123456789";

    private static CreateIngestJobRequest Job(int i) => new() { Payload = new TextPayload { Text = "doc" }, ExternalId = "doc-" + i };

    private static AgentsetFake Fake(int limit, TimeSpan window) => AgentsetFake.Start(new AgentsetFakeOptions
    {
        ApiKey = Secret, EnforceRateLimit = true, RateLimit = limit, RateLimitWindow = window,
    });

    [RedisFact]
    public async Task Budget_is_keyed_by_a_hash_of_the_credential_which_never_reaches_redis()
    {
        await using var redis = await RedisServer.StartAsync();
        using var fake = Fake(50, TimeSpan.FromSeconds(1));
        using var provider = new RedisRateLimitBudgetProvider(redis.Configuration);
        using var client = new AgentsetClient(fake.CreateClientOptions().UseRedisRateLimitBudget(provider));
        for (var i = 0; i < 5; i++)
        {
            await client.IngestJobs.CreateAsync(Job(i));
        }

        var dump = await redis.DumpAsync();
        dump.Should().Contain("{Agentset:" + RateLimitBudgetScope.HashCredential(Secret) + "}:state");
        dump.Should().Contain("remaining=", "the service's latest word is kept in Redis");
        dump.Should().NotContain(Secret).And.NotContain(Secret[8..]);
    }

    [RedisFact]
    public async Task Clients_with_one_credential_share_one_budget_and_never_overdraw_it()
    {
        await using var redis = await RedisServer.StartAsync();
        using var fake = Fake(10, TimeSpan.FromSeconds(1));
        var logs = new CollectingLoggerFactory();
        // The first calls wait at most CommandTimeout for the connection; a cold test host on shared cores can take
        // longer than the default 500 ms, and each client would then pace in-process (by design) and overdraw.
        using var provider = new RedisRateLimitBudgetProvider(new RedisRateLimitBudgetOptions { Configuration = redis.Configuration, CommandTimeout = TimeSpan.FromSeconds(5) });
        var clients = Enumerable.Range(0, 3).Select(_ =>
        {
            var options = fake.CreateClientOptions().UseRedisRateLimitBudget(provider);
            // 60 calls at 10 a second take about 6 s; a slot leaked in Redis stalls the rest until the 2-minute lease
            // ends, so a short call budget makes such a regression fail in seconds, not minutes.
            options.Retry.MaxElapsed = TimeSpan.FromSeconds(20);
            options.LoggerFactory = logs;
            return new AgentsetClient(options);
        }).ToArray();
        var tooMany = 0;
        await Task.WhenAll(clients.SelectMany((c, n) => Enumerable.Range(0, 4).Select(async k =>
        {
            for (var i = 0; i < 5; i++)
            {
                await c.IngestJobs.CreateAsync(Job((n * 100) + (k * 10) + i), new AgentsetRequestOptions
                {
                    OnResponse = r => { if (r.Status == 429) { Interlocked.Increment(ref tooMany); } },
                });
            }
        })));

        logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).Should().BeEmpty("Redis was reachable throughout");
        fake.JobCount.Should().Be(60);
        // The first window is spent before any answer said so: the 12 first attempts go unpaced. After that, none is refused.
        fake.Requests.Count.Should().BeLessThanOrEqualTo(60 + 12, "three clients on one budget do not overdraw the window");
        foreach (var c in clients)
        {
            c.Dispose();
        }
    }

    [RedisFact]
    public async Task A_take_the_caller_stopped_waiting_for_gives_its_slot_back()
    {
        await using var redis = await RedisServer.StartAsync();
        using var provider = new RedisRateLimitBudgetProvider(new RedisRateLimitBudgetOptions { Configuration = redis.Configuration, Partition = "org_1" });
        var budget = provider.Create(new RateLimitBudgetScope("Agentset", null, TimeProvider.System, null, RateLimitBudget.CreateInProcess()));
        var first = await budget.TakeAsync();
        first.Granted.Should().BeTrue();
        first.Ticket.Should().BePositive("Redis granted it");
        budget.Abandon(first.Ticket);

        // The script is sent, then the caller's wait ends at once (as a timeout would): Redis still grants the slot.
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await budget.Invoking(b => b.TakeAsync(cancelled.Token).AsTask()).Should().ThrowAsync<OperationCanceledException>();

        await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var db = connection.GetDatabase();
        var key = "astro-triggers:rate-limit:{Agentset:" + RateLimitBudgetScope.HashCredential("org_1") + "}:inflight";
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (await db.SortedSetLengthAsync(key) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        (await db.SortedSetLengthAsync(key)).Should().Be(0, "no attempt holds a slot, so none is in flight until the lease ends");
        (await db.HashGetAsync(key.Replace(":inflight", ":state", StringComparison.Ordinal), "issued")).Should().Be(2, "the second take did run in Redis");
    }

    [RedisFact]
    public async Task Redis_killed_mid_run_fails_no_call_and_warns_once()
    {
        await using var redis = await RedisServer.StartAsync();
        using var fake = Fake(40, TimeSpan.FromSeconds(1));
        var logs = new CollectingLoggerFactory();
        using var provider = new RedisRateLimitBudgetProvider(redis.Configuration);
        var options = fake.CreateClientOptions().UseRedisRateLimitBudget(provider);
        options.LoggerFactory = logs;
        using var client = new AgentsetClient(options);
        var done = 0;
        var run = Task.WhenAll(Enumerable.Range(0, 4).Select(async k =>
        {
            for (var i = 0; i < 30; i++)
            {
                await client.IngestJobs.CreateAsync(Job((k * 100) + i));
                Interlocked.Increment(ref done);
            }
        }));
        while (Volatile.Read(ref done) < 40)
        {
            await Task.Delay(10);
        }

        redis.Kill();
        await run;

        fake.JobCount.Should().Be(120, "every call succeeded, Redis or not");
        logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("in-process budget", StringComparison.Ordinal))
            .Should().Be(1);
        logs.Entries.Should().NotContain(e => e.Message.Contains(Secret, StringComparison.Ordinal));
    }

    [RedisFact]
    public async Task One_line_of_DI_shares_the_budget()
    {
        await using var redis = await RedisServer.StartAsync();
        using var fake = Fake(50, TimeSpan.FromSeconds(1));
        var services = new ServiceCollection();
        services.AddAgentsetClient(o =>
        {
            o.BaseAddress = fake.BaseAddress;
            o.ApiKey = fake.ApiKey;
            o.NamespaceId = fake.NamespaceId;
        }).UseRedisRateLimitBudget(redis.Configuration);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<AgentsetClient>();
        await client.IngestJobs.CreateAsync(Job(1));
        await client.IngestJobs.CreateAsync(Job(2));

        (await redis.DumpAsync()).Should().Contain("{Agentset:" + RateLimitBudgetScope.HashCredential(Secret) + "}:state");
    }

    [Fact]
    public void A_token_provider_client_needs_a_partition()
    {
        using var provider = new RedisRateLimitBudgetProvider("127.0.0.1:1");
        var scope = new RateLimitBudgetScope("Agentset", null, TimeProvider.System, null, RateLimitBudget.CreateInProcess());
        provider.Invoking(p => p.Create(scope)).Should().Throw<InvalidOperationException>().WithMessage("*Partition*");
        using var partitioned = new RedisRateLimitBudgetProvider(new RedisRateLimitBudgetOptions { Configuration = "127.0.0.1:1", Partition = "org_1" });
        partitioned.Create(scope).Should().NotBeNull();
    }

    [RedisFact]
    public async Task A_slow_first_connection_falls_back_for_those_calls_warns_once_and_shares_the_budget_once_redis_answers()
    {
        // Nothing listens on the port yet: the first connection cannot be made. Redis comes up after the first calls.
        var port = RedisServer.FreePort();
        using var fake = Fake(50, TimeSpan.FromSeconds(1));
        var logs = new CollectingLoggerFactory();
        using var provider = new RedisRateLimitBudgetProvider(new RedisRateLimitBudgetOptions
        {
            Configuration = "127.0.0.1:" + port, CommandTimeout = TimeSpan.FromMilliseconds(200), RetryInterval = TimeSpan.FromMilliseconds(300),
        });
        var options = fake.CreateClientOptions().UseRedisRateLimitBudget(provider);
        options.LoggerFactory = logs;
        using var client = new AgentsetClient(options);
        for (var i = 0; i < 3; i++)
        {
            await client.IngestJobs.CreateAsync(Job(i));
        }

        await using var redis = await RedisServer.StartAsync(port);
        var key = "{Agentset:" + RateLimitBudgetScope.HashCredential(Secret) + "}:state";
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var n = 3;
        while (!(await redis.DumpAsync()).Contains(key, StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await client.IngestJobs.CreateAsync(Job(n++));
            await Task.Delay(100);
        }

        (await redis.DumpAsync()).Should().Contain(key, "once Redis answers, the client's calls use the shared budget again");
        fake.JobCount.Should().Be(n, "no call failed while Redis was away");
        logs.Entries.Count(e => e.Level == LogLevel.Warning).Should().Be(1, "one Warning for the whole time Redis was away");
        logs.Entries.Should().Contain(e => e.Level == LogLevel.Information && e.Message.Contains("available again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unreachable_redis_from_the_start_paces_in_process_and_fails_nothing()
    {
        using var fake = Fake(50, TimeSpan.FromSeconds(1));
        var logs = new CollectingLoggerFactory();
        using var provider = new RedisRateLimitBudgetProvider("127.0.0.1:1");
        var options = fake.CreateClientOptions().UseRedisRateLimitBudget(provider);
        options.LoggerFactory = logs;
        using var client = new AgentsetClient(options);
        for (var i = 0; i < 10; i++)
        {
            await client.IngestJobs.CreateAsync(Job(i));
        }

        // Later calls too, once the connection attempt has certainly ended.
        await Task.Delay(2500);
        await client.IngestJobs.CreateAsync(Job(10));
        fake.JobCount.Should().Be(11);
        logs.Entries.Count(e => e.Level == LogLevel.Warning).Should().Be(1);
    }
}
