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
    private readonly RequestRecorder _recorder = new();

    // Cancelled when the fake is disposed: an injected delay stops waiting at once, so stopping the server does not
    // wait out a pending delay (Kestrel's graceful shutdown waits for every request in flight, up to 30 s).
    private readonly CancellationTokenSource _stopping = new();

    // What the middleware in front of WireMock's decided for the current request (its RequestAborted and the fault it
    // took), handed to WireMock's callback, which gets no HttpContext. One decision per request: the fault is taken
    // once, where the method, raw path and operationId are known, whichever of the two places acts on it.
    private readonly AsyncLocal<Arrival?> _arrival = new();

    private int _disposed;
    private int _inFlight;
    private int _maxInFlight;

    private protected FakeService(FakeServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey, "options.ApiKey");
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        ApiKey = options.ApiKey;
        TimeProvider = options.TimeProvider;
        Faults = new FaultInjector(_routes);
        Server = StartOnLoopback(options.CompressResponses);
        BaseAddress = new Uri(FormattableString.Invariant($"http://127.0.0.1:{Server.Ports[0]}/"));
        Server.Given(Request.Create()).RespondWith(Response.Create().WithCallback(HandleAsync));
    }

    /// <summary>The fake's address, <c>http://127.0.0.1:&lt;port&gt;</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The API key (or token) the fake accepts.</summary>
    public string ApiKey { get; }

    /// <summary>The clock the fake's jobs and runs progress on.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Switches that make the next calls fail (429, 5xx, delay, dropped connection), for every call or, through
    /// <see cref="FaultInjector.For(string)"/>, for one operation.</summary>
    public FaultInjector Faults { get; }

    /// <summary>The most requests the fake has been handling at the same moment since it started, each from its arrival
    /// until its answer starts (dropped connections not counted): what a test of a client's concurrency limit asserts.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>The requests the fake has received so far, oldest first (the last <c>10 000</c>): each recorded on
    /// arrival, faulted or not, with secrets masked. A new list on every read; later requests do not change it.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _recorder.Snapshot();

    // Internal on purpose: a public WireMock type would bind users' tests to WireMock's API and versions (the package's
    // own RecordedRequest and FaultInjector cover what tests need); the fakes may move off WireMock without a break.
    internal WireMockServer Server { get; }

    /// <summary>Guards the fake's state: handlers run on the server's threads.</summary>
    private protected object Gate { get; } = new();

    private protected DateTimeOffset Now => TimeProvider.GetUtcNow();

    /// <summary>Maps a route; <paramref name="operationId"/> is the operation's id in the service's <c>openapi/*.yaml</c>.</summary>
    private protected void Map(string operationId, string method, string template, Func<FakeRequest, RouteValues, FakeResponse> handler) =>
        _routes.Map(operationId, method, template, handler);

    /// <summary>The credentials masked in <see cref="Requests"/>: the key by default; a fake whose key changes adds the others.</summary>
    private protected virtual IEnumerable<string> Secrets => [ApiKey];

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
        var fault = _arrival.Value?.Fault;
        switch (fault?.Kind)
        {
            case FaultKind.RateLimit:
                return ToMessage(RateLimited(fault.Wait!.Value));
            case FaultKind.ServerError:
                // The code names the injected status (a 503 is not an "internal_server_error").
                var code = fault.Status switch
                {
                    502 => "bad_gateway",
                    503 => "service_unavailable",
                    504 => "gateway_timeout",
                    _ => "internal_server_error",
                };
                var error = Error(new FakeRejection(fault.Status, code, "The service failed (injected fault)."));
                return ToMessage(fault.Wait is { } wait ? error.WithHeader("Retry-After", ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture)) : error);
            case FaultKind.ServerErrorAfterProcessing:
            {
                // Acted on first (the job is created), then the answer is lost behind a 500: the ambiguous case. A call
                // the fake refused (a 4xx, its own 429) was not acted on: it gets its real answer.
                var acted = Handle(new FakeRequest(message));
                if (acted.Status >= 300)
                {
                    return ToMessage(acted);
                }

                return ToMessage(Error(new FakeRejection(fault.Status, fault.Status == 500 ? "internal_server_error" : "server_error",
                    "The service failed after acting on the request (injected fault).")));
            }

            case FaultKind.DropConnectionAfterProcessing:
            {
                var acted = Handle(new FakeRequest(message));
                if (acted.Status >= 300)
                {
                    return ToMessage(acted);
                }

                _arrival.Value?.Abort();
                return ToMessage(Error(new FakeRejection(500, "connection_reset", "Never sent: the connection was reset.")));
            }

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
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, _arrival.Value?.RequestAborted ?? default);
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
        FakeResponse response;
        try
        {
            Authenticate(request);
            response = Admit(request) ?? Route(request);
        }
        catch (FakeRejection rejection)
        {
            response = Error(rejection);
        }
        catch (JsonException ex)
        {
            response = Error(new FakeRejection(400, "bad_request", "The request body is not valid JSON: " + ex.Message));
        }

        foreach (var (name, value) in request.ResponseHeaders)
        {
            response.Headers[name] = value;
        }

        return response;
    }

    private FakeResponse Route(FakeRequest request)
    {
        lock (Gate)
        {
            return _routes.Route(request);
        }
    }

    /// <summary>Admission after the auth check, before the routes (e.g. a rate limit): an answer refuses the request;
    /// null lets it through. Headers put in <see cref="FakeRequest.ResponseHeaders"/> go on whatever is answered.</summary>
    private protected virtual FakeResponse? Admit(FakeRequest request) => null;

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

    // Every request passes this middleware, in front of WireMock's, first: it is recorded (WireMock's own log would
    // expose WireMock's types and miss dropped connections), its fault is taken, and a dropped connection is done here
    // because it needs the ASP.NET Core context (WireMock's own faults still send a status line): the connection is
    // aborted before any byte is written.
    private async Task ArriveAsync(HttpContext context, Func<Task> next)
    {
        var (path, query) = RequestRecorder.RawTarget(context);
        var method = context.Request.Method.ToUpperInvariant();
        var segments = FakeRouter.Segments(path);
        var operationId = _routes.OperationOf(method, segments);
        var recorded = await RequestRecorder.ReadAsync(context, path, query, operationId, Now, SecretTexts()).ConfigureAwait(false);
        _recorder.Add(recorded);

        var fault = Faults.Take(method, segments, operationId, recorded);
        if (fault?.Kind == FaultKind.DropConnection)
        {
            context.Abort();
            return;
        }

        _arrival.Value = new Arrival(fault, context.Abort, context.RequestAborted);

        // The fake's Date is on the fake's clock, as a service's is on its own: clients read an absolute
        // Retry-After against it, so a fake on a FakeTimeProvider stays consistent with itself.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.Date = Now.ToString("r", System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });

        var inFlight = Interlocked.Increment(ref _inFlight);
        for (var max = Volatile.Read(ref _maxInFlight); inFlight > max; max = Volatile.Read(ref _maxInFlight))
        {
            if (Interlocked.CompareExchange(ref _maxInFlight, inFlight, max) == max)
            {
                break;
            }
        }

        // A request stops being in flight when its answer starts: from then the client may have it all and send its next
        // request while this one is still finishing here, which a count kept to the end would see as one too many.
        var left = 0;
        void Leave()
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        context.Response.OnStarting(() =>
        {
            Leave();
            return Task.CompletedTask;
        });
        try
        {
            await next().ConfigureAwait(false);
        }
        catch (Exception) when (fault?.Kind == FaultKind.DropConnectionAfterProcessing)
        {
            // Writing the answer to the connection the fault reset: nobody reads it.
        }
        finally
        {
            Leave();
        }
    }

    // Each secret as sent and as escaped in a path or query, so neither form leaks into a record.
    private List<string> SecretTexts() =>
        Secrets.Where(s => s.Length > 0).SelectMany(s => new[] { s, Uri.EscapeDataString(s) }).Distinct(StringComparer.Ordinal).ToList();

    private WireMockServer StartOnLoopback(bool compress)
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
                    // The fake keeps its own log (RequestRecorder); WireMock's would only hold memory.
                    MaxRequestLogCount = 0,
                    PreWireMockMiddlewareInit = app =>
                    {
                        var builder = ((IApplicationBuilder)app).Use(ArriveAsync);
                        if (compress)
                        {
                            FakeCompression.Use(builder);
                        }
                    },
                });
            }
            catch (Exception) when (attempt < 3)
            {
                // port taken meanwhile
            }
        }
    }

    private sealed record Arrival(Fault? Fault, Action Abort, CancellationToken RequestAborted);
}
