using System.Text.Json;
using Astro.Triggers.Cli.Fakes;
using Astro.Triggers.Cli.Output;
using Astro.Triggers.Sdk.Testing.Core;

namespace Astro.Triggers.Cli.Tests;

/// <summary>Runs astro-triggers in this process with its own environment and streams (stdout redirected, as in CI).</summary>
internal static class Cli
{
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, CancellationToken interrupt, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new CliHost(output, error, name => environment.TryGetValue(name, out var value) ? value : null, outputIsTerminal: false, interrupt);
        var code = await CliApp.RunAsync(args, host, new EmbeddedFakes());
        return new CliResult(code, output.ToString(), error.ToString());
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
