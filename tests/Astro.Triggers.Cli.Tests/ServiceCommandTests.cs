using System.Text.Json;
using Astro.Triggers.Sdk.Testing.Astropod;

namespace Astro.Triggers.Cli.Tests;

/// <summary>Every service command, parsed and run against the service's fake.</summary>
public sealed class ServiceCommandTests
{
    [Fact]
    public async Task Agentset_jobs_get_list_reingest_and_delete()
    {
        await using var fake = FastFakes.Agentset();
        var env = Cli.Env(fake);
        var created = await Cli.RunAsync(env, "agentset", "ingest-jobs", "start", "--url", "https://example.com/docs", "--name", "docs", "--external-id", "ext-1", "--json");
        created.ExitCode.Should().Be(0, created.ToString());
        var id = created.Json.GetProperty("id").GetString()!;
        created.Json.GetProperty("outcome").GetString().Should().Be("started");
        (await Cli.RunAsync(env, "agentset", "ingest-jobs", "wait", id, "--poll-interval", FastFakes.Poll)).ExitCode.Should().Be(0, "only a finished job can be re-ingested");

        var get = await Cli.RunAsync(env, "agentset", "ingest-jobs", "get", id, "--json");
        var list = await Cli.RunAsync(env, "agentset", "ingest-jobs", "list", "--limit", "5");
        var reingest = await Cli.RunAsync(env, "agentset", "ingest-jobs", "re-ingest", id, "--wait", "--json", "--poll-interval", FastFakes.Poll);
        var delete = await Cli.RunAsync(env, "agentset", "ingest-jobs", "delete", id, "--json");

        get.ExitCode.Should().Be(0, get.ToString());
        get.Json.GetProperty("name").GetString().Should().Be("docs");
        get.Json.GetProperty("externalId").GetString().Should().Be("ext-1");
        list.ExitCode.Should().Be(0, list.ToString());
        list.Out.Split('\n')[0].Should().Be("id\tstatus\tname\tcreated\terror", "redirected tables are tab-separated lines");
        list.Out.Should().Contain(id);
        reingest.ExitCode.Should().Be(0, reingest.ToString());
        reingest.Json.GetProperty("status").GetString().Should().Be("succeeded");
        delete.ExitCode.Should().Be(0, delete.ToString());
        delete.Json.GetProperty("deleted").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Astropod_deployments_sources_and_trigger()
    {
        await using var fake = AstropodFake.Start();
        var env = Cli.Env(fake);

        var deployments = await Cli.RunAsync(env, "astropod", "deployments", "list", "--json");
        var sources = await Cli.RunAsync(env, "astropod", "ingestions", "list", "--deployment-id", fake.DeploymentId);
        var trigger = await Cli.RunAsync(env, "astropod", "ingestions", "start", fake.Namespace, "docs_sync", "--account", fake.Account, "--json");
        var wait = await Cli.RunAsync(env, "wait", "astropod", "x");

        deployments.ExitCode.Should().Be(0, deployments.ToString());
        deployments.Json.GetProperty("items")[0].GetProperty("id").GetString().Should().Be(fake.DeploymentId);
        sources.ExitCode.Should().Be(0, sources.ToString());
        sources.Out.Should().Contain("docs_sync\t").And.Contain("manual");
        trigger.ExitCode.Should().Be(0, trigger.ToString());
        trigger.Json.GetProperty("hasStatusSource").GetBoolean().Should().BeFalse();
        fake.TriggeredJobs.Should().HaveCount(1);
        wait.ExitCode.Should().Be(2, "Astropod has nothing to wait for");
    }

    [Fact]
    public async Task TrueFoundry_runs_trigger_with_params_then_get_list_wait_and_cancel()
    {
        await using var fake = FastFakes.TrueFoundry();
        var env = Cli.Env(fake);

        var waited = await Cli.RunAsync(env, "truefoundry", "job-runs", "start", "--application-id", fake.ApplicationId, "--command", "python etl.py", "--param", "day=2026-11-30", "--wait", "--json", "--poll-interval", FastFakes.Poll);
        waited.ExitCode.Should().Be(0, waited.ToString());
        var name = waited.Json.GetProperty("id").GetString()!;
        waited.Json.GetProperty("rawStatus").GetString().Should().Be("FINISHED");
        fake.Requests.Should().Contain(r => r.Body != null && r.Body.Contains("\"day\":\"2026-11-30\"", StringComparison.Ordinal));

        var get = await Cli.RunAsync(env, "truefoundry", "job-runs", "get", name, "--json");
        var list = await Cli.RunAsync(env, "truefoundry", "job-runs", "list", "--status", "finished", "--json");
        var started = await Cli.RunAsync(env, "truefoundry", "job-runs", "start", "--json");
        var second = started.Json.GetProperty("id").GetString()!;
        var cancel = await Cli.RunAsync(env, "truefoundry", "job-runs", "cancel", second);
        var wait = await Cli.RunAsync(env, "truefoundry", "job-runs", "wait", second, "--json", "--poll-interval", FastFakes.Poll);

        get.ExitCode.Should().Be(0, get.ToString());
        get.Json.GetProperty("status").GetString().Should().Be("succeeded");
        list.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).Should().Contain(name);
        started.ExitCode.Should().Be(0, started.ToString());
        cancel.ExitCode.Should().Be(0, cancel.ToString());
        wait.ExitCode.Should().Be(1, "a terminated run counts as cancelled: " + wait);
        wait.Json.GetProperty("status").GetString().Should().Be("cancelled");
    }

