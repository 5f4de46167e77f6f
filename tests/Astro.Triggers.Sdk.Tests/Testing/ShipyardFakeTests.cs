using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Testing.Shipyard;
using Microsoft.Extensions.Time.Testing;

namespace Astro.Triggers.Sdk.Tests.Testing;

public sealed class ShipyardFakeTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly ShipyardFake _fake;
    private readonly ShipyardClient _client;

    public ShipyardFakeTests()
    {
        _fake = ShipyardFake.Start(new ShipyardFakeOptions { TimeProvider = _time });
        _client = new ShipyardClient(_fake.CreateClientOptions());
    }

    public void Dispose()
    {
        _client.Dispose();
        _fake.Dispose();
    }

    private Task<ShipyardFleetRun> TriggerAsync(IEnumerable<VesselOverride>? overrides = null) =>
        _client.FleetRuns.StartAsync(_fake.OrgId, _fake.ProjectId, _fake.FleetId, overrides);

    [Fact]
    public async Task A_fleet_run_progresses_in_the_csv_to_success()
    {
        var run = await TriggerAsync([new VesselOverride { Name = "Load", EnvironmentVariableOverrides = new Dictionary<string, string?> { ["TARGET"] = "prod" } }]);
        Guid.TryParse(run.Id, out _).Should().BeTrue();
        (await run.UpdateStatusAsync()).Should().Be(RunStatus.Queued);
        run.RawStatus.Should().Be("Scheduled");
        run.Value!.Column("Fleet Name").Should().Be("Fake fleet");

        _time.Advance(TimeSpan.FromMilliseconds(500));
        (await run.UpdateStatusAsync()).Should().Be(RunStatus.Running);
        _time.Advance(TimeSpan.FromSeconds(2));
        (await run.UpdateStatusAsync()).Should().Be(RunStatus.Succeeded);
        run.Value!.Column("Duration").Should().Be("2");
    }

    [Fact]
    public async Task FailNextRuns_ends_errored_and_the_list_holds_every_run_newest_first()
    {
        var ok = await TriggerAsync();
        _fake.FailNextRuns();
        _time.Advance(TimeSpan.FromSeconds(1));
        var bad = await TriggerAsync();
        _time.Advance(TimeSpan.FromMinutes(1));

        (await bad.UpdateStatusAsync()).Should().Be(RunStatus.Failed);
        bad.RawStatus.Should().Be("Errored");
        var rows = await _client.FleetRuns.ListAsync(_fake.OrgId, _fake.ProjectId, _fake.FleetId).ToListAsync();
        rows.Select(r => r.FleetLogId).Should().Equal(bad.Id, ok.Id);
    }

    [Fact]
    public async Task A_run_not_yet_listed_reads_as_queued()
    {
        await using var lagging = ShipyardFake.Start(new ShipyardFakeOptions { TimeProvider = _time, ListingDelay = TimeSpan.FromSeconds(5) });
        using var client = new ShipyardClient(lagging.CreateClientOptions());
        var run = await client.FleetRuns.StartAsync(lagging.OrgId, lagging.ProjectId, lagging.FleetId);
        (await run.UpdateStatusAsync()).Should().Be(RunStatus.Queued);
        run.RawStatus.Should().BeNull();
        _time.Advance(TimeSpan.FromSeconds(5));
        (await run.UpdateStatusAsync()).Should().Be(RunStatus.Succeeded);
        run.RawStatus.Should().Be("Success");
    }

    [Fact]
    public async Task An_override_of_an_unknown_vessel_is_400_with_only_a_request_id()
    {
        var call = () => TriggerAsync([new VesselOverride { Name = "load", EnvironmentVariableOverrides = new Dictionary<string, string?>() }]);
        var error = (await call.Should().ThrowAsync<BadRequestException>()).Which;
        error.RawBody.Should().Contain("\"data\":null").And.Contain("\"request\":{\"id\":");
        (await _client.FleetRuns.ListAsync(_fake.OrgId, _fake.ProjectId, _fake.FleetId).ToListAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"vessel_overrides":{}}""")]
    [InlineData("""{"vessel_overrides":[{"environment_variable_overrides":{}}]}""")]
    [InlineData("""{"vessel_overrides":[{"name":"Load","environment_variable_overrides":{"A":1}}]}""")]
    [InlineData("""[1]""")]
    public async Task Malformed_bodies_are_400(string body)
    {
        var (status, _) = await FakeHttp.SendAsync(_fake.BaseAddress, HttpMethod.Post, "orgs/org-fake/projects/proj-fake/fleets/fleet-fake/fleetruns", body, ("X-Shipyard-API-Key", _fake.ApiKey));
        status.Should().Be(400);
    }

    [Fact]
    public async Task An_unknown_fleet_is_400_and_a_wrong_key_401()
    {
        var unknown = () => _client.FleetRuns.StartAsync(_fake.OrgId, _fake.ProjectId, "fleet-other");
        await unknown.Should().ThrowAsync<BadRequestException>();

        var options = _fake.CreateClientOptions();
        options.ApiKey = "wrong";
        using var client = new ShipyardClient(options);
        var call = () => client.FleetRuns.ListAsync(_fake.OrgId, _fake.ProjectId, _fake.FleetId).ToListAsync().AsTask();
        await call.Should().ThrowAsync<UnauthorizedException>();
    }
}
