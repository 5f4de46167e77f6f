using Astro.Triggers.Sdk;
using System.Diagnostics;
using System.Globalization;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.AotSample;
using Astro.Triggers.Sdk.Mixpeek;
using Microsoft.Extensions.DependencyInjection;

// The SDK under Native AOT: DI + IHttpClientFactory, the default pipeline, source-generated JSON, Mixpeek's
// hand-written config (de)serialization. Exits 0 only when every step saw what it should.
var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
// Output in invariant formats (ISO 8601 dates), the same whatever the machine's culture or globalization mode.
void Say(string text) => Console.WriteLine(FormattableString.Invariant($"[{(DateTime.UtcNow - started).TotalMilliseconds,6:0} ms since start] {text}"));

var services = new ServiceCollection();
var offline = new Uri("https://offline.invalid/");
services.AddAgentsetClient(o => { o.ApiKey = "aot-key"; o.NamespaceId = "ns_aot"; o.BaseAddress = offline; })
    .ConfigurePrimaryHttpMessageHandler(() => new OfflineServices());
services.AddMixpeekClient(o => { o.ApiKey = "aot-key"; o.Namespace = "ns_aot"; o.BaseAddress = offline; })
    .ConfigurePrimaryHttpMessageHandler(() => new OfflineServices());
await using var provider = services.BuildServiceProvider();
var agentset = provider.GetRequiredService<AgentsetClient>();
var mixpeek = provider.GetRequiredService<MixpeekClient>();

var runs = new List<IngestJobRun>();
for (var i = 0; i < 3; i++)
{
    runs.Add(await agentset.IngestJobs.StartAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "hello " + i } }));
}

Say($"created {string.Join(", ", runs.Select(r => r.Id))}");
foreach (var run in runs)
{
    await run.WaitForCompletionAsync(new RunWaitOptions { PollInterval = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromSeconds(10) });
}

Say($"all {(runs.TrueForAll(r => r.Status == RunStatus.Succeeded) ? "succeeded" : "did NOT succeed")}");
var pages = 0;
var listed = 0;
await foreach (var page in agentset.IngestJobs.ListAsync(new IngestJobListOptions { PageSize = 2 }).AsPages())
{
    pages++;
    listed += page.Items.Count;
}

Say($"listed {listed} jobs on {pages} pages");
var trigger = await mixpeek.Triggers.CreateAsync(new CreateTriggerRequest(new ClusterAction("clu_1"), new CronSchedule("30 2 * * *", "UTC")));
var cron = trigger.Schedule as CronSchedule;
var nextFires = (cron?.GetNextFireTimes(DateTimeOffset.UtcNow, 2) ?? []).Select(t => t.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture));
Say($"Mixpeek trigger {trigger.TriggerId}: {trigger.Action.ActionType} on '{cron?.CronExpression}', next {string.Join(", ", nextFires)}");

var ok = runs.TrueForAll(r => r.Status == RunStatus.Succeeded) && listed == 3 && pages == 2 && cron?.CronExpression == "30 2 * * *";
Say(ok ? "AOT sample OK" : "AOT sample FAILED");
return ok ? 0 : 1;
