namespace Astro.Triggers.Cli.Config;

/// <summary>The environment variables, the same as the samples' (README, "Samples"), plus a base URL per service.
/// Secrets are read only from these (or a --config file), never from a flag, so they stay out of shell history and
/// CI logs.</summary>
internal static class EnvNames
{
    public const string AgentsetApiKey = "AGENTSET_API_KEY";
    public const string AgentsetNamespace = "AGENTSET_NAMESPACE_ID";
    public const string AgentsetTenant = "AGENTSET_TENANT_ID";
    public const string AgentsetBaseUrl = "AGENTSET_BASE_URL";

    public const string AstropodToken = "ASTROPOD_TOKEN";
    public const string AstropodAccount = "ASTROPOD_ACCOUNT";
    public const string AstropodDeployment = "ASTROPOD_DEPLOYMENT_ID";
    public const string AstropodBaseUrl = "ASTROPOD_BASE_URL";

    public const string TrueFoundryApiKey = "TFY_API_KEY";
    public const string TrueFoundryBaseUrl = "TFY_BASE_URL";
    public const string TrueFoundryApplication = "TFY_APPLICATION_ID";
    public const string TrueFoundryDeployment = "TFY_DEPLOYMENT_ID";

    public const string ShipyardApiKey = "SHIPYARD_API_KEY";
    public const string ShipyardOrg = "SHIPYARD_ORG_ID";
    public const string ShipyardProject = "SHIPYARD_PROJECT_ID";
    public const string ShipyardFleet = "SHIPYARD_FLEET_ID";
    public const string ShipyardBaseUrl = "SHIPYARD_BASE_URL";

    public const string MixpeekApiKey = "MIXPEEK_API_KEY";
    public const string MixpeekNamespace = "MIXPEEK_NAMESPACE";
    public const string MixpeekBaseUrl = "MIXPEEK_BASE_URL";
    public const string MixpeekCluster = "MIXPEEK_CLUSTER_ID";
}