    [Fact]
    public async Task Shipyard_runs_trigger_with_vessel_overrides_then_list_get_and_wait()
    {
        await using var fake = FastFakes.Shipyard();
        var env = Cli.Env(fake);

        var waited = await Cli.RunAsync(env, "shipyard", "fleet-runs", "start", "--org", fake.OrgId, "--project", fake.ProjectId, "--fleet", fake.FleetId, "--env", "Load:TARGET=staging", "--wait", "--json", "--poll-interval", FastFakes.Poll);
        waited.ExitCode.Should().Be(0, waited.ToString());
        var id = waited.Json.GetProperty("id").GetString()!;
        waited.Json.GetProperty("fleetId").GetString().Should().Be(fake.FleetId);
        fake.Requests.Should().Contain(r => r.Body != null && r.Body.Contains("TARGET", StringComparison.Ordinal));

        var list = await Cli.RunAsync(env, "shipyard", "fleet-runs", "list");
        var get = await Cli.RunAsync(env, "shipyard", "fleet-runs", "get", id, "--json");
        fake.FailNextRuns();
        var failed = await Cli.RunAsync(env, "shipyard", "fleet-runs", "start", "--org", fake.OrgId, "--project", fake.ProjectId, "--fleet", fake.FleetId, "--json");
        var wait = await Cli.RunAsync(env, "shipyard", "fleet-runs", "wait", failed.Json.GetProperty("id").GetString()!, "--json", "--poll-interval", FastFakes.Poll);
        var badEnv = await Cli.RunAsync(env, "shipyard", "fleet-runs", "start", "--org", fake.OrgId, "--project", fake.ProjectId, "--fleet", fake.FleetId, "--env", "TARGET=staging");

        list.ExitCode.Should().Be(0, list.ToString());
        list.Out.Should().Contain(id);
        get.ExitCode.Should().Be(0, get.ToString());
        get.Json.GetProperty("id").GetString().Should().Be(id);
        wait.ExitCode.Should().Be(1, wait.ToString());
        wait.Json.GetProperty("status").GetString().Should().Be("failed");
        badEnv.ExitCode.Should().Be(2, badEnv.ToString());
    }

