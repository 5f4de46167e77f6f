namespace Astro.Triggers.Sdk.Generator.Tests.Infrastructure;

/// <summary>What the generator's command line printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs the generator's Main in-process with the console captured, as MSBuild's Exec would run it.</summary>
/// <remarks>The console is process-wide, so every test that uses this is in the <see cref="SharedConsole"/>,
/// which xunit runs alone.</remarks>
internal static class Cli
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var entryPoint = typeof(SpecGenerator).Assembly.EntryPoint!;
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            // Top-level statements with await compile to a synchronous int Main wrapping the async body;
            // accept the Task<int> form too in case the compiler hands that out.
            var result = entryPoint.Invoke(null, [args]);
            var exitCode = result is Task<int> task ? await task : (int)result!;
            return new CliResult(exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedConsole
{
    public const string Name = "Console";
}
