using System.Text.Json;
using System.Text.Json.Nodes;
using Astro.Triggers.Cli.Fakes;
using Astro.Triggers.Cli.Offline;
using Astro.Triggers.Cli.Output;
using Astro.Triggers.Sdk.Testing.Core;
using Json.Schema;

namespace Astro.Triggers.Cli.Tests;

/// <summary>Runs astro-triggers in this process with its own environment and streams (stdout redirected, as in CI)
/// against fakes on loopback. Every run with --json has its stdout validated against the shipped schema.</summary>
internal static class Cli
{
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, CancellationToken interrupt, params string[] args) =>
        await RunAsync(environment, new EmbeddedFakes(), null, interrupt, args);

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, IOfflineServices offline, Func<int>? interruptCode, CancellationToken interrupt, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new CliHost(output, error, name => environment.TryGetValue(name, out var value) ? value : null, outputIsTerminal: false, interrupt, interruptCode);
        var code = await CliApp.RunAsync(args, host, offline);
        var result = new CliResult(code, output.ToString(), error.ToString());
        if (args.TakeWhile(a => a != "--").Contains("--json"))
        {
            Schema.AssertValid(result);
        }

        return result;
    }

    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(environment, CancellationToken.None, args);

    /// <summary>The variables that point the CLI at a fake, as `fakes --env-file` writes them.</summary>
    public static Dictionary<string, string> Env(FakeService fake) => FakeEnvironment.For(fake, fake.BaseAddress.ToString());

    public static Dictionary<string, string> Env(FakeService fake, params (string Name, string Value)[] extra)
    {
        var env = Env(fake);
        foreach (var (name, value) in extra)
        {
            env[name] = value;
        }

        return env;
    }
}

/// <summary>src/Astro.Triggers.Cli/schema/astro-triggers.schema.json, as shipped in the package.</summary>
internal static class Schema
{
    private static readonly Lazy<JsonSchema> Loaded = new(() =>
        JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "schema", "astro-triggers.schema.json")));

    /// <summary>stdout is exactly one JSON document, valid against the schema, whose exitCode is the process's.</summary>
    public static void AssertValid(CliResult result)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(result.Out);
        }
        catch (JsonException ex)
        {
            throw new Xunit.Sdk.XunitException($"with --json stdout must hold exactly one JSON document ({ex.Message}):\n{result}");
        }

        var evaluation = Loaded.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!evaluation.IsValid)
        {
            var problems = evaluation.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"));
            throw new Xunit.Sdk.XunitException($"the --json document does not match schema/astro-triggers.schema.json:\n{string.Join('\n', problems)}\n{result}");
        }

        var exitCode = document!["exitCode"]!.GetValue<int>();
        if (exitCode != result.ExitCode)
        {
            throw new Xunit.Sdk.XunitException($"the document's exitCode {exitCode} is not the process's {result.ExitCode}:\n{result}");
        }
    }

    /// <summary>Whether a document is valid (for tests of the schema itself).</summary>
    public static bool IsValid(string json) => Loaded.Value.Evaluate(JsonNode.Parse(json)).IsValid;
}

internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public JsonElement Json
    {
        get
        {
            // The whole of stdout is one JSON document: parsing fails on anything else there.
            using var document = JsonDocument.Parse(Out);
            return document.RootElement.Clone();
        }
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
