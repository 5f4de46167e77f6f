using Astro.Triggers.Cli.Config;
using Astro.Triggers.Sdk.Testing.Agentset;
using Astro.Triggers.Sdk.Testing.Astropod;
using Astro.Triggers.Sdk.Testing.Core;
using Astro.Triggers.Sdk.Testing.Mixpeek;
using Astro.Triggers.Sdk.Testing.Shipyard;
using Astro.Triggers.Sdk.Testing.TrueFoundry;

namespace Astro.Triggers.Cli.Fakes;

/// <summary>Starts the fakes and describes each by the environment variables a client of the real service sets, so
/// `--offline`, `fakes --env-file` and the JSON `fakes` prints all say the same thing.</summary>
internal static class FakeEnvironment
{
    /// <summary>Starts one fake; <paramref name="fast"/> shortens every phase to a fraction of a second.</summary>
    public static FakeService Start(string service, bool fast) => service switch
    {
        ServiceNames.Agentset => AgentsetFake.Start(fast
            ? new AgentsetFakeOptions { QueuedTime = TimeSpan.FromMilliseconds(150), PreProcessingTime = TimeSpan.FromMilliseconds(100), ProcessingTime = TimeSpan.FromMilliseconds(250), DeletionTime = TimeSpan.FromMilliseconds(200) }
            : new AgentsetFakeOptions()),
        ServiceNames.Astropod => AstropodFake.Start(),
        ServiceNames.TrueFoundry => TrueFoundryFake.Start(fast
            ? new TrueFoundryFakeOptions { SchedulingTime = TimeSpan.FromMilliseconds(100), RunTime = TimeSpan.FromMilliseconds(400), TerminationTime = TimeSpan.FromMilliseconds(200) }
            : new TrueFoundryFakeOptions()),
        ServiceNames.Shipyard => ShipyardFake.Start(fast
            ? new ShipyardFakeOptions { ScheduledTime = TimeSpan.FromMilliseconds(150), RunTime = TimeSpan.FromMilliseconds(400) }
            : new ShipyardFakeOptions()),
        ServiceNames.Mixpeek => MixpeekFake.Start(fast ? new MixpeekFakeOptions { TaskStepTime = TimeSpan.FromMilliseconds(150) } : new MixpeekFakeOptions()),
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "unknown service"),
    };

    /// <summary>The variables that point a client at <paramref name="fake"/> (reachable at <paramref name="baseUrl"/>).</summary>
    public static Dictionary<string, string> For(FakeService fake, string baseUrl)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (fake)
        {
            case AgentsetFake agentset:
                env[EnvNames.AgentsetBaseUrl] = baseUrl;
                env[EnvNames.AgentsetApiKey] = fake.ApiKey;
                env[EnvNames.AgentsetNamespace] = agentset.NamespaceId;
                break;
            case AstropodFake astropod:
                env[EnvNames.AstropodBaseUrl] = baseUrl;
                env[EnvNames.AstropodToken] = fake.ApiKey;
                env[EnvNames.AstropodAccount] = astropod.Account;
                env[EnvNames.AstropodDeployment] = astropod.DeploymentId;
                break;
            case TrueFoundryFake tfy:
                env[EnvNames.TrueFoundryBaseUrl] = baseUrl;
                env[EnvNames.TrueFoundryApiKey] = fake.ApiKey;
                env[EnvNames.TrueFoundryApplication] = tfy.ApplicationId;
                env[EnvNames.TrueFoundryDeployment] = tfy.DeploymentId;
                break;
            case ShipyardFake shipyard:
                env[EnvNames.ShipyardBaseUrl] = baseUrl;
                env[EnvNames.ShipyardApiKey] = fake.ApiKey;
                env[EnvNames.ShipyardOrg] = shipyard.OrgId;
                env[EnvNames.ShipyardProject] = shipyard.ProjectId;
                env[EnvNames.ShipyardFleet] = shipyard.FleetId;
                break;
            case MixpeekFake mixpeek:
                env[EnvNames.MixpeekBaseUrl] = baseUrl;
                env[EnvNames.MixpeekApiKey] = fake.ApiKey;
                env[EnvNames.MixpeekNamespace] = mixpeek.NamespaceId;
                break;
        }

        return env;
    }
}
