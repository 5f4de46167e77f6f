using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Testing.Astropod;
using Astro.Triggers.Sdk.Testing.Core;
using Astro.Triggers.Sdk.Testing.Mixpeek;
using Astro.Triggers.Sdk.Testing.Shipyard;
using Microsoft.Extensions.Time.Testing;

namespace Astro.Triggers.Sdk.Tests.Testing;

/// <summary>What a fake records of each request (<c>fake.Requests</c>): as sent, on the fake's clock, secrets masked.</summary>
public sealed class RecordedRequestTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_request_is_recorded_raw_with_a_parsed_query_and_the_key_masked_everywhere()
    {
        await using var fake = MixpeekFake.Start(new MixpeekFakeOptions { TimeProvider = _time, ApiKey = "sk_secret_123" });
        var key = fake.ApiKey;
        await FakeHttp.SendAsync(
            fake.BaseAddress,
            HttpMethod.Post,
            "v1/triggers/a%2Fb/pause?x=1&x=two+words&token=" + key,
            "{\"note\":\"" + key + "\"}",
            ("Authorization", "Bearer " + key),
            ("X-Namespace", "ns_fake"),
            ("X-Echo", "copy of " + key));

        var request = fake.Requests.Should().ContainSingle().Which;
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/v1/triggers/a%2Fb/pause", "the path stays escaped: a%2Fb is one segment");
        request.OperationId.Should().Be("pauseTrigger");
        request.Query["x"].Should().Equal("1", "two words");
        request.QueryValue("token").Should().Be("***");
        request.Header("authorization").Should().Be("Bearer ***");
        request.Header("X-Echo").Should().Be("copy of ***");
        request.Header("X-Namespace").Should().Be("ns_fake");
        request.Body.Should().Be("{\"note\":\"***\"}");
        request.ReceivedAt.Should().Be(_time.GetUtcNow());
        request.Headers.Values.SelectMany(v => v).Should().NotContain(v => v.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Records_are_immutable_snapshots_on_the_fakes_clock()
    {
        await using var fake = MixpeekFake.Start(new MixpeekFakeOptions { TimeProvider = _time });
        var auth = ("Authorization", "Bearer " + fake.ApiKey);
        await FakeHttp.SendAsync(fake.BaseAddress, HttpMethod.Get, "v1/triggers/t1?a=1", null, auth, ("X-Namespace", "ns_fake"));
        var first = fake.Requests;
        _time.Advance(TimeSpan.FromMinutes(3));
        await FakeHttp.SendAsync(fake.BaseAddress, HttpMethod.Get, "v1/nowhere", null, auth, ("X-Namespace", "ns_fake"));

        first.Should().ContainSingle("a list already read does not grow");
        var all = fake.Requests;
        all.Should().HaveCount(2);
        (all[1].ReceivedAt - all[0].ReceivedAt).Should().Be(TimeSpan.FromMinutes(3));
        all[1].OperationId.Should().BeNull("no route matched");
        ((ICollection<string>)all[0].Query["a"]).IsReadOnly.Should().BeTrue();
        var headers = () => ((IDictionary<string, IReadOnlyList<string>>)all[0].Headers).Add("X", ["y"]);
        headers.Should().Throw<NotSupportedException>();
    }

    [Fact]
    public async Task Shipyards_key_header_is_masked()
    {
        await using var fake = ShipyardFake.Start(new ShipyardFakeOptions { TimeProvider = _time });
        using var client = new ShipyardClient(fake.CreateClientOptions());
        await client.FleetRuns.StartAsync(fake.OrgId, fake.ProjectId, fake.FleetId);
        var request = fake.Requests.Should().ContainSingle().Which;
        request.OperationId.Should().Be("triggerFleetRun");
        request.Header("X-Shipyard-API-Key").Should().Be("***");
    }

    [Fact]
    public async Task A_rotated_out_astropod_token_stays_masked()
    {
        await using var fake = AstropodFake.Start(new AstropodFakeOptions { TimeProvider = _time, ApiKey = "old-token-1" });
        fake.RotateToken("new-token-2");
        await FakeHttp.SendAsync(
            fake.BaseAddress, HttpMethod.Get, "api/v1/deployments", null, ("Authorization", "Bearer old-token-1"), ("X-Trace", "old-token-1/new-token-2"));
        var request = fake.Requests.Should().ContainSingle().Which;
        request.Header("Authorization").Should().Be("Bearer ***");
        request.Header("X-Trace").Should().Be("***/***");
    }
}
