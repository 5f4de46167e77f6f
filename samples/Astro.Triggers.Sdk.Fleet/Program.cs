// A fleet of ingest workers (issue 32): N copies of this program run Quartz.NET clustered over PostgreSQL; each batch of
// documents is one job that requests recovery, so when a worker dies another one re-runs its jobs, and IngestBatchJob makes
// that re-run resume instead of start again. Every worker's Agentset client draws on one rate-limit budget in Redis.
//
//   Astro.Triggers.Sdk.Fleet setup <documents> <batch-size>   create the tables and schedule one job per batch
//   Astro.Triggers.Sdk.Fleet work                             run a worker until stopped (Ctrl+C, SIGTERM)
//
// Settings come from the environment: FLEET_POSTGRES (an Npgsql connection string), FLEET_REDIS (a StackExchange.Redis
// configuration string; unset: each worker paces with its own budget), AGENTSET_BASE_URL, AGENTSET_API_KEY,
// AGENTSET_NAMESPACE_ID, FLEET_WORKER (the node's id in the cluster), FLEET_THREADS (jobs at once, default 4),
// FLEET_START_CONCURRENCY (creates at once per job, default 4). README.md beside this file has the whole story.
using System.Globalization;
using Astro.Triggers.Sdk.Fleet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;

var verb = args.FirstOrDefault() ?? "work";
try
{
    var settings = FleetSettings.FromEnvironment();
    switch (verb)
    {
        case "setup" when args.Length == 3:
            await SetupAsync(settings, int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));
            return 0;
        case "work" when args.Length <= 1:
            await WorkAsync(settings);
            return 0;
        default:
            await Console.Error.WriteLineAsync("usage: Astro.Triggers.Sdk.Fleet setup <documents> <batch-size> | work");
            return 2;
    }
}
catch (InvalidOperationException ex)
{
    await Console.Error.WriteLineAsync("fleet: " + ex.Message);
    return 1;
}

static void ConfigureQuartz(IQuartzBuilder quartz, FleetSettings settings)
{
    quartz.ConfigureScheduler(o =>
    {
        o.InstanceName = "astro-triggers-fleet";
        o.InstanceId = settings.Worker;
        o.IdleWaitTime = TimeSpan.FromSeconds(1);
    });
    quartz.UseDefaultThreadPool(settings.Threads);
    quartz.UsePersistentStore(store =>
    {
        store.UsePostgres(settings.Postgres);
        store.UseSystemTextJsonSerializer();
        store.ProvisionSchema();
        // A node that misses its check-ins this long is dead: another node recovers its jobs.
        store.UseClustering(c =>
        {
            c.CheckinInterval = TimeSpan.FromSeconds(1);
            c.CheckinMisfireThreshold = TimeSpan.FromSeconds(3);
        });
    });
}

static async Task SetupAsync(FleetSettings settings, int count, int batchSize)
{
    await using var db = NpgsqlDataSource.Create(settings.Postgres);
    var store = new DocumentStore(db);
    await store.CreateSchemaAsync(CancellationToken.None);
    await store.AddDocumentsAsync(
        Enumerable.Range(0, count).Select(i => ($"doc-{i:D6}", i / batchSize, $"Document {i} of the fleet.")), CancellationToken.None);

    // A scheduler of this process, never started: it only writes the jobs into the cluster's store (and creates
    // Quartz's tables), for the workers to run.
    var scheduler = await QuartzSchedulerBuilder.Create(q => ConfigureQuartz(q, settings with { Worker = "setup" })).BuildScheduler();
    var batches = (count + batchSize - 1) / batchSize;
    for (var batch = 0; batch < batches; batch++)
    {
        var job = JobBuilder.Create<IngestBatchJob>()
            .WithIdentity($"batch-{batch:D4}", "ingest")
            .UsingJobData(IngestBatchJob.BatchKey, batch)
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create().WithIdentity($"batch-{batch:D4}", "ingest").StartNow().Build();
        await scheduler.ScheduleJob(job, trigger);
    }

    await scheduler.Shutdown(waitForJobsToComplete: false);
    Console.WriteLine($"fleet: scheduled {batches} batches of {batchSize} ({count} documents)");
}

static async Task WorkAsync(FleetSettings settings)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Services.AddSingleton(settings);
    builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(settings.Postgres));
    builder.Services.AddSingleton<DocumentStore>();
    var agentset = builder.Services.AddAgentsetClient(o =>
    {
        o.BaseAddress = settings.AgentsetBaseUrl;
        o.ApiKey = settings.AgentsetApiKey;
        o.NamespaceId = settings.AgentsetNamespaceId;
        // A batch job waits for the budget rather than give up on a create.
        o.Retry.MaxElapsed = TimeSpan.FromMinutes(10);
        o.Retry.MaxAttempts = 20;
    });
    if (settings.Redis is { } redis)
    {
        // The one line that shares the budget: every worker's creates count against one budget in Redis.
        agentset.UseRedisRateLimitBudget(redis);
    }

    builder.Services.AddTransient<IngestBatchJob>();
    builder.AddQuartz(q => ConfigureQuartz(q, settings));
    builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
    using var host = builder.Build();
    Console.WriteLine($"fleet: worker={settings.Worker} ready");
    await host.RunAsync();
}
