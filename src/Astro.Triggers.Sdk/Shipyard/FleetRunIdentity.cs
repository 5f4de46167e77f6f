namespace Astro.Triggers.Sdk.Shipyard;

/// <summary>What Shipyard answered to a fleet trigger: the run id, where it belongs, and the request id.</summary>
/// <param name="RequestId">The trigger's request id, for support.</param>
/// <param name="OrgId">The organisation id.</param>
/// <param name="ProjectId">The project id.</param>
/// <param name="FleetId">The fleet id.</param>
/// <param name="FleetRunId">The run id ("Fleet Log ID" in the runs CSV).</param>
/// <param name="LogUrl">A link to the run's log, when the service sent one.</param>
public sealed record FleetRunIdentity(string? RequestId, string OrgId, string ProjectId, string FleetId, string FleetRunId, string? LogUrl);
