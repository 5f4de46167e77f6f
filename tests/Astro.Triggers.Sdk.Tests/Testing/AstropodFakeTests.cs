using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Testing.Astropod;

namespace Astro.Triggers.Sdk.Tests.Testing;

public sealed class AstropodFakeTests : IDisposable
{
    private readonly AstropodFake _fake = AstropodFake.Start();
    private readonly AstropodClient _client;

    public AstropodFakeTests() => _client = new AstropodClient(_fake.CreateClientOptions());

    public void Dispose()
    {
        _client.Dispose();
        _fake.Dispose();
    }

    [Fact]
    public async Task Discovery_finds_the_sources_and_a_manual_trigger_gets_a_job_name()
    {
        var deployments = await _client.Deployments.ListAsync(_fake.Account).ToListAsync();
        deployments.Single().Namespace.Should().Be(_fake.Namespace);
        var sources = await _client.Deployments.ListIngestionSourcesAsync(deployments[0].Id).ToListAsync();
        sources.Select(s => (s.Name, s.Schedule)).Should().Equal(("docs_sync", null), ("nightly_crawl", "0 2 * * *"));

        var first = await _client.Ingestions.StartAsync(_fake.Namespace, "docs_sync", _fake.Account);
        var second = await _client.Ingestions.StartAsync(_fake.Namespace, "docs_sync", _fake.Account);
        first.JobName.Should().Be("ingestion-docs-sync-manual-0001");
        first.Status.Should().Be("triggered");
        _fake.TriggeredJobs.Should().Equal(first.JobName, second.JobName);
    }

    [Fact]
    public async Task A_scheduled_source_is_400_and_an_unknown_one_404()
    {
        var scheduled = () => _client.Ingestions.StartAsync(_fake.Namespace, "nightly_crawl", _fake.Account);
        (await scheduled.Should().ThrowAsync<BadRequestException>()).Which.ServiceMessage.Should().Contain("trigger.type: manual");
        var unknown = () => _client.Ingestions.StartAsync(_fake.Namespace, "nope", _fake.Account);
        await unknown.Should().ThrowAsync<NotFoundException>();
        var deployment = () => _client.Deployments.GetAsync("dep-nope");
        await deployment.Should().ThrowAsync<NotFoundException>();
        _fake.TriggeredJobs.Should().BeEmpty();
    }

    [Fact]
    public async Task Another_account_is_403_and_a_missing_one_400()
    {
        var other = () => _client.Ingestions.StartAsync(_fake.Namespace, "docs_sync", "globex");
        (await other.Should().ThrowAsync<ForbiddenException>()).Which.ErrorCode.Should().Be("FORBIDDEN");
        var (status, body) = await FakeHttp.SendAsync(_fake.BaseAddress, HttpMethod.Post, $"api/v1/deployments/{_fake.Namespace}/ingestion/docs_sync/trigger", "{}", ("Authorization", "Bearer " + _fake.ApiKey));
        status.Should().Be(400);
        body.Should().Contain("account is required");
    }

    [Fact]
    public async Task Suspended_billing_is_402_with_the_action()
    {
        _fake.SuspendBilling("add_card");
        var call = () => _client.Ingestions.StartAsync(_fake.Namespace, "docs_sync", _fake.Account);
        var error = (await call.Should().ThrowAsync<PaymentRequiredException>()).Which;
        error.SuggestedAction.Should().Be("add_card");
        error.ErrorCode.Should().Be("BILLING_SUSPENDED");

        _fake.SuspendBilling(null);
        await _client.Ingestions.StartAsync(_fake.Namespace, "docs_sync", _fake.Account);
    }

    [Fact]
    public async Task A_rotated_token_is_401_for_a_fixed_key_and_refreshed_by_the_token_provider()
    {
        using var fixedKey = new AstropodClient(new AstropodClientOptions { BaseAddress = _fake.BaseAddress, ApiKey = _fake.ApiKey });
        await fixedKey.Deployments.ListAsync(_fake.Account).ToListAsync();
        _fake.RotateToken("token-2");

        var stale = () => fixedKey.Deployments.ListAsync(_fake.Account).ToListAsync().AsTask();
        (await stale.Should().ThrowAsync<UnauthorizedException>()).Which.ServiceMessage.Should().Be("Authentication required");
        (await _client.Deployments.ListAsync(_fake.Account).ToListAsync()).Should().HaveCount(1);
    }
}
