using System.Collections.Frozen;
using Astro.Triggers.Sdk.Shipyard.Generated;

namespace Astro.Triggers.Sdk.Shipyard;

/// <summary>Shipyard fleet-run statuses in the common model. Shipyard documents Scheduled and Running; the rest
/// are the states its console shows. Anything else maps to unknown (waiting goes on) unless
/// <see cref="ShipyardClientOptions.StatusMapping"/> says otherwise.</summary>
public static class FleetRunStatusMap
{
    /// <summary>Scheduled, Queued, Pending → queued; Running, Retrying → running; Success, Succeeded, Completed →
    /// succeeded; Errored, Failed, Error, Incomplete, Memory Error → failed; Cancelled, Canceled → cancelled.</summary>
    /// <remarks>The words are the document's (<c>x-astro-run-status</c> on <c>FleetRunStatus</c> in
    /// openapi/shipyard.yaml), generated; matched case-insensitively.</remarks>
    public static readonly FrozenDictionary<string, RunStatus> Defaults =
        ShipyardRunStatuses.FleetRunStatusWords.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The common status of a Shipyard status string.</summary>
    /// <param name="status">The "Status" column; null while the run is not yet visible.</param>
    /// <param name="overrides">Mappings that take precedence, e.g. from <see cref="ShipyardClientOptions.StatusMapping"/>.</param>
    /// <returns>The common status: queued while not yet visible, unknown for a status nobody mapped.</returns>
    public static RunStatus ToRunStatus(string? status, IDictionary<string, RunStatus>? overrides = null)
    {
        if (string.IsNullOrWhiteSpace(status))
        {
            return RunStatus.Queued;
        }

        var trimmed = status.Trim();
        if (overrides is not null)
        {
            foreach (var (key, value) in overrides)
            {
                if (string.Equals(key, trimmed, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }
        }

        return Defaults.TryGetValue(trimmed, out var mapped) ? mapped : RunStatus.Unknown;
    }
}
