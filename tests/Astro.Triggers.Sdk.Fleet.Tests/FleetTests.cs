using System.Diagnostics;
using System.Globalization;
using Astro.Triggers.Sdk.Redis.Tests;
using Astro.Triggers.Sdk.Testing.Agentset;
using Npgsql;
using Xunit.Abstractions;

namespace Astro.Triggers.Sdk.Fleet.Tests;

/// <summary>Issue 32: many worker processes, one rate-limit budget, and a fleet that survives a killed worker. Everything
/// is real and on loopback: the test's own redis-server and PostgreSQL (started here, stopped by PID), the Agentset fake
/// with its enforced rate limit (served over HTTP by this process), and the workers as processes of their own.
/// Sizes are small for CI; the figures in docs/benchmarks.md come from
/// <c>ASTRO_FLEET_DOCUMENTS=2000 ASTRO_FLEET_CREATES=2000 dotnet test tests/Astro.Triggers.Sdk.Fleet.Tests -c Release --logger "console;verbosity=detailed"</c>.</summary>
public sealed class FleetTests(ITestOutputHelper output)
{
    private const int Workers = 3;
    private const int Limit = 100; // creates per second (the fake's sliding window of 1 s)
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private static int Setting(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static AgentsetFake Fake() => AgentsetFake.Start(new AgentsetFakeOptions
    {
        EnforceRateLimit = true, RateLimit = Limit, RateLimitWindow = Window,
        QueuedTime = TimeSpan.FromMilliseconds(300), PreProcessingTime = TimeSpan.FromMilliseconds(200), ProcessingTime = TimeSpan.FromMilliseconds(700),
    });

    private sealed record Budget(string Mode, int Creates, int Jobs, int Refused, double Seconds, int Failed)
    {
        public double RefusedShare => Creates == 0 ? 0 : (double)Refused / Creates;

        public double RatioToLimit => Jobs / Seconds / (Limit / Window.TotalSeconds);
    }

    [FleetFact]
    public async Task Three_processes_on_one_redis_budget_stay_inside_the_limit_where_per_process_budgets_overdraw_it()
    {
        var creates = Setting("ASTRO_FLEET_CREATES", 600);
        await using var redis = await RedisServer.StartAsync();
        var shared = await MeasureAsync(creates, redis.Configuration);
        var separate = await MeasureAsync(creates, "none");
        foreach (var b in new[] { shared, separate })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {b.Mode} | {Workers} | {b.Jobs} | {b.Creates} | {b.Refused} ({b.RefusedShare:P2}) | {b.Seconds:F1} s | {b.Jobs / b.Seconds:F1}/s | {b.RatioToLimit:F2} |"));
        }

        shared.Failed.Should().Be(0);
        separate.Failed.Should().Be(0);
        shared.Jobs.Should().Be(creates);
        separate.Jobs.Should().Be(creates);
        shared.RefusedShare.Should().BeLessThanOrEqualTo(0.01, "one budget shared through Redis is not overdrawn by three processes");
        shared.Refused.Should().BeLessThan(separate.Refused, "three per-process budgets each spend what is left");
        if (creates >= 1000)
        {
            shared.RatioToLimit.Should().BeGreaterThanOrEqualTo(0.9, "the shared budget still spends the whole limit");
        }
    }

