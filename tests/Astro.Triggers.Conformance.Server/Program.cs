using System.Text.Json;
using System.Text.Json.Nodes;
using Astro.Triggers.Conformance.Server;

// The scripted loopback server for every language's scenario runner (tests/conformance/README.md, "Scenarios").
//   dotnet Astro.Triggers.Conformance.Server.dll [scenarios folder]
// Speaks JSON lines: it writes {"ready":true,"scenarios":N} once it has read the files; then, for each line read
// from stdin, one line on stdout:
//   {"start":"<file>/<name>"}  -> {"id":1,"baseUrl":"http://127.0.0.1:<port>/"}   (a fresh listener for that scenario)
//   {"report":1}               -> {"requests":N,"mismatches":[...],"seen":[...]}  (and that listener stops)
// A bad line answers {"error":"..."}. It exits when stdin ends, stopping every listener.
var folder = args.Length > 0 ? Path.GetFullPath(args[0]) : ScenarioFiles.FindFolder(AppContext.BaseDirectory);
var scenarios = ScenarioFiles.Load(folder).ToDictionary(s => s.Id, s => s.Scenario, StringComparer.Ordinal);
var running = new Dictionary<int, ScenarioServer>();
var nextId = 0;
using var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };

void Write(JsonObject line) => stdout.WriteLine(line.ToJsonString());

Write(new JsonObject { ["ready"] = true, ["scenarios"] = scenarios.Count });
while (Console.In.ReadLine() is { } line)
{
    if (string.IsNullOrWhiteSpace(line))
    {
        continue;
    }

    try
    {
        var command = JsonNode.Parse(line)!.AsObject();
        if (command["start"] is { } start)
        {
            var id = (string)start!;
            if (!scenarios.TryGetValue(id, out var scenario))
            {
                Write(new JsonObject { ["error"] = $"no scenario {id} in {folder}" });
                continue;
            }

            var server = ScenarioServer.Start(scenario);
            running[++nextId] = server;
            Write(new JsonObject { ["id"] = nextId, ["baseUrl"] = server.BaseAddress.ToString() });
        }
        else if (command["report"] is { } report && running.Remove((int)report!, out var server))
        {
            var result = server.Report();
            await server.DisposeAsync();
            Write(result);
        }
        else
        {
            Write(new JsonObject { ["error"] = $"unknown command or id: {line}" });
        }
    }
    catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or InvalidDataException)
    {
        Write(new JsonObject { ["error"] = e.Message });
    }
}

foreach (var server in running.Values)
{
    await server.DisposeAsync();
}
