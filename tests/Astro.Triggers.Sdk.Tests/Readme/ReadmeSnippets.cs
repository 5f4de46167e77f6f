using Astro.Triggers.Sdk;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Testing.Agentset;
using Astro.Triggers.Sdk.Testing.Astropod;
using Astro.Triggers.Sdk.Testing.Mixpeek;
using Astro.Triggers.Sdk.Testing.Shipyard;
using Astro.Triggers.Sdk.Testing.TrueFoundry;
using Astro.Triggers.Sdk.TrueFoundry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Astro.Triggers.Sdk.Tests.Readme;

/// <summary>Every C# block of README.md, compiled here and run by <see cref="ReadmeSnippetTests"/> against the fakes.
/// README includes each region verbatim (the test checks it), so a snippet that stops compiling or running fails the
/// build or the tests, not a user who pasted it. Edit a snippet here, then copy it to README.</summary>
internal static class ReadmeSnippets
{
    public static async Task Agentset()
    {
        #region snippet:agentset
        // Offline, on the stateful fake; for the real service: new AgentsetClientOptions { ApiKey = "…", NamespaceId = "ns_…" }.
        await using var fake = AgentsetFake.Start();
        using var client = new AgentsetClient(fake.CreateClientOptions());

        var run = await client.IngestJobs.StartAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "Hello" }, ExternalId = "doc-42" });
        var done = await run.WaitForCompletionAsync(pollInterval: TimeSpan.FromMilliseconds(250));
        Console.WriteLine($"{done.Value.Id}: {done.Status} ({done.RawStatus})");

        await foreach (var job in client.IngestJobs.ListAsync(new IngestJobListOptions { Statuses = [IngestJobStatus.Completed] }))
        {
            Console.WriteLine(job.Id);
        }

        try
        {
            await client.IngestJobs.GetAsync("job_missing");
        }
        catch (AstroTriggersException ex) when (ex.Status == 404)
        {
            Console.WriteLine($"not found ({ex.ErrorCode})");
        }
        #endregion
    }

    public static async Task ResumeAnywhere()
    {
        #region snippet:resume
        await using var fake = AgentsetFake.Start();
        using var client = new AgentsetClient(fake.CreateClientOptions());

        var run = await client.IngestJobs.StartAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "Hello" } });
        string token = run.ResumeToken!;   // "atr1.…": the service, the job id, its namespace and tenant; never the key
        Console.WriteLine(token);

        // Later, in another process, CI step or language: any Agentset client resumes the run from the token alone.
        using var later = new AgentsetClient(fake.CreateClientOptions());
        var resumed = later.ResumeRun(token);
        var done = await resumed.WaitForCompletionAsync(pollInterval: TimeSpan.FromMilliseconds(250));
        Console.WriteLine($"{done.Id}: {done.Status}");   // Succeeded
        #endregion
    }

    public static async Task StartManyExactlyOnce()
    {
        #region snippet:startmany
        await using var fake = AgentsetFake.Start();
        fake.Faults.For("createIngestJob").ServerErrorAfterProcessing();   // a create is done, then its answer is lost
        using var client = new AgentsetClient(fake.CreateClientOptions());

        var jobs = Enumerable.Range(1, 20).Select(i => new CreateIngestJobRequest
        {
            ExternalId = $"doc-{i}",                                         // what makes a lost answer decidable
            Payload = new TextPayload { Text = $"Document {i}" },
        });
        await foreach (var outcome in client.IngestJobs.StartManyAsync(jobs, new StartManyOptions { MaxConcurrency = 8 }))
        {
            var id = outcome.Request.ExternalId;
            Console.WriteLine(outcome.Kind switch
            {
                StartOutcomeKind.Started => $"{id}: {outcome.Run!.Id} (reconciliation: {outcome.Reconciliation})",
                StartOutcomeKind.Refused => $"{id}: refused, {outcome.Error!.Message}",
                _ => $"{id}: may have been created, not repeated ({outcome.Reconciliation})",
            });
        }

        Console.WriteLine(fake.JobCount);                                  // 20: the lost one was found, not created twice

        // One call, reconciled the same way: the run, the refusal as usual, or AmbiguousStartException.
        var run = await client.IngestJobs.StartReconciledAsync(
            new CreateIngestJobRequest { ExternalId = "doc-21", Payload = new TextPayload { Text = "Document 21" } });
        Console.WriteLine(run.Id);
        #endregion
        if (fake.JobCount != 21 || fake.ExternalIdCounts.Values.Any(n => n != 1))
        {
            throw new InvalidOperationException("The README's start-many snippet created a job twice.");
        }
    }

    public static async Task Astropod()
    {
        #region snippet:astropod
        await using var fake = AstropodFake.Start();
        using var astropod = new AstropodClient(fake.CreateClientOptions());   // real: new AstropodClientOptions { ApiKey = token } or a TokenProvider

        var deployment = await astropod.Deployments.ListAsync(fake.Account).FirstAsync();
        await foreach (var source in astropod.Deployments.ListIngestionSourcesAsync(deployment.Id))
        {
            Console.WriteLine($"{deployment.Namespace}/{source.Name}");   // the names StartAsync takes (component "ingestion-docs_sync" → "docs_sync")
        }

        var started = await astropod.Ingestions.StartAsync(deployment.Namespace!, "docs_sync", fake.Account);
        Console.WriteLine($"job {started.JobName}; Astropod has no status to follow it with: {started.HasStatusSource}");
        #endregion
    }

    public static async Task TrueFoundry()
    {
        #region snippet:truefoundry
        await using var fake = TrueFoundryFake.Start();
        using var tfy = new TrueFoundryClient(fake.CreateClientOptions());   // real: BaseAddress = your control plane, ApiKey = a token

        var run = await tfy.JobRuns.StartAsync(new TriggerJobRequest
        {
            ApplicationId = fake.ApplicationId,
            Input = new JobRunInput { Command = "python etl.py", Params = new Dictionary<string, object> { ["day"] = "2026-11-30" } },
        });
        var done = await run.WaitForCompletionAsync(pollInterval: TimeSpan.FromMilliseconds(250));
        Console.WriteLine($"{done.Id}: {done.Status}, exit code {done.Value.ExitCode}");

        await foreach (var past in tfy.JobRuns.ListAsync(fake.ApplicationId, new JobRunListOptions { Statuses = [JobRunStatus.Finished], PageSize = 50 }))
        {
            Console.WriteLine($"{past.Name} {past.Status}");
        }
        #endregion
    }

    public static async Task Shipyard()
    {
        #region snippet:shipyard
        await using var fake = ShipyardFake.Start();
        using var shipyard = new ShipyardClient(fake.CreateClientOptions());   // real: new ShipyardClientOptions { ApiKey = key }

        var run = await shipyard.FleetRuns.StartAsync(fake.OrgId, fake.ProjectId, fake.FleetId,
            [new VesselOverride { Name = "Load", EnvironmentVariableOverrides = new Dictionary<string, string?> { ["TARGET"] = "prod", ["DRY_RUN"] = "", ["KEEP"] = null } }]);
        var done = await run.WaitForCompletionAsync(pollInterval: TimeSpan.FromMilliseconds(250));
        Console.WriteLine($"{done.Id}: {done.Status} ({done.Value?.Status})");
        #endregion
    }

    public static async Task Mixpeek()
    {
        #region snippet:mixpeek
        await using var fake = MixpeekFake.Start();
        using var mixpeek = new MixpeekClient(fake.CreateClientOptions());   // real: new MixpeekClientOptions { ApiKey = key, Namespace = "ns_prod" }

        // Daily clustering at 02:00 Berlin time; the five-field cron expression and the IANA zone are checked right here.
        var schedule = new CronSchedule("0 2 * * *", "Europe/Berlin");
        foreach (var at in schedule.GetNextFireTimes(DateTimeOffset.UtcNow, 3))
        {
            Console.WriteLine(at.ToString("u", System.Globalization.CultureInfo.InvariantCulture));   // local preview, DST-aware
        }

        var trigger = await mixpeek.Triggers.CreateAsync(
            new CreateTriggerRequest(new ClusterAction("clust_abc123"), schedule) { Description = "Daily clustering" });

        var run = await mixpeek.Executions.StartAsync(trigger.TriggerId);       // run now, outside the schedule
        var done = await run.WaitForCompletionAsync(pollInterval: TimeSpan.FromMilliseconds(250));
        Console.WriteLine($"task {done.Id}: {done.Status}");

        await foreach (var execution in mixpeek.Executions.ListAsync(trigger.TriggerId))   // the trigger's history, newest first
        {
            Console.WriteLine($"{execution.TriggeredAt:u} {execution.Status} {execution.ExecutionTimeMs} ms");
        }

        await mixpeek.Triggers.PauseAsync(trigger.TriggerId);                 // a paused trigger neither fires nor executes
        #endregion
    }

    public static async Task DependencyInjection()
    {
        #region snippet:di
        await using var fake = AgentsetFake.Start();                         // for the real service, your appsettings.json
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Astro:Agentset:BaseAddress"] = fake.BaseAddress.ToString(),
            ["Astro:Agentset:ApiKey"] = fake.ApiKey,
            ["Astro:Agentset:NamespaceId"] = fake.NamespaceId,
        }).Build();

        var services = new ServiceCollection();
        services.AddTriggerClients(configuration.GetSection("Astro"));   // every service with a section: Astro:Agentset, Astro:Mixpeek, …
        services.AddAgentsetClient("eu", o =>                               // more clients of one service, by name, each with its own options
        {
            o.BaseAddress = fake.BaseAddress;
            o.ApiKey = fake.ApiKey;
            o.NamespaceId = fake.NamespaceId;
        });

        await using var provider = services.BuildServiceProvider();
        var main = provider.GetRequiredService<AgentsetClient>();
        var eu = provider.GetRequiredKeyedService<AgentsetClient>("eu");      // or [FromKeyedServices("eu")], or ITriggerClientFactory<AgentsetClient>
        await eu.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "b" } });
        #endregion

        await main.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "a" } });
    }

    public static async Task ManyRuns()
    {
        #region snippet:manyruns
        await using var fake = AgentsetFake.Start();
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var runs = new List<IngestJobRun>();
        foreach (var text in new[] { "one", "two", "three" })
        {
            runs.Add(await client.IngestJobs.StartAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = text } }));
        }

        // One list read per page per cycle for all of them; each run is still noticed within 10% of its length.
        var group = new RunGroup<IngestJobRun>(runs, new RunWaitOptions { PollInterval = TimeSpan.FromMilliseconds(250) });
        await foreach (var result in group.WhenEachAsync())   // in the order they end
        {
            Console.WriteLine(result.Succeeded ? $"{result.Run.Id} done" : $"{result.Run.Id}: {result.Error!.Message}");
        }

        var results = await group.WaitForAllAsync();   // in the order added; a failed run is a result, not an exception
        Console.WriteLine($"{results.Count(r => r.Succeeded)} succeeded; {group.Progress}");
        #endregion
    }

    public static async Task Options()
    {
        #region snippet:options
        await using var fake = AgentsetFake.Start();
        var options = fake.CreateClientOptions();          // real: new AgentsetClientOptions { ApiKey = key, NamespaceId = "ns_123" }
        options.AutomaticDecompression = System.Net.DecompressionMethods.None;   // default GZip | Brotli (Accept-Encoding: gzip, br)
        using var client = new AgentsetClient(options);

        var perCall = new AgentsetRequestOptions
        {
            Timeout = TimeSpan.FromSeconds(20),           // this call, and every status read and cancel of the run it starts
            OnResponse = r => Console.WriteLine($"{r.OperationId}: HTTP {r.Status}"),
        };
        var run = await client.IngestJobs.StartAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "hi" } }, perCall);
        await run.WaitForCompletionAsync(new RunWaitOptions
        {
            PollInterval = TimeSpan.FromSeconds(2),       // reads at least 2 s apart (default 1 s)
            PollIntervalRatio = 0.1,                      // later, a tenth of the time waited so far (the default)
            MaxPollInterval = TimeSpan.FromMinutes(1),    // but never more than a minute apart (the default)
            Timeout = TimeSpan.FromMinutes(30),           // then RunWaitTimeoutException; the run goes on
        });
        Console.WriteLine(run.Status);                    // Succeeded
        #endregion
    }

    public static async Task Retries()
    {
        #region snippet:retries
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions { EnforceRateLimit = true, RateLimit = 2 });
        var options = fake.CreateClientOptions();          // real: new AgentsetClientOptions { ApiKey = key, NamespaceId = "ns_123" }
        options.Retry = new RetryOptions { MaxAttempts = 3, MaxDelay = TimeSpan.FromSeconds(10) };   // defaults: 4, 30 s
        options.RateLimitPacing = true;                   // the default: queue for the window instead of drawing 429s
        options.Timeout = TimeSpan.FromSeconds(5);        // a paced wait must fit in it (and in Retry.MaxElapsed)
        using var client = new AgentsetClient(options);

        var perCall = new AgentsetRequestOptions
        {
            OnResponse = r => Console.WriteLine($"{r.RateLimitRemaining} left, window resets {r.RateLimitReset:O}"),
        };
        try
        {
            for (var i = 0; i < 3; i++)
            {
                await client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = $"doc {i}" } }, perCall);
            }
        }
        catch (PacedRateLimitException ex)                // the window (a minute) outlasts the 5 s budget: nothing was sent
        {
            Console.WriteLine($"{ex.ErrorCode}: retry after {ex.RetryAfter}, may have been processed: {ex.MayHaveBeenProcessed}");
        }
        #endregion
    }

    public static async Task Testing()
    {
        #region snippet:testing
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);              // Microsoft.Extensions.TimeProvider.Testing
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions { TimeProvider = time });
        using var client = new AgentsetClient(fake.CreateClientOptions());   // the client runs on the fake's clock too

        var run = await client.IngestJobs.StartAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "hi" } });
        var waiting = run.WaitForCompletionAsync();
        while (!waiting.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));                           // QUEUED → PRE_PROCESSING → PROCESSING → COMPLETED
            await Task.Delay(10);
        }

        Console.WriteLine((await waiting).Status);                             // Succeeded

        fake.Faults.RateLimit(count: 1, retryAfter: TimeSpan.FromSeconds(1));  // the next call gets Agentset's own 429
        fake.Faults.For("createIngestJob").ServerError(count: 2);              // only the next two creates get a 503
        Console.WriteLine(fake.Requests.Count(r => r.OperationId == "createIngestJob"));   // what the fake received: 1
        #endregion
    }

    public static async Task UnitTests()
    {
        #region snippet:unittests
        var job = new IngestJob { Id = "job_1", NamespaceId = "ns_1", Status = IngestJobStatus.Completed, Payload = new TextPayload { Text = "x" } };
        var jobs = Substitute.For<IngestJobsClient>();                       // every client member is virtual
        jobs.StartAsync(Arg.Any<CreateIngestJobRequest>(), Arg.Any<AgentsetRequestOptions?>(), Arg.Any<CancellationToken>())
            .Returns(AgentsetModelFactory.IngestJobRun(job));                 // a handle in a given state, no client behind it
        jobs.ListAsync(Arg.Any<IngestJobListOptions?>(), Arg.Any<AgentsetRequestOptions?>(), Arg.Any<CancellationToken>())
            .Returns(AsyncPageable<IngestJob>.FromPages(Page<IngestJob>.FromValues([job])));
        var client = Substitute.For<AgentsetClient>();
        client.IngestJobs.Returns(jobs);

        // Your code under test, unchanged:
        var run = await client.IngestJobs.StartAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "x" } });
        Console.WriteLine((await run.WaitForCompletionAsync()).Status);     // Succeeded, and no server
        await foreach (var listed in client.IngestJobs.ListAsync())
        {
            Console.WriteLine(listed.Id);
        }
        #endregion
    }
}
