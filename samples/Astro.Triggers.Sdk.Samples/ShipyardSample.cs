using Astro.Triggers.Sdk;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Testing.Shipyard;

namespace Astro.Triggers.Sdk.Samples;

/// <summary>Trigger a fleet run with a vessel override and follow it through the runs CSV.
/// Real service: SHIPYARD_API_KEY, SHIPYARD_ORG_ID, SHIPYARD_PROJECT_ID, SHIPYARD_FLEET_ID (and optionally SHIPYARD_BASE_URL).</summary>
internal static class ShipyardSample
{
    public static async Task RunAsync(Steps steps)
    {
        void Say(string text) => steps.Say("Shipyard", text);
        var key = Steps.Env("SHIPYARD_API_KEY");
        await using var fake = key is null
            ? ShipyardFake.Start(new ShipyardFakeOptions { ScheduledTime = TimeSpan.FromMilliseconds(150), RunTime = TimeSpan.FromMilliseconds(400) })
            : null;
        var options = fake?.CreateClientOptions() ?? new ShipyardClientOptions { ApiKey = key, BaseAddress = Steps.BaseUrl("SHIPYARD_BASE_URL", ShipyardClientOptions.DefaultBaseAddress) };
        string Need(string name) => Steps.Need(name, " with SHIPYARD_API_KEY");
        var (org, project, fleet) = fake is not null
            ? (fake.OrgId, fake.ProjectId, fake.FleetId)
            : (Need("SHIPYARD_ORG_ID"), Need("SHIPYARD_PROJECT_ID"), Need("SHIPYARD_FLEET_ID"));
        Say(fake is null ? $"real service at {options.BaseAddress}" : $"offline fake at {fake.BaseAddress}");
        using var client = new ShipyardClient(options);

        IEnumerable<VesselOverride>? overrides = fake is null
            ? null
            : [new VesselOverride { Name = "Load", EnvironmentVariableOverrides = new Dictionary<string, string?> { ["TARGET"] = "staging" } }];
        var run = await client.FleetRuns.StartAsync(org, project, fleet, overrides);
        Say($"triggered fleet run {run.Id}");
        await run.WaitForCompletionAsync(Wait.Options, new StatusChanges(Say));
        Say($"{run.Id} finished: {run.Status} ({run.RawStatus})");
    }
}
