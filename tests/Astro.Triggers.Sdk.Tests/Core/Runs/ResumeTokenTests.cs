using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Testing.Agentset;
using Astro.Triggers.Sdk.Testing.Shipyard;
using Astro.Triggers.Sdk.TrueFoundry;
using Microsoft.Extensions.Time.Testing;

namespace Astro.Triggers.Sdk.Tests.Core.Runs;

/// <summary>Resume tokens end to end: a run's token, resumed by a fresh client against the fakes, waits to the end; the
/// format itself is the conformance rule resume-token (shared with TypeScript and Python).</summary>
public sealed class ResumeTokenTests
{
    private const string Key = "sk_live_never_in_a_token";

    [Fact]
    public async Task An_agentset_run_resumes_from_its_token_in_a_fresh_client_and_waits_to_completion()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions { TimeProvider = time });
        string token;
        string id;
        using (var starter = new AgentsetClient(fake.CreateClientOptions()))
        {
            var run = await starter.IngestJobs.StartAsync(
                new CreateIngestJobRequest { Payload = new TextPayload { Text = "resume me" } }, new AgentsetRequestOptions { TenantId = "acme" });
            (token, id) = (run.ResumeToken!, run.Id);
        }

        token.Should().MatchRegex("^atr1\\.[A-Za-z0-9_-]+$");
        var (service, fields) = ResumeTokens.Decode(token);
        service.Should().Be("agentset");
        fields.Should().Equal(new Dictionary<string, string> { ["ns"] = "ns_fake", ["run"] = id, ["tenant"] = "acme" });
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Pad(token[5..]))).Should().NotContain(fake.ApiKey);

        time.Advance(TimeSpan.FromMinutes(1));
        using var resumer = new AgentsetClient(fake.CreateClientOptions());
        var resumed = resumer.ResumeRun(token);
        resumed.Id.Should().Be(id);
        resumed.ResumeToken.Should().Be(token);
        var done = await resumed.WaitForCompletionAsync();
        done.Status.Should().Be(RunStatus.Succeeded);
        done.Value.TenantId.Should().Be("acme");
    }

    [Fact]
    public async Task A_shipyard_run_resumes_from_its_token_and_waits_to_completion()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var fake = ShipyardFake.Start(new ShipyardFakeOptions { TimeProvider = time });
        using var starter = new ShipyardClient(fake.CreateClientOptions());
        var run = await starter.FleetRuns.StartAsync(fake.OrgId, fake.ProjectId, fake.FleetId);
        var token = run.ResumeToken!;

        time.Advance(TimeSpan.FromHours(1));
        using var resumer = new ShipyardClient(fake.CreateClientOptions());
        var resumed = resumer.ResumeRun(token);
        resumed.Ids.Should().Be(new FleetRunIdentity(null, fake.OrgId, fake.ProjectId, fake.FleetId, run.Id, null));
        (await resumed.WaitForCompletionAsync(new RunWaitOptions { ThrowOnFailure = false })).IsCompleted.Should().BeTrue();
    }

    [Fact]
    public void Every_service_round_trips_its_token_and_the_key_is_never_in_it()
    {
        using var agentset = new AgentsetClient(new AgentsetClientOptions { ApiKey = Key, NamespaceId = "ns_1" });
        var tracked = agentset.IngestJobs.Track("job_1");
        tracked.ResumeToken.Should().Be(ResumeTokens.Encode("agentset", new Dictionary<string, string?> { ["ns"] = "ns_1", ["run"] = "job_1" }));
        agentset.ResumeRun(tracked.ResumeToken!).ResumeToken.Should().Be(tracked.ResumeToken);

        var tf = ResumeTokens.Encode("truefoundry", new Dictionary<string, string?> { ["app"] = "app_1", ["run"] = "r-1", ["deployment"] = "dep_1" });
        using var trueFoundry = new TrueFoundryClient(new TrueFoundryClientOptions { ApiKey = Key, BaseAddress = new Uri("https://tf.example.com/") });
        var tfRun = trueFoundry.ResumeRun(tf);
        (tfRun.ApplicationId, tfRun.Value.DeploymentId, tfRun.ResumeToken).Should().Be(("app_1", "dep_1", tf));

        var mx = ResumeTokens.Encode("mixpeek", new Dictionary<string, string?> { ["ns"] = "ns_a", ["trigger"] = "trg_1", ["run"] = "task_1" });
        using var mixpeek = new MixpeekClient(new MixpeekClientOptions { ApiKey = Key });
        mixpeek.ResumeRun(mx).ResumeToken.Should().Be(mx);

        foreach (var token in new[] { tracked.ResumeToken!, tf, mx })
        {
            token.Should().NotContain(Key);
            System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Pad(token[5..]))).Should().NotContain(Key);
        }
    }

    [Theory]
    [InlineData("atr1.eyJzIjoic2hpcHlhcmQiLCJvcmciOiJvIiwicHJvamVjdCI6InAiLCJmbGVldCI6ImYiLCJydW4iOiJmbHJfMSJ9")] // a Shipyard run's
    [InlineData("atr2.e30")]
    [InlineData("job_1")]
    [InlineData("atr1.!!")]
    public void A_token_of_another_service_or_not_a_token_is_an_argument_exception_naming_token(string token)
    {
        using var agentset = new AgentsetClient(new AgentsetClientOptions { ApiKey = Key, NamespaceId = "ns_1" });
        var resume = () => agentset.ResumeRun(token);
        resume.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("token");
    }

    [Fact]
    public void A_handle_a_model_factory_built_has_no_token()
    {
        AgentsetModelFactory.IngestJobRun(new IngestJob { Id = "job_1", Status = IngestJobStatus.Completed }).ResumeToken.Should().BeNull();
    }

    private static string Pad(string base64Url) =>
        base64Url.Replace('-', '+').Replace('_', '/') + new string('=', (4 - base64Url.Length % 4) % 4);
}
