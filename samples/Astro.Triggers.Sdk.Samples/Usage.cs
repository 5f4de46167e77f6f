namespace Astro.Triggers.Sdk.Samples;

/// <summary>What <c>--help</c> prints: the sub-commands and the environment variables that switch a sample from its
/// offline fake to the real service.</summary>
internal static class Usage
{
    public const string Text = """
        Astro.Triggers.Sdk samples: each service's common flow, printed step by step.

        Usage: dotnet run --project samples/Astro.Triggers.Sdk.Samples -c Release -- [--help] [SAMPLE...]

        Samples (default: all):
          all          every sample below, in this order
          agentset     create an ingest job, wait for it, page through the jobs
          astropod     list deployments and their ingestion sources, trigger a manual ingestion
          truefoundry  trigger a job run with parameters, wait for it, list recent runs
          shipyard     trigger a fleet run with per-vessel environment overrides, wait for it
          mixpeek      create a cron trigger, preview its fire times, execute, pause, delete it

        Options:
          -h, --help   show this text and exit

        Each sample runs against its embedded offline fake (Astro.Triggers.Sdk.Testing) unless its service's
        variables are set; then it calls the real service and starts real jobs:
          Agentset     AGENTSET_API_KEY, AGENTSET_NAMESPACE_ID (optional: AGENTSET_BASE_URL)
          Astropod     ASTROPOD_TOKEN, ASTROPOD_ACCOUNT (optional: ASTROPOD_DEPLOYMENT_ID, ASTROPOD_BASE_URL)
          TrueFoundry  TFY_API_KEY, TFY_BASE_URL (your control plane), TFY_APPLICATION_ID
          Shipyard     SHIPYARD_API_KEY, SHIPYARD_ORG_ID, SHIPYARD_PROJECT_ID, SHIPYARD_FLEET_ID (optional: SHIPYARD_BASE_URL)
          Mixpeek      MIXPEEK_API_KEY, MIXPEEK_NAMESPACE (optional: MIXPEEK_CLUSTER_ID, default clu_demo; MIXPEEK_BASE_URL)
        Every <SERVICE>_BASE_URL (TFY_BASE_URL for TrueFoundry) replaces the service's public address, so the file
        `astro-triggers fakes --env-file fakes.env` writes points every sample at those fakes once loaded (set -a; . fakes.env).

        Exit codes (astro-triggers' own): 0 done, 1 a run failed or was cancelled, 2 unknown sample or a missing/invalid
          setting, 3 a run did not end in time, 4 a service refused a call, 5 no usable answer (unreachable, timed out,
          unreadable).
        """;
}
