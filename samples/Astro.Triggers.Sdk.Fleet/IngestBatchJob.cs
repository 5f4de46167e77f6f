using Astro.Triggers.Sdk.Agentset;
using Quartz;

namespace Astro.Triggers.Sdk.Fleet;

/// <summary>One batch of documents to ingest into Agentset: a Quartz job that requests recovery, so when the worker
/// running it dies, another node of the cluster runs it again (<see cref="IJobExecutionContext.Recovering"/>). Running it
/// again never creates a document twice and never restarts a run:
/// <list type="number">
/// <item>a document whose run was saved as a resume token is resumed (<see cref="AgentsetClient.ResumeRun"/>);</item>
/// <item>a document whose create may have been sent (marked before sending) but whose run was not saved is looked up by
/// its ExternalId among the namespace's jobs; found, it is adopted;</item>
/// <item>the rest are started with their ExternalId through the reconciled start (an ambiguous answer is looked up, not
/// resent blindly), and each run is saved as a resume token as soon as it starts;</item>
/// <item>every run is followed to its end through one run group, and each end is saved.</item>
/// </list></summary>
internal sealed class IngestBatchJob(AgentsetClient client, DocumentStore store, FleetSettings settings) : IJob
{
    public const string BatchKey = "batch";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await RunAsync(context, cancellationToken);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or AstroTriggersException && !cancellationToken.IsCancellationRequested)
        {
            // PostgreSQL or the service went away mid-batch: run the batch again after a pause. Safe by construction: the
            // re-run resumes the saved runs and looks up the creates that may have been sent.
            Console.WriteLine($"fleet: worker={settings.Worker} batch failed ({ex.GetType().Name}: {ex.Message}); re-run in 2 s");
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            throw new JobExecutionException(ex) { RefireImmediately = true };
        }
    }

    private async Task RunAsync(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var batch = context.MergedJobDataMap.GetInt(BatchKey);
        var execution = await store.BeginExecutionAsync(batch, settings.Worker, context.Recovering, cancellationToken);
        Console.WriteLine($"fleet: worker={settings.Worker} batch={batch} recovering={context.Recovering} begin");
        var documents = await store.LoadBatchAsync(batch, cancellationToken);
        var group = new RunGroup<IngestJobRun>(options: new RunWaitOptions
        {
            PollInterval = TimeSpan.FromMilliseconds(500), MaxPollInterval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromMinutes(30),
        });
        var externalIds = new Dictionary<IngestJobRun, string>(ReferenceEqualityComparer.Instance);
        void Follow(IngestJobRun run, string externalId)
        {
            externalIds[run] = externalId;
            group.Add(run);
        }

        // 1. Runs saved by an earlier execution (this job's, on a worker that died): resumed, not started again.
        var open = documents.Where(d => d.Status is null).ToList();
        var resumed = 0;
        foreach (var document in open.Where(d => d.ResumeToken is not null))
        {
            Follow(client.ResumeRun(document.ResumeToken!), document.ExternalId);
            resumed++;
        }

        // 2. Creates that may have been sent without their run being saved: looked up by ExternalId.
        var unsure = open.Where(d => d.ResumeToken is null && d.SendingSince is not null).ToList();
        var adopted = new HashSet<string>(StringComparer.Ordinal);
        if (unsure.Count > 0)
        {
            var wanted = unsure.ToDictionary(d => d.ExternalId, StringComparer.Ordinal);
            var since = unsure.Min(d => d.SendingSince!.Value) - ClockSkew;
            var newestFirst = new IngestJobListOptions { Order = SortDirection.Descending, PageSize = 100 };
            await foreach (var job in client.IngestJobs.ListAsync(newestFirst, cancellationToken: cancellationToken))
            {
                if (job.CreatedAt < since)
                {
                    break;
                }

                if (job.ExternalId is { } id && wanted.Remove(id))
                {
                    var run = client.IngestJobs.Track(job);
                    await store.SaveStartedAsync(id, run.ResumeToken!, settings.Worker, cancellationToken);
                    Follow(run, id);
                    adopted.Add(id);
                }
            }
        }

        // 3. The rest: started with their ExternalId, each run saved the moment it starts.
        var toStart = open.Where(d => d.ResumeToken is null && !adopted.Contains(d.ExternalId)).ToList();
        var started = 0;
        if (toStart.Count > 0)
        {
            await store.MarkSendingAsync([.. toStart.Select(d => d.ExternalId)], cancellationToken);
            var requests = toStart.Select(d => new CreateIngestJobRequest { Payload = new TextPayload { Text = d.Text }, ExternalId = d.ExternalId });
            await foreach (var outcome in client.IngestJobs.StartManyAsync(
                requests, new StartManyOptions { MaxConcurrency = settings.StartConcurrency }, cancellationToken: cancellationToken))
            {
                var id = outcome.Request.ExternalId!;
                if (outcome.Kind == StartOutcomeKind.Started)
                {
                    await store.SaveStartedAsync(id, outcome.Run!.ResumeToken!, settings.Worker, cancellationToken);
                    Follow(outcome.Run, id);
                    started++;
                }
                else
                {
                    // Refused (the service said no) or ambiguous and undecidable: recorded, never resent blindly.
                    Console.WriteLine($"fleet: worker={settings.Worker} batch={batch} {id} {outcome.Kind}: {outcome.Error?.Message}");
                    await store.SaveEndedAsync(id, outcome.Kind.ToString(), settings.Worker, cancellationToken);
                }
            }
        }

        // 4. Every run followed to its end (statuses read a page of the namespace's jobs at a time).
        await foreach (var result in group.WhenEachAsync(cancellationToken: cancellationToken))
        {
            await store.SaveEndedAsync(externalIds[result.Run], result.Status.ToString(), settings.Worker, cancellationToken);
        }

        await store.EndExecutionAsync(execution, started, resumed, adopted.Count, cancellationToken);
        Console.WriteLine($"fleet: worker={settings.Worker} batch={batch} end started={started} resumed={resumed} adopted={adopted.Count}");
    }
}