    private async Task<Budget> MeasureAsync(int creates, string redis)
    {
        using var fake = Fake();
        var worker = FleetProcess.Program("tests/Astro.Triggers.Sdk.Redis.Worker", "Astro.Triggers.Sdk.Redis.Worker.dll");
        var processes = Enumerable.Range(0, Workers).Select(w => FleetProcess.Start(worker, new Dictionary<string, string>(),
            fake.BaseAddress.ToString(), fake.ApiKey, fake.NamespaceId,
            (creates / Workers + (w < creates % Workers ? 1 : 0)).ToString(CultureInfo.InvariantCulture), "32", redis, "w" + w)).ToList();
        try
        {
            var failed = 0;
            foreach (var p in processes)
            {
                if (await p.WaitAsync(TimeSpan.FromMinutes(5)) != 0)
                {
                    failed++;
                    output.WriteLine(p.Output);
                }
            }

            var requests = fake.Requests.Where(r => r.OperationId == "createIngestJob").ToList();
            var seconds = (requests.Max(r => r.ReceivedAt) - requests.Min(r => r.ReceivedAt)).TotalSeconds;
            return new Budget(redis == "none" ? "per-process budgets" : "shared (Redis)", requests.Count, fake.JobCount, requests.Count - fake.JobCount, seconds, failed);
        }
        finally
        {
            processes.ForEach(p => p.Dispose());
        }
    }

