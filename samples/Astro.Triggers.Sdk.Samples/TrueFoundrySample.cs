using Astro.Triggers.Sdk;
using Astro.Triggers.Sdk.Testing.TrueFoundry;
using Astro.Triggers.Sdk.TrueFoundry;

namespace Astro.Triggers.Sdk.Samples;

/// <summary>Trigger a job run, follow it to the end, list the job's recent runs.
/// Real service: TFY_BASE_URL (your control plane), TFY_API_KEY, TFY_APPLICATION_ID.</summary>
internal static class TrueFoundrySample
{
    public static async Task RunAsync(Steps steps)
    {
        void Say(string text) => steps.Say("TrueFoundry", text);
        var key = Steps.Env("TFY_API_KEY");
        await using var fake = key is null
            ? TrueFoundryFake.Start(new TrueFoundryFakeOptions { SchedulingTime = TimeSpan.FromMilliseconds(100), RunTime = TimeSpan.FromMilliseconds(400) })
            : null;
        var options = fake?.CreateClientOptions() ?? new TrueFoundryClientOptions
        {
            ApiKey = key,
            BaseAddress = Steps.BaseUrl("TFY_BASE_URL", fallback: null, " (your control plane) with TFY_API_KEY"),
        };
        var applicationId = fake?.ApplicationId ?? Steps.Need("TFY_APPLICATION_ID", " with TFY_API_KEY");
        Say(fake is null ? $"real control plane at {options.BaseAddress}" : $"offline fake at {fake.BaseAddress}");
        using var client = new TrueFoundryClient(options);

        var run = await client.JobRuns.StartAsync(new TriggerJobRequest
        {
            ApplicationId = applicationId,
            Input = new JobRunInput { Command = "python etl.py", Params = new Dictionary<string, object> { ["day"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } },
        });
        Say($"triggered run {run.Id} ({run.RawStatus})");
        await run.WaitForCompletionAsync(Wait.Options, new StatusChanges(Say));
        Say($"{run.Id} finished: {run.Status}, exit code {run.Value.ExitCode}");

        var recent = await client.JobRuns.ListAsync(applicationId, new JobRunListOptions { PageSize = 5 }).AsPages().FirstAsync();
        Say($"latest runs: {string.Join(", ", recent.Items.Select(r => $"{r.Name} {r.Status}"))}");
    }
}
