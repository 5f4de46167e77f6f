using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Retry;
using Astro.Triggers.Sdk.Mixpeek;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>Issue 21, kind 5: the exact secrets a client holds (its API key, the tokens its TokenProvider returned)
/// are masked in every text the SDK surfaces, in whatever form a service echoes them — not only as "Bearer …".</summary>
public sealed class SecretEchoTests : FaultMatrixTestBase
{
    private static string Echo(string key) =>
        $$$"""{"success":false,"error":{"code":"unauthorized","message":"API key {{{key}}} is revoked"}}""";

    private static void ShouldBeMasked(Exception? error, string secret)
    {
        var ex = error.Should().BeAssignableTo<ServiceRequestException>().Subject;
        foreach (var text in new[] { ex.Message, ex.ServiceMessage, ex.RawBody, ex.RequestId, ex.ToString() })
        {
            text.Should().NotContain(secret);
        }

        ex.ServiceMessage.Should().Contain("***", "the message is kept, only the secret is masked");
    }

    [Fact]
    public async Task An_agentset_create_answered_401_that_echoes_the_key_masks_it_everywhere()
    {
        await using var server = new ScriptedServer(_ => Reply.Json(401, Echo(Secret), ("x-request-id", "req-" + Secret)));

        var error = await RunCallAsync(async () =>
        {
            using var client = new AgentsetClient((AgentsetClientOptions)Options(server.BaseAddress)(new AgentsetClientOptions { NamespaceId = "ns_1" }));
            await client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "x" } });
        });

        ShouldBeMasked(error, Secret);
        error.As<UnauthorizedException>().ServiceMessage.Should().Be("API key *** is revoked");
    }

    [Fact]
    public async Task A_mixpeek_get_answered_401_that_echoes_the_key_masks_it_everywhere()
    {
        await using var server = new ScriptedServer(_ => Reply.Json(401, Echo(Secret)));

        var error = await RunCallAsync(async () =>
        {
            using var client = new MixpeekClient((MixpeekClientOptions)Options(server.BaseAddress)(new MixpeekClientOptions { Namespace = "ns_1" }));
            await client.Triggers.GetAsync("trg_1");
        });

        ShouldBeMasked(error, Secret);
    }

    [Fact]
    public async Task Escaped_forms_of_the_key_are_masked_too()
    {
        const string key = "sk_live+AbC/dEf=\"q\"";
        var escapedInJson = """sk_live\u002BAbC/dEf=\u0022q\u0022""";
        var escapedInUrl = Uri.EscapeDataString(key);
        await using var server = new ScriptedServer(_ => Reply.Json(403,
            $$$"""{"error":{"code":"forbidden","message":"key {{{escapedInJson}}} lacks scope","doc_url":"https://docs.example/keys?k={{{escapedInUrl}}}"}}"""));

        var error = await RunCallAsync(async () =>
        {
            using var client = new AgentsetClient((AgentsetClientOptions)Options(server.BaseAddress, o => o.ApiKey = key)(new AgentsetClientOptions { NamespaceId = "ns_1" }));
            await client.IngestJobs.GetAsync("job_1");
        });

        var ex = error.Should().BeOfType<ForbiddenException>().Subject;
        ex.ToString().Should().NotContain(escapedInJson).And.NotContain(escapedInUrl).And.NotContain(key);
        ex.RawBody.Should().NotContain(escapedInJson);
        ex.DocumentationUrl.Should().Be("https://docs.example/keys?k=***");
    }

    [Fact]
    public async Task A_token_from_the_token_provider_is_masked_when_echoed()
    {
        const string token = "eyJhbGciOi.session-token-42";
        await using var server = new ScriptedServer(_ => Reply.Json(403, $$"""{"error":"token {{token}} may not trigger this source","code":"forbidden"}"""));

        var error = await RunCallAsync(async () =>
        {
            using var client = new AstropodClient((AstropodClientOptions)Options(server.BaseAddress, o =>
            {
                o.ApiKey = null;
                o.TokenProvider = (_, _) => ValueTask.FromResult(token);
                o.Retry = RetryOptions.None;
            })(new AstropodClientOptions()));
            await client.Ingestions.StartAsync("team-docs", "docs_sync", "acme");
        });

        var ex = error.Should().BeOfType<ForbiddenException>().Subject;
        ex.ToString().Should().NotContain(token);
        ex.ServiceMessage.Should().Be("token *** may not trigger this source");
    }

    [Fact]
    public async Task Logs_and_telemetry_never_carry_an_echoed_key()
    {
        await using var server = new ScriptedServer(i => i == 0
            ? Reply.Json(503, Echo(Secret), ("Retry-After", "1"), ("x-request-id", Secret))
            : Reply.Json(401, Echo(Secret), ("x-request-id", Secret)));

        // RunCallAsync asserts the secret is in no log line, exception text or activity tag.
        var error = await RunCallAsync(async () =>
        {
            using var client = new AgentsetClient((AgentsetClientOptions)Options(server.BaseAddress)(new AgentsetClientOptions { NamespaceId = "ns_1" }));
            await client.IngestJobs.GetAsync("job_1");
        });

        error.Should().BeOfType<UnauthorizedException>().Which.RequestId.Should().Be("***");
        server.Requests.Should().HaveCount(2);
    }
}
