using Astro.Triggers.Cli.Offline;

namespace Astro.Triggers.Cli.Fakes;

/// <summary><c>--offline</c>: the service's fake in this process, with short phases so a <c>--wait</c> ends in about a
/// second; stopped when the command ends.</summary>
internal sealed class EmbeddedFakes : IOfflineServices
{
    public OfflineService Start(string service)
    {
        var fake = FakeEnvironment.Start(service, fast: true);
        return new OfflineService(FakeEnvironment.For(fake, fake.BaseAddress.ToString()), fake);
    }
}
