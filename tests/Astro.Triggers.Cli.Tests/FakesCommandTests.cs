using System.Net.Http.Json;
using System.Text.Json;

namespace Astro.Triggers.Cli.Tests;

/// <summary><c>astro-triggers fakes</c> in this process: the description file, the admin route, a clean stop.</summary>
public sealed class FakesCommandTests
{
    [Fact]
    public async Task Fakes_serve_all_five_services_describe_them_and_take_faults_from_the_admin_route()
    {
        var folder = Directory.CreateTempSubdirectory("astro-fakes-").FullName;
        var described = Path.Combine(folder, "fakes.json");
        var envFile = Path.Combine(folder, "fakes.env");
        using var stop = new CancellationTokenSource();
        var serving = Cli.RunAsync(new Dictionary<string, string>(), stop.Token, "fakes", "--fast", "--out", described, "--env-file", envFile);
        try
        {
            var json = await WaitForFileAsync(described, serving);
            using var document = JsonDocument.Parse(json);
            var services = document.RootElement.GetProperty("services");
            services.EnumerateObject().Select(p => p.Name).Should().Equal("agentset", "astropod", "truefoundry", "shipyard", "mixpeek");
            services.EnumerateObject().Should().OnlyContain(p => p.Value.GetProperty("baseUrl").GetString()!.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
            (await File.ReadAllLinesAsync(envFile)).Should().Contain(l => l.StartsWith("TFY_BASE_URL=http://127.0.0.1:", StringComparison.Ordinal));

            var env = services.GetProperty("agentset").GetProperty("env").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            using var http = new HttpClient { BaseAddress = new Uri(document.RootElement.GetProperty("admin").GetString()! + "/") };
            var fault = await http.PostAsJsonAsync("faults", new { service = "agentset", kind = "rate-limit", count = 5, retryAfterMs = 60_000 });
            fault.IsSuccessStatusCode.Should().BeTrue(await fault.Content.ReadAsStringAsync());
            var refused = await Cli.RunAsync(env, "agentset", "ingest-jobs", "list", "--json");
            (await http.DeleteAsync("faults?service=agentset")).IsSuccessStatusCode.Should().BeTrue();
            (await http.PostAsJsonAsync("fail-next", new { service = "agentset", count = 1, error = "boom" })).IsSuccessStatusCode.Should().BeTrue();
            var failed = await Cli.RunAsync(env, "agentset", "ingest-jobs", "start", "--text", "hi", "--wait", "--json", "--poll-interval", FastFakes.Poll);
            var badRoute = await http.PostAsJsonAsync("faults", new { service = "nope", kind = "rate-limit" });
            // The admin route describes the fakes as the --out file does, its own address included.
            using var described2 = JsonDocument.Parse(await http.GetStringAsync(string.Empty));
            described2.RootElement.GetProperty("admin").GetString().Should().Be(document.RootElement.GetProperty("admin").GetString());

            refused.ExitCode.Should().Be(4, "a 429 whose Retry-After is beyond the budget is thrown, not slept on: " + refused);
            refused.Json.GetProperty("error").GetProperty("status").GetInt32().Should().Be(429);
            failed.ExitCode.Should().Be(1, failed.ToString());
            failed.Json.GetProperty("serviceError").GetString().Should().Be("boom");
            ((int)badRoute.StatusCode).Should().Be(400);
        }
        finally
        {
            await stop.CancelAsync();
        }

        var result = await serving;
        result.ExitCode.Should().Be(0, "stopping is how a server ends: " + result);
        Schema.AssertValid(result);
        result.Json.GetProperty("services").GetProperty("mixpeek").GetProperty("apiKey").GetString().Should().NotBeNullOrEmpty();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Fakes_serve_on_chosen_ports()
    {
        var folder = Directory.CreateTempSubdirectory("astro-fakes-").FullName;
        var described = Path.Combine(folder, "fakes.json");
        var basePort = 20000 + Random.Shared.Next(0, 20000);
        using var stop = new CancellationTokenSource();
        var serving = Cli.RunAsync(new Dictionary<string, string>(), stop.Token, "fakes", "--port", basePort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", described);
        try
        {
            using var document = JsonDocument.Parse(await WaitForFileAsync(described, serving));
            document.RootElement.GetProperty("services").GetProperty("truefoundry").GetProperty("baseUrl").GetString().Should().Be($"http://127.0.0.1:{basePort + 2}/");
            document.RootElement.GetProperty("admin").GetString().Should().Be($"http://127.0.0.1:{basePort + 5}", "no trailing slash: $ADMIN/fail-next is one slash");
            var env = document.RootElement.GetProperty("services").GetProperty("mixpeek").GetProperty("env").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

            var list = await Cli.RunAsync(env, "mixpeek", "triggers", "list", "--json");

            list.ExitCode.Should().Be(0, list.ToString());
        }
        finally
        {
            await stop.CancelAsync();
        }

        (await serving).ExitCode.Should().Be(0);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Fakes_remove_stale_files_at_start_write_them_whole_and_remove_them_on_exit()
    {
        // A re-run's `until [ -s fakes.env ]` loop must not see the last run's ports: the files go at start, come back
        // (renamed into place, whole) once everything listens, and go again when the fakes stop.
        var folder = Directory.CreateTempSubdirectory("astro-fakes-").FullName;
        var described = Path.Combine(folder, "fakes.json");
        var envFile = Path.Combine(folder, "fakes.env");
        await File.WriteAllTextAsync(envFile, "AGENTSET_BASE_URL=http://127.0.0.1:1/ STALE\n");
        await File.WriteAllTextAsync(described, "{\"stale\": true}");
        using var stop = new CancellationTokenSource();
        var serving = Cli.RunAsync(new Dictionary<string, string>(), stop.Token, "fakes", "--fast", "--out", described, "--env-file", envFile);
        try
        {
            var env = await WaitForFileAsync(envFile, serving);
            env.Should().NotContain("STALE").And.Contain("MIXPEEK_BASE_URL=http://127.0.0.1:");
            var json = await WaitForFileAsync(described, serving);
            json.Should().NotContain("stale");
            using var document = JsonDocument.Parse(json);
            var url = document.RootElement.GetProperty("services").GetProperty("mixpeek").GetProperty("baseUrl").GetString();
            env.Should().Contain($"MIXPEEK_BASE_URL={url}\n", "both files describe the same fakes");
            Directory.GetFiles(folder).Select(Path.GetFileName).Should().BeEquivalentTo(["fakes.json", "fakes.env"], "no temporary file is left behind");
        }
        finally
        {
            await stop.CancelAsync();
        }

        var result = await serving;
        result.ExitCode.Should().Be(0, result.ToString());
        File.Exists(envFile).Should().BeFalse("the fakes it described are gone");
        File.Exists(described).Should().BeFalse();
        Directory.Delete(folder, recursive: true);
    }

    internal static async Task<string> WaitForFileAsync(string path, Task serving)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(path))
        {
            if (serving.IsCompleted)
            {
                throw new InvalidOperationException("fakes ended early: " + await (Task<CliResult>)serving);
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "the fakes should be up within 30 s");
            await Task.Delay(50);
        }

        return await File.ReadAllTextAsync(path);
    }
}
