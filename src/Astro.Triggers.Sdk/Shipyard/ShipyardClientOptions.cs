using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Shipyard;

/// <summary>Settings of a <see cref="ShipyardClient"/>. Bind from configuration (e.g. section "Shipyard").
/// <see cref="ServiceClientOptions.ApiKey"/> is sent as <c>X-Shipyard-API-Key</c>.</summary>
public sealed class ShipyardClientOptions : ServiceClientOptions
{
    /// <summary>Shipyard's public API address.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.app.shipyardapp.com");

    /// <summary>Creates options with Shipyard's public base address.</summary>
    public ShipyardClientOptions()
    {
        BaseAddress = DefaultBaseAddress;
    }

    /// <summary>Extra or corrected mappings of Shipyard's run statuses (the "Status" column, compared
    /// case-insensitively) onto the common model, applied over <see cref="FleetRunStatusMap.Defaults"/>.
    /// Shipyard does not publish its full list, so a status it adds later can be mapped here.</summary>
    /// <value>The default value is an empty map.</value>
    public IDictionary<string, RunStatus> StatusMapping { get; init; } = new Dictionary<string, RunStatus>(StringComparer.OrdinalIgnoreCase);
}
