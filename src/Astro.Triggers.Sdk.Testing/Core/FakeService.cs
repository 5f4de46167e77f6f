using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Astro.Triggers.Sdk.Testing.Core;

/// <summary>
/// A stateful fake of one service, running in this process on a random loopback port. Every request goes
/// through one handler: injected faults first, then the service's auth check, then its routes; a
/// <see cref="FakeRejection"/> is answered in the service's own error body.
/// </summary>
public abstract class FakeService : IDisposable, IAsyncDisposable
{
    private readonly FakeRouter _routes = new();

    // Cancelled when the fake is disposed: an injected delay stops waiting at once, so stopping the server does not
    // wait out a pending delay (Kestrel's graceful shutdown waits for every request in flight, up to 30 s).
    private readonly CancellationTokenSource _stopping = new();

    // The current request's RequestAborted, set by the middleware in front of WireMock's, which hands its callback
    // no HttpContext: an injected delay ends when the client goes away.
    private readonly AsyncLocal<CancellationToken> _requestAborted = new();

    private int _disposed;

    private protected FakeService(FakeServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey, "options.ApiKey");
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        ApiKey = options.ApiKey;
        TimeProvider = options.TimeProvider;
        Server = StartOnLoopback();
        BaseAddress = new Uri(FormattableString.Invariant($"http://127.0.0.1:{Server.Ports[0]}/"));
        Server.Given(Request.Create()).RespondWith(Response.Create().WithCallback(HandleAsync));
    }

    /// <summary>The fake's address, <c>http://127.0.0.1:&lt;port&gt;</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The API key (or token) the fake accepts.</summary>
    public string ApiKey { get; }

    /// <summary>The clock the fake's jobs and runs progress on.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Switches that make the next calls fail (429, 5xx, delay, dropped connection).</summary>
    public FaultInjector Faults { get; } = new();

    /// <summary>The underlying WireMock server, e.g. to read <see cref="WireMockServer.LogEntries"/>.</summary>
    public WireMockServer Server { get; }

    /// <summary>The requests the fake has received so far, oldest first.</summary>
    public IReadOnlyList<IRequestMessage> Requests =>
        Server.LogEntries.Select(e => e.RequestMessage).Where(m => m is not null).Cast<IRequestMessage>().ToList();

    /// <summary>Guards the fake's state: handlers run on the server's threads.</summary>
    private protected object Gate { get; } = new();

    private protected DateTimeOffset Now => TimeProvider.GetUtcNow();

    private protected void Map(string method, string template, Func<FakeRequest, RouteValues, FakeResponse> handler) =>
        _routes.Map(method, template, handler);

    /// <summary>The service's auth check; throws a <see cref="FakeRejection"/> (401, 400) to refuse.</summary>
    private protected abstract void Authenticate(FakeRequest request);

    /// <summary>Renders a rejection in the service's error body.</summary>
    private protected abstract FakeResponse Error(FakeRejection rejection);

    /// <summary>The service's 429: <c>Retry-After</c> in seconds unless the service says otherwise.</summary>
    private protected virtual FakeResponse RateLimited(TimeSpan retryAfter) =>
        Error(new FakeRejection(429, "rate_limit_exceeded", "Too many requests."))
            .WithHeader("Retry-After", Math.Ceiling(retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Stops the server promptly: pending injected delays are cancelled first (their calls are not acted
    /// on), then the server stops and closes its connections.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            Server.Stop();
            Server.Dispose();
            _stopping.Dispose();
        }
    }

    private async Task<IResponseMessage> HandleAsync(IRequestMessage message)
    {
        var fault = Faults.TakeNext(kind => kind != FaultKind.DropConnection);
        switch (fault?.Kind)
        {
            case FaultKind.RateLimit:
                return ToMessage(RateLimited(fault.Wait!.Value));
            case FaultKind.ServerError:
                var error = Error(new FakeRejection(fault.Status, "internal_server_error", "The service failed (injected fault)."));
                return ToMessage(fault.Wait is { } wait ? error.WithHeader("Retry-After", ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture)) : error);
            case FaultKind.Delay:
                if (!await DelayAsync(fault.Wait!.Value).ConfigureAwait(false))
                {
                    return ToMessage(Error(new FakeRejection(503, "fake_stopped", "The fake was disposed during an injected delay.")));
                }

                break;
        }

        return ToMessage(Handle(new FakeRequest(message)));
    }

    /// <summary>Waits out an injected delay on the fake's clock. Returns false when the fake is being disposed (the
    /// call must not be acted on); when the client goes away the wait ends early and the call is handled at once,
    /// as a service that had received it would (nobody reads the answer).</summary>
    private async Task<bool> DelayAsync(TimeSpan delay)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, _requestAborted.Value);
        try
        {
            await Task.Delay(delay, TimeProvider, cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return Volatile.Read(ref _disposed) == 0;
    }

    private FakeResponse Handle(FakeRequest request)
    {
        try
        {
            Authenticate(request);
            lock (Gate)
            {
                return _routes.Route(request);
            }
        }
        catch (FakeRejection rejection)
        {
            return Error(rejection);
        }
        catch (JsonException ex)
        {
            return Error(new FakeRejection(400, "bad_request", "The request body is not valid JSON: " + ex.Message));
        }
    }

    private static ResponseMessage ToMessage(FakeResponse response)
    {
        var message = new ResponseMessage { StatusCode = response.Status, Headers = new Dictionary<string, WireMockList<string>>() };
        if (response.ContentType is not null)
        {
            message.Headers["Content-Type"] = new WireMockList<string>(response.ContentType + "; charset=utf-8");
            message.BodyData = new BodyData
            {
                BodyAsString = response.Body,
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            };
        }

        foreach (var (name, value) in response.Headers)
        {
            message.Headers[name] = new WireMockList<string>(value);
        }

        return message;
    }

    // WireMock's own faults still send a status line; a dropped connection needs the ASP.NET Core context, so it is
    // taken in a middleware in front of WireMock's, which aborts the connection before any byte is written. The same
    // middleware hands the request's RequestAborted to the callback (for injected delays).
    private async Task DropConnectionsAsync(HttpContext context, Func<Task> next)
    {
        if (Faults.TakeNext(kind => kind == FaultKind.DropConnection) is not null)
        {
            context.Abort();
            return;
        }

        _requestAborted.Value = context.RequestAborted;

        // The fake's Date is on the fake's clock, as a service's is on its own: clients read an absolute
        // Retry-After against it, so a fake on a FakeTimeProvider stays consistent with itself.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.Date = Now.ToString("r", System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });

        await next().ConfigureAwait(false);
    }

    private WireMockServer StartOnLoopback()
    {
        // Bind 127.0.0.1 only (tests send traffic to loopback, never to the machine's other interfaces). The
        // port comes from the OS; if another process takes it between probe and bind, try again.
        for (var attempt = 1; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            try
            {
                return WireMockServer.Start(new WireMockServerSettings
                {
                    Urls = [$"http://127.0.0.1:{port}"],
                    DisableJsonBodyParsing = true,
                    AllowBodyForAllHttpMethods = true,
                    MaxRequestLogCount = 10_000,
                    PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(DropConnectionsAsync),
                });
            }
            catch (Exception) when (attempt < 3)
            {
                // port taken meanwhile
            }
        }
    }
}
