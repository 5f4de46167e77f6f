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
        using var provider = new RedisRateLimitBudgetProvider(redis.Configuration);
        var clients = Enumerable.Range(0, 3).Select(_ => new AgentsetClient(fake.CreateClientOptions().UseRedisRateLimitBudget(provider))).ToArray();
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

        fake.JobCount.Should().Be(60);
        // The first window is spent before any answer said so: the 12 first attempts go unpaced. After that, none is refused.
        fake.Requests.Count.Should().BeLessThanOrEqualTo(60 + 12, "three clients on one budget do not overdraw the window");
        foreach (var c in clients)
        {
            c.Dispose();
        }
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
