using WireMock;
using WireMock.Server;

namespace Astro.Triggers.Sdk.Tests.Infrastructure;

/// <summary>A WireMock server on a random loopback port, one per test class instance.</summary>
public abstract class WireMockTestBase : IDisposable
{
    protected WireMockTestBase()
    {
        Server = WireMockServer.Start();
    }

    protected WireMockServer Server { get; }

    protected Uri BaseAddress => new(Server.Url!);

    /// <summary>The single request the server saw (asserts there was exactly one).</summary>
    protected IRequestMessage SingleRequest()
    {
        var entries = Server.LogEntries.ToList();
        entries.Should().HaveCount(1, "the call should have sent exactly one request");
        return entries[0].RequestMessage!;
    }

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
        GC.SuppressFinalize(this);
    }
}
