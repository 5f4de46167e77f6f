using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WireMock;
using WireMock.Server;
using WireMock.Settings;

namespace Astro.Triggers.Sdk.Tests.Infrastructure;

/// <summary>A WireMock server on a random loopback port, one per test class instance.</summary>
public abstract class WireMockTestBase : IDisposable
{
    protected WireMockTestBase()
    {
        Server = WireMockServer.Start(new WireMockServerSettings
        {
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(StampDateAsync),
        });
    }

    /// <summary>The server's clock, sent as its <c>Date</c> header (an absolute Retry-After is read against it):
    /// real time here, the tests' virtual clock in client tests, so server and client agree unless a test says otherwise.</summary>
    protected virtual DateTimeOffset ServerNow => DateTimeOffset.UtcNow;

    protected WireMockServer Server { get; }

    protected Uri BaseAddress => new(Server.Url!);

    /// <summary>The single request the server saw (asserts there was exactly one).</summary>
    protected IRequestMessage SingleRequest()
    {
        var entries = Server.LogEntries.ToList();
        entries.Should().HaveCount(1, "the call should have sent exactly one request");
        return entries[0].RequestMessage!;
    }

    private Task StampDateAsync(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.Date = ServerNow.ToString("r", CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        return next();
    }

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
        GC.SuppressFinalize(this);
    }
}