    [Fact]
    public async Task Mixpeek_trigger_lifecycle_execute_and_history()
    {
        await using var fake = FastFakes.Mixpeek();
        var env = Cli.Env(fake);

        var created = await Cli.RunAsync(env, "mixpeek", "triggers", "create", "--cluster", "clu_demo", "--cron", "0 2 * * *", "--tz", "Europe/Berlin", "--description", "nightly", "--json");
        created.ExitCode.Should().Be(0, created.ToString());
        var id = created.Json.GetProperty("id").GetString()!;

        var results = new List<CliResult>
        {
            await Cli.RunAsync(env, "mixpeek", "triggers", "get", id, "--json"),
            await Cli.RunAsync(env, "mixpeek", "triggers", "list"),
            await Cli.RunAsync(env, "mixpeek", "triggers", "update", id, "--description", "nightly, updated", "--json"),
            await Cli.RunAsync(env, "mixpeek", "triggers", "pause", id, "--json"),
            await Cli.RunAsync(env, "mixpeek", "triggers", "resume", id, "--json"),
        };
        // Without --wait: the Mixpeek fake has no GET /v1/tasks/{id} yet, so an execution cannot be followed against it.
        var executed = await Cli.RunAsync(env, "mixpeek", "executions", "start", id, "--json");
        executed.ExitCode.Should().Be(0, executed.ToString());
        var history = await Cli.RunAsync(env, "mixpeek", "executions", "list", id, "--json");
        var delete = await Cli.RunAsync(env, "mixpeek", "triggers", "delete", id);

        results.Should().OnlyContain(r => r.ExitCode == 0, string.Join('\n', results));
        results[1].Out.Should().Contain(id);
        results[2].Json.GetProperty("description").GetString().Should().Be("nightly, updated");
        results[3].Json.GetProperty("rawStatus").GetString().Should().Be("paused");
        results[4].Json.GetProperty("rawStatus").GetString().Should().Be("active");
        executed.ExitCode.Should().Be(0, executed.ToString());
        executed.Json.GetProperty("outcome").GetString().Should().Be("started");
        executed.Json.GetProperty("service").GetString().Should().Be("Mixpeek");
        history.Json.GetProperty("items").GetArrayLength().Should().Be(1);
        delete.ExitCode.Should().Be(0, delete.ToString());
        fake.TriggerCount.Should().Be(0);
    }

    [Fact]
    public async Task Mixpeek_preview_is_local_and_needs_no_key()
    {
        var result = await Cli.RunAsync(new Dictionary<string, string>(), "mixpeek", "triggers", "preview", "--cron", "0 2 * * *", "--tz", "Europe/Berlin", "-n", "3", "--from", "2026-01-10T12:00:00Z");
        var json = await Cli.RunAsync(new Dictionary<string, string>(), "mixpeek", "triggers", "preview", "--cron", "0 2 * * *", "--tz", "Europe/Berlin", "-n", "2", "--from", "2026-06-30T12:00:00Z", "--json");
        var bad = await Cli.RunAsync(new Dictionary<string, string>(), "mixpeek", "triggers", "preview", "--cron", "not a cron");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal("2026-01-11T02:00:00+01:00", "2026-01-12T02:00:00+01:00", "2026-01-13T02:00:00+01:00");
        json.Json.GetProperty("fireTimes").EnumerateArray().Select(e => e.GetString()).Should().Equal("2026-07-01T02:00:00+02:00", "2026-07-02T02:00:00+02:00");
        bad.ExitCode.Should().Be(2, bad.ToString());
    }

    [Fact]
    public async Task Wait_follows_several_runs_started_earlier_and_reports_the_worst_outcome()
    {
        await using var fake = FastFakes.Agentset();
        var env = Cli.Env(fake);
        var ok = (await Cli.RunAsync(env, "agentset", "ingest-jobs", "start", "--text", "a", "--json")).Json.GetProperty("id").GetString()!;
        fake.FailNextRuns();
        var bad = (await Cli.RunAsync(env, "agentset", "ingest-jobs", "start", "--text", "b", "--json")).Json.GetProperty("id").GetString()!;

        var result = await Cli.RunAsync(env, "agentset", "ingest-jobs", "wait", ok, bad, "--json", "--poll-interval", FastFakes.Poll);

        result.ExitCode.Should().Be(1, result.ToString());
        var runs = result.Json.GetProperty("runs").EnumerateArray().ToList();
        runs.Select(r => r.GetProperty("status").GetString()).Should().Equal("succeeded", "failed");
        result.Json.GetProperty("exitCode").GetInt32().Should().Be(1);
    }
}
