using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Astro.Triggers.Cli.Tests;

/// <summary>A service that echoes the key back must not get it into any output, --verbose and --json included.</summary>
public sealed class MaskingTests
{
    private const string Key = "sk-live-0123456789abcdef";

    [Theory]
    [InlineData("--verbose")]
    [InlineData("--json")]
    public async Task A_key_echoed_by_the_service_is_masked_everywhere(string flag)
    {
        await using var echo = new EchoServer();
        var env = new Dictionary<string, string> { ["AGENTSET_API_KEY"] = Key, ["AGENTSET_NAMESPACE_ID"] = "ns_x", ["AGENTSET_BASE_URL"] = echo.BaseUrl };

        var result = await Cli.RunAsync(env, "agentset", "ingest-jobs", "start", "--text", "hi", flag);

        result.ExitCode.Should().Be(4, result.ToString());
        echo.SeenAuthorization.Should().Be("Bearer " + Key, "the key did reach the server");
        (result.Out + result.Error).Should().NotContain(Key).And.Contain("***");
    }

    [Theory]
    [InlineData("url")]
    [InlineData("json")]
    public async Task The_sdks_masker_catches_the_escaped_forms_of_a_key(string form)
    {
        // The CLI's own masker matched the key verbatim only; the SDK's (now the CLI's too) also masks it URL- and
        // JSON-escaped, the forms a service echoes it in.
        const string key = "sk+live/0123<456789>";
        await using var echo = new EchoServer(header => form == "url"
            ? Uri.EscapeDataString(header["Bearer ".Length..])
            : System.Text.Encodings.Web.JavaScriptEncoder.Default.Encode(header["Bearer ".Length..]));
        var env = new Dictionary<string, string> { ["AGENTSET_API_KEY"] = key, ["AGENTSET_NAMESPACE_ID"] = "ns_x", ["AGENTSET_BASE_URL"] = echo.BaseUrl };

        var result = await Cli.RunAsync(env, "agentset", "ingest-jobs", "start", "--text", "hi", "--json", "--verbose");

        result.ExitCode.Should().Be(4, result.ToString());
        (result.Out + result.Error).Should().NotContain(Uri.EscapeDataString(key)).And.NotContain("sk+live").And.NotContain("0123\u003C456789").And.Contain("***");
    }

    /// <summary>Answers every request 400 with the request's Authorization header in Agentset's error body.</summary>
    private sealed class EchoServer : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _serving;

        public EchoServer(Func<string, string>? echo = null)
        {
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                BaseUrl = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
            }

            _listener.Prefixes.Add(BaseUrl);
            _listener.Start();
            _serving = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception)
                    {
                        return;
                    }

                    SeenAuthorization = context.Request.Headers["Authorization"];
                    var echoed = echo is null ? SeenAuthorization : echo(SeenAuthorization ?? string.Empty);
                    var body = Encoding.UTF8.GetBytes($$$"""{"success":false,"error":{"code":"bad_request","message":"key {{{echoed}}} is not valid for this namespace"}}""");
                    context.Response.StatusCode = 400;
                    context.Response.ContentType = "application/json";
                    await context.Response.OutputStream.WriteAsync(body);
                    context.Response.Close();
                }
            });
        }

        public string BaseUrl { get; }

        public string? SeenAuthorization { get; private set; }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _serving;
        }
    }
}
