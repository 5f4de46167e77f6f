using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Astro.Triggers.Cli.Config;
using Astro.Triggers.Sdk.Testing.Agentset;
using Astro.Triggers.Sdk.Testing.Core;
using Astro.Triggers.Sdk.Testing.Mixpeek;
using Astro.Triggers.Sdk.Testing.Shipyard;
using Astro.Triggers.Sdk.Testing.TrueFoundry;

namespace Astro.Triggers.Cli.Fakes;

/// <summary>The fakes' control room on loopback, for tests in any language:
/// <list type="bullet">
/// <item><c>GET /</c>: the services document `fakes` printed.</item>
/// <item><c>POST /faults {"service","kind":"rate-limit|server-error|delay|drop-connection","count","status","retryAfterMs","delayMs"}</c>:
/// the next calls to that fake fail so (the fake's <c>Faults</c>).</item>
/// <item><c>DELETE /faults?service=…</c>: clears pending faults.</item>
/// <item><c>POST /fail-next {"service","count","error"}</c>: the next runs/jobs/executions end failed.</item>
/// </list></summary>
internal sealed class AdminServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyDictionary<string, FakeService> _fakes;
    private readonly Func<JsonObject> _describe;
    private readonly Task _serving;

    public AdminServer(int port, IReadOnlyDictionary<string, FakeService> fakes, Func<JsonObject> describe)
    {
        _fakes = fakes;
        _describe = describe;
        // A probed free port can be taken by another process before we bind it: probe again (as FakeService does).
        for (var attempt = 1; ; attempt++)
        {
            Port = port == 0 ? FreePort() : port;
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add(FormattableString.Invariant($"http://127.0.0.1:{Port}/"));
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (port == 0 && attempt < 3)
            {
            }
        }

        _serving = ServeAsync();
    }

    public int Port { get; }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving.ConfigureAwait(false);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var (status, body) = Handle(context.Request);
            var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
    }

    private (int Status, JsonNode Body) Handle(HttpListenerRequest request)
    {
        try
        {
            // "$ADMIN/fail-next" with an address that ends in '/' is "//fail-next": one route whatever the slashes.
            var path = "/" + (request.Url?.AbsolutePath.Trim('/') ?? string.Empty);
            path = path == "/" ? string.Empty : path;
            return (request.HttpMethod, path) switch
            {
                ("GET", "" or "/health") => (200, _describe()),
                ("POST", "/faults") => (200, AddFault(Read(request))),
                ("DELETE", "/faults") => (200, Clear(request.QueryString["service"])),
                ("POST", "/fail-next") => (200, FailNext(Read(request))),
                _ => (404, Error($"no route {request.HttpMethod} {path}: GET /, POST /faults, DELETE /faults?service=, POST /fail-next")),
            };
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return (400, Error(ex.Message));
        }
    }

    private static JsonObject Read(HttpListenerRequest request)
    {
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        return JsonNode.Parse(reader.ReadToEnd()) as JsonObject ?? throw new FormatException("the body must be a JSON object");
    }

    private FakeService Fake(string? service) =>
        service is not null && _fakes.TryGetValue(service.ToLowerInvariant(), out var fake)
            ? fake
            : throw new ArgumentException($"service must be one of {string.Join(", ", _fakes.Keys)}");

    private JsonObject AddFault(JsonObject body)
    {
        var service = (string?)body["service"];
        var fake = Fake(service);
        var count = (int?)body["count"] ?? 1;
        var retryAfter = (int?)body["retryAfterMs"] is { } ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;
        var kind = (string?)body["kind"];
        _ = kind switch
        {
            "rate-limit" => fake.Faults.RateLimit(count, retryAfter),
            "server-error" => fake.Faults.ServerError(count, (int?)body["status"] ?? 503, retryAfter),
            "delay" => fake.Faults.Delay(TimeSpan.FromMilliseconds((int?)body["delayMs"] ?? throw new ArgumentException("delay needs delayMs")), count),
            "drop-connection" => fake.Faults.DropConnection(count),
            _ => throw new ArgumentException("kind must be rate-limit, server-error, delay or drop-connection"),
        };
        return new JsonObject { ["service"] = service, ["kind"] = kind, ["count"] = count, ["pending"] = fake.Faults.Pending };
    }

    private JsonObject Clear(string? service)
    {
        var fake = Fake(service);
        fake.Faults.Clear();
        return new JsonObject { ["service"] = service, ["pending"] = fake.Faults.Pending };
    }

    private JsonObject FailNext(JsonObject body)
    {
        var service = (string?)body["service"];
        var count = (int?)body["count"] ?? 1;
        var error = (string?)body["error"];
        switch (Fake(service))
        {
            case AgentsetFake agentset when error is not null:
                agentset.FailNextRuns(count, error);
                break;
            case AgentsetFake agentset:
                agentset.FailNextRuns(count);
                break;
            case TrueFoundryFake tfy when error is not null:
                tfy.FailNextRuns(count, error);
                break;
            case TrueFoundryFake tfy:
                tfy.FailNextRuns(count);
                break;
            case ShipyardFake shipyard:
                shipyard.FailNextRuns(count);
                break;
            case MixpeekFake mixpeek when error is not null:
                mixpeek.FailNextRuns(count, error);
                break;
            case MixpeekFake mixpeek:
                mixpeek.FailNextRuns(count);
                break;
            default:
                throw new ArgumentException($"{service} has no runs to fail (Astropod reports no run status)");
        }

        return new JsonObject { ["service"] = service, ["failNext"] = count };
    }

    private static JsonObject Error(string message) => new() { ["error"] = message };

    /// <summary>The admin address, without a trailing slash: <c>curl -X POST $ADMIN/fail-next</c> works as written.</summary>
    public string BaseUrl => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}");
}
