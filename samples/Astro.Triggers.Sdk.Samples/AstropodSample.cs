using Astro.Triggers.Sdk;
using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Testing.Astropod;

namespace Astro.Triggers.Sdk.Samples;

/// <summary>Find a deployment's manual ingestion sources and trigger one. Astropod has no status endpoint, so there
/// is nothing to wait for. Real service: ASTROPOD_TOKEN, ASTROPOD_ACCOUNT (and optionally ASTROPOD_DEPLOYMENT_ID, ASTROPOD_BASE_URL).</summary>
internal static class AstropodSample
{
    public static async Task RunAsync(Steps steps)
    {
        void Say(string text) => steps.Say("Astropod", text);
        var token = Steps.Env("ASTROPOD_TOKEN");
        await using var fake = token is null ? AstropodFake.Start() : null;
        var options = fake?.CreateClientOptions() ?? new AstropodClientOptions { ApiKey = token, BaseAddress = Steps.BaseUrl("ASTROPOD_BASE_URL", AstropodClientOptions.DefaultBaseAddress) };
        var account = fake?.Account ?? Steps.Need("ASTROPOD_ACCOUNT", " with ASTROPOD_TOKEN");
        Say(fake is null ? $"real service at {options.BaseAddress}" : $"offline fake at {fake.BaseAddress}");
        using var client = new AstropodClient(options);

        var deployments = await client.Deployments.ListAsync(account).ToListAsync();
        var deployment = Steps.Env("ASTROPOD_DEPLOYMENT_ID") is { } id
            ? deployments.FirstOrDefault(d => d.Id == id)
                ?? throw new MissingSettingException($"ASTROPOD_DEPLOYMENT_ID {id} is not one of account {account}'s {deployments.Count} deployment(s)")
            : deployments.FirstOrDefault()
                ?? throw new MissingSettingException($"account {account} has no deployment: create one in Astropod or set ASTROPOD_DEPLOYMENT_ID");
        Say($"{deployments.Count} deployment(s); using {deployment.Id} (namespace {deployment.Namespace})");
        var sources = await client.Deployments.ListIngestionSourcesAsync(deployment.Id).ToListAsync();
        Say($"ingestion sources: {string.Join(", ", sources.Select(s => s.Schedule is null ? s.Name + " (manual)" : $"{s.Name} ({s.Schedule})"))}");

        var manual = sources.FirstOrDefault(s => s.Schedule is null);
        if (manual is null)
        {
            Say("no manual ingestion source to trigger");
            return;
        }

        var started = await client.Ingestions.StartAsync(deployment.Namespace!, manual.Name, account);
        Say($"triggered: {started}");
    }
}
