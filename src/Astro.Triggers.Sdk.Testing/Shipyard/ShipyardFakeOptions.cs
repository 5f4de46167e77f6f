using Astro.Triggers.Sdk.Testing.Core;

namespace Astro.Triggers.Sdk.Testing.Shipyard;

/// <summary>Settings of a <see cref="ShipyardFake"/>.</summary>
public sealed class ShipyardFakeOptions : FakeServiceOptions
{
    /// <summary>The organisation id of the fleet the fake starts with. Default <c>org-fake</c>.</summary>
    public string OrgId { get; set; } = "org-fake";

    /// <summary>The project id of that fleet. Default <c>proj-fake</c>.</summary>
    public string ProjectId { get; set; } = "proj-fake";

    /// <summary>The fleet id. Default <c>fleet-fake</c>.</summary>
    public string FleetId { get; set; } = "fleet-fake";

    /// <summary>The fleet's name, shown in the runs CSV. Default <c>Fake fleet</c>.</summary>
    public string FleetName { get; set; } = "Fake fleet";

    /// <summary>The fleet's vessel names; overrides must name one of them (case-sensitive). Default <c>Extract</c>, <c>Load</c>.</summary>
    public IList<string> Vessels { get; init; } = ["Extract", "Load"];

    /// <summary>How long a run is Scheduled before Running. Default 500 ms.</summary>
    public TimeSpan ScheduledTime { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a run is Running before Success (or Errored). Default 2 s.</summary>
    public TimeSpan RunTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long after the trigger a run first appears in the runs CSV (Shipyard lists runs with a lag). Default 0.</summary>
    public TimeSpan ListingDelay { get; set; } = TimeSpan.Zero;
}
