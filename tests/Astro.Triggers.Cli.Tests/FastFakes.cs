using Astro.Triggers.Sdk.Testing.Agentset;
using Astro.Triggers.Sdk.Testing.Mixpeek;
using Astro.Triggers.Sdk.Testing.Shipyard;
using Astro.Triggers.Sdk.Testing.TrueFoundry;

namespace Astro.Triggers.Cli.Tests;

/// <summary>Fakes whose runs end in well under a second, and the poll interval that follows them closely.</summary>
internal static class FastFakes
{
    public const string Poll = "50ms";

    public static AgentsetFake Agentset() => AgentsetFake.Start(new AgentsetFakeOptions
    {
        QueuedTime = TimeSpan.FromMilliseconds(100), PreProcessingTime = TimeSpan.FromMilliseconds(50), ProcessingTime = TimeSpan.FromMilliseconds(150),
    });

    public static TrueFoundryFake TrueFoundry() => TrueFoundryFake.Start(new TrueFoundryFakeOptions
    {
        SchedulingTime = TimeSpan.FromMilliseconds(80), RunTime = TimeSpan.FromMilliseconds(200), TerminationTime = TimeSpan.FromMilliseconds(100),
    });

    public static ShipyardFake Shipyard() => ShipyardFake.Start(new ShipyardFakeOptions { ScheduledTime = TimeSpan.FromMilliseconds(80), RunTime = TimeSpan.FromMilliseconds(200) });

    public static MixpeekFake Mixpeek() => MixpeekFake.Start(new MixpeekFakeOptions { TaskStepTime = TimeSpan.FromMilliseconds(80) });
}