    [FleetFact]
    public async Task A_worker_killed_mid_run_loses_nothing_duplicates_nothing_and_its_runs_are_followed_to_the_end()
    {
        var documents = Setting("ASTRO_FLEET_DOCUMENTS", 200);
        var batchSize = Math.Max(10, documents / 40);
        var deadline = TimeSpan.FromSeconds(120 + (documents / 10));
        var clock = Stopwatch.StartNew();
        await using var postgres = await PostgresServer.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        using var fake = Fake();
        var environment = new Dictionary<string, string>
        {
            ["FLEET_POSTGRES"] = postgres.ConnectionString,
            ["FLEET_REDIS"] = redis.Configuration,
            ["AGENTSET_BASE_URL"] = fake.BaseAddress.ToString(),
            ["AGENTSET_API_KEY"] = fake.ApiKey,
            ["AGENTSET_NAMESPACE_ID"] = fake.NamespaceId,
            ["FLEET_THREADS"] = "2",
            ["FLEET_START_CONCURRENCY"] = "8",
        };
        var program = FleetProcess.Program("samples/Astro.Triggers.Sdk.Fleet", "Astro.Triggers.Sdk.Fleet.dll");
        using (var setup = FleetProcess.Start(program, environment, "setup", documents.ToString(CultureInfo.InvariantCulture), batchSize.ToString(CultureInfo.InvariantCulture)))
        {
            (await setup.WaitAsync(TimeSpan.FromMinutes(2))).Should().Be(0, setup.Output);
        }

        var workers = Enumerable.Range(1, Workers)
            .Select(w => FleetProcess.Start(program, new Dictionary<string, string>(environment) { ["FLEET_WORKER"] = "w" + w }, "work"))
            .ToList();
        await using var db = NpgsqlDataSource.Create(postgres.ConnectionString);
        try
        {
            // About a third of the work started: kill, by its PID, a worker in the middle of starting a batch (creates
            // marked as sending whose runs are not saved yet: some may be at the service already), else the one with the
            // most batches in hand.
            while (fake.JobCount < documents / 3)
            {
                await Task.Delay(50);
                Check(clock, deadline, workers);
            }

            string? victim = null;
            for (var tries = 0; victim is null && tries < 25; tries++)
            {
                victim = await ScalarAsync<string?>(db, """
                    SELECT e.worker FROM fleet_executions e JOIN fleet_documents d ON d.batch = e.batch
                    WHERE e.finished_at IS NULL AND d.sending_since IS NOT NULL AND d.resume_token IS NULL AND d.status IS NULL
                    GROUP BY e.worker ORDER BY count(*) DESC, e.worker LIMIT 1
                    """);
                if (victim is null)
                {
                    await Task.Delay(20);
                }
            }

            victim ??= await ScalarAsync<string>(db,
                "SELECT worker FROM fleet_executions WHERE finished_at IS NULL GROUP BY worker ORDER BY count(*) DESC, worker LIMIT 1");
            var index = int.Parse(victim[1..], CultureInfo.InvariantCulture) - 1;
            workers[index].Kill();
            var killedAt = DateTimeOffset.UtcNow;
            var jobsAtKill = fake.JobCount;
            // What the dead worker had in hand, read once it is dead (it may have ended or begun one since it was chosen).
            var unfinished = (await RowsAsync(db, $"SELECT batch FROM fleet_executions WHERE worker = '{victim}' AND finished_at IS NULL")).Select(r => (int)r[0]).ToList();
            var inHand = unfinished.Count;
            output.WriteLine($"killed {victim} (PID {workers[index].ProcessId}) with {inHand} batches in hand at {jobsAtKill}/{documents} documents created");

            while (await ScalarAsync<long>(db, "SELECT count(*) FROM fleet_documents WHERE status IS NULL") > 0)
            {
                await Task.Delay(200);
                Check(clock, deadline, workers.Where((_, i) => i != index));
            }

            var finishedAt = DateTimeOffset.UtcNow;
            var recoveries = await RowsAsync(db, $"SELECT batch, worker, started_at, finished_at, started, resumed, adopted FROM fleet_executions WHERE recovering ORDER BY started_at");
            var statuses = await RowsAsync(db, "SELECT status, count(*) FROM fleet_documents GROUP BY status");
            foreach (var row in recoveries)
            {
                output.WriteLine($"recovered batch {row[0]} on {row[1]}: started {row[4]}, resumed {row[5]}, adopted {row[6]}");
            }

            var firstRecovery = recoveries.Count == 0 ? (DateTimeOffset?)null : new DateTimeOffset((DateTime)recoveries[0][2]);
            var lastRecoveryEnd = recoveries.Count == 0 ? (DateTimeOffset?)null : new DateTimeOffset((DateTime)recoveries.Max(r => (DateTime)r[3]));
            var counts = fake.ExternalIdCounts;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Workers} workers, {documents} documents, batches of {batchSize} | killed at {jobsAtKill} created, {inHand} batches in hand | lost {documents - counts.Count} | duplicated {counts.Values.Sum() - counts.Count} | recovered batches {recoveries.Count} | kill → first recovered batch running {(firstRecovery - killedAt)?.TotalSeconds:F1} s | kill → recovered batches done {(lastRecoveryEnd - killedAt)?.TotalSeconds:F1} s | all done {(finishedAt - killedAt).TotalSeconds:F1} s after the kill, {clock.Elapsed.TotalSeconds:F0} s in all |"));

            counts.Count.Should().Be(documents, "every document was created (none lost)");
            counts.Values.Should().OnlyContain(n => n == 1, "no document was created twice");
            fake.JobCount.Should().Be(documents);
            statuses.Should().ContainSingle().Which[0].Should().Be("Succeeded", "every run was followed to its end");
            inHand.Should().BeGreaterThan(0, "the worker was killed mid-batch");
            recoveries.Select(r => (string)r[1]).Should().NotContain(victim, "another worker recovered the dead one's batches");
            recoveries.Select(r => (int)r[0]).Should().Contain(unfinished, "every batch the dead worker had in hand was recovered")
                .And.OnlyHaveUniqueItems("a batch is recovered once");
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
            foreach (var w in workers)
            {
                output.WriteLine(string.Join('\n', w.Output.Split('\n').Where(l => !l.StartsWith("fleet:", StringComparison.Ordinal)).Take(40)));
            }
        }
    }

    private static void Check(Stopwatch clock, TimeSpan deadline, IEnumerable<FleetProcess> workers)
    {
        if (workers.FirstOrDefault(w => w.HasExited) is { } exited)
        {
            throw new InvalidOperationException($"a worker exited ({exited.ExitCode}):\n{exited.Output}");
        }

        if (clock.Elapsed > deadline)
        {
            throw new TimeoutException($"the fleet did not finish within {deadline}:\n{string.Join("\n---\n", workers.Select(w => w.Output))}");
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return await command.ExecuteScalarAsync() is T value ? value : default!;
    }

    private static async Task<List<object[]>> RowsAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}
