using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Astro.Triggers.Cli.Commands;
using Astro.Triggers.Cli.Config;
using Astro.Triggers.Cli.Output;
using Astro.Triggers.Sdk.Testing.Core;

namespace Astro.Triggers.Cli.Fakes;

/// <summary><c>astro-triggers fakes</c>: the five stateful fakes in one process on loopback, described as JSON (and
/// optionally a file / env-file), serving until Ctrl+C or SIGTERM, with an admin route for faults. The stripe-mock
/// of this SDK: tests in any language point their client at it.</summary>
internal static class FakesCommand
{
    public static Command Build(CommandFactory factory)
    {
        var port = new Option<int>("--port") { Description = "Serve the fakes on this port and the next four (agentset, astropod, truefoundry, shipyard, mixpeek) [default: free ports]" };
        var adminPort = new Option<int>("--admin-port") { Description = "The admin route's port [default: --port + 5, or a free port]" };
        var outFile = new Option<FileInfo?>("--out") { Description = "Also write the JSON description to this file: removed at start, written (atomically) once everything listens, removed on exit" };
        var envFile = new Option<FileInfo?>("--env-file") { Description = "Also write KEY=VALUE lines (AGENTSET_BASE_URL=…) to this file, for `source`/dotenv/GITHUB_ENV: removed at start, written (atomically) once everything listens, removed on exit" };
        var fast = new Option<bool>("--fast") { Description = "Jobs and runs finish within about a second (default: the fakes' own few-second phases)" };

        return factory.Create("fakes", "Serve stateful fakes of all five services on loopback until stopped (Ctrl+C/SIGTERM)", "fakes", async invocation =>
        {
            var basePort = invocation.Get(port);
            if (basePort is < 0 or > 65530)
            {
                throw new CliUsageException("--port: between 1 and 65530 (or 0 for free ports)");
            }

            // A file left by an earlier run (killed, or still being read) would tell a script waiting for it
            // (`until [ -s fakes.env ]`) the old ports at once: gone before anything starts, back when everything listens.
            var written = new List<(FileInfo File, string Text)>();
            foreach (var file in new[] { invocation.Get(envFile), invocation.Get(outFile) })
            {
                if (file is not null)
                {
                    Delete(file);
                }
            }

            var fakes = new Dictionary<string, FakeService>(StringComparer.Ordinal);
            var forwarders = new List<PortForwarder>();
            var services = new JsonObject();
            var environment = new SortedDictionary<string, string>(StringComparer.Ordinal);
            AdminServer? admin = null;
            try
            {
                for (var i = 0; i < ServiceNames.All.Length; i++)
                {
                    var service = ServiceNames.All[i];
                    var fake = FakeEnvironment.Start(service, invocation.Get(fast));
                    fakes[service] = fake;
                    var url = fake.BaseAddress.ToString();
                    if (basePort > 0)
                    {
                        var forwarder = new PortForwarder(basePort + i, fake.BaseAddress.Port);
                        forwarders.Add(forwarder);
                        url = FormattableString.Invariant($"http://127.0.0.1:{forwarder.Port}/");
                    }

                    var env = FakeEnvironment.For(fake, url);
                    var description = new JsonObject { ["baseUrl"] = url, ["apiKey"] = fake.ApiKey };
                    foreach (var (name, value) in env)
                    {
                        environment[name] = value;
                    }

                    description["env"] = new JsonObject([.. env.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))]);
                    services[service] = description;
                }

                var requestedAdmin = invocation.Get(adminPort);
                admin = new AdminServer(requestedAdmin > 0 ? requestedAdmin : basePort > 0 ? basePort + 5 : 0, fakes, () => Describe(services, admin?.BaseUrl));
                var document = Describe(services, admin.BaseUrl);

                // The file appears only when everything listens: a test or script waits for it, then starts.
                if (invocation.Get(envFile) is { } env1)
                {
                    var text = string.Concat(environment.Select(e => $"{e.Key}={e.Value}\n"));
                    await WriteAtomicallyAsync(env1, text).ConfigureAwait(false);
                    written.Add((env1, text));
                }

                if (invocation.Get(outFile) is { } out1)
                {
                    var text = document.ToJsonString();
                    await WriteAtomicallyAsync(out1, text).ConfigureAwait(false);
                    written.Add((out1, text));
                }

                // The fakes' keys are fake: printing them is the point. The one document goes to stdout; logs to stderr.
                invocation.Out.Document(document);
                invocation.Out.Log($"fakes: serving {fakes.Count} services on loopback, admin at {admin.BaseUrl}; Ctrl+C or SIGTERM stops");
                try
                {
                    await Task.Delay(Timeout.Infinite, invocation.Cancellation).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Stopping is how a server ends: exit 0.
                }

                invocation.Out.Log("fakes: stopped");
                return ExitCodes.Succeeded;
            }
            finally
            {
                // The files describe fakes that are about to stop: removed (Ctrl+C, SIGTERM, or a failure), unless another
                // `fakes` has since written its own there.
                foreach (var (file, text) in written)
                {
                    DeleteIfStill(file, text);
                }

                if (admin is not null)
                {
                    await admin.DisposeAsync().ConfigureAwait(false);
                }

                foreach (var forwarder in forwarders)
                {
                    await forwarder.DisposeAsync().ConfigureAwait(false);
                }

                foreach (var fake in fakes.Values)
                {
                    await fake.DisposeAsync().ConfigureAwait(false);
                }
            }
        }, port, adminPort, outFile, envFile, fast);
    }

    /// <summary>The "fakes" document of the schema: the admin address (no trailing slash, so <c>$ADMIN/fail-next</c> is a
    /// valid URL) and each service's base URL, key and variables.</summary>
    private static JsonObject Describe(JsonObject services, string? admin) =>
        Documents.Merge(Documents.Envelope(Documents.Fakes, null, ExitCodes.Succeeded), new JsonObject { ["admin"] = admin, ["services"] = services.DeepClone() });

    /// <summary>Writes a temporary file beside <paramref name="file"/> and renames it over it, so a reader sees no file or
    /// the whole file, never a part.</summary>
    private static async Task WriteAtomicallyAsync(FileInfo file, string text)
    {
        var temporary = $"{file.FullName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(false)).ConfigureAwait(false);
            File.Move(temporary, file.FullName, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void Delete(FileInfo file)
    {
        try
        {
            File.Delete(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot remove the stale '{file.FullName}': {ex.Message}");
        }
    }

    private static void DeleteIfStill(FileInfo file, string text)
    {
        try
        {
            if (File.Exists(file.FullName) && File.ReadAllText(file.FullName) == text)
            {
                File.Delete(file.FullName);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort while stopping: the fakes stop all the same.
        }
    }
}
