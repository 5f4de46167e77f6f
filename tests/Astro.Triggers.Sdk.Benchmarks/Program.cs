using BenchmarkDotNet.Running;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary><c>--checks</c> prints the memory checks as Markdown, <c>--pacing</c> the bulk rate-limit run, <c>--startmany</c>
/// issue 31's exactly-once start of 2,000 jobs under ambiguous faults, <c>--waits</c> the
/// poll schedules of <c>WaitForCompletionAsync</c>, <c>--compression</c> the bytes on the wire per page; <c>--alloc</c> and
/// <c>--alloc-types NAME</c> are quick allocation probes; anything else goes to BenchmarkDotNet.</summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--checks")
        {
            Console.Write(await MemoryChecks.RunAsync());
            return;
        }

        if (args.Length > 0 && args[0] == "--alloc")
        {
            Console.Write(await AllocProbe.RunAsync());
            return;
        }

        if (args.Length > 1 && args[0] == "--alloc-types")
        {
            Console.Write(await AllocTypes.RunAsync(args[1]));
            return;
        }

        if (args.Length > 0 && args[0] == "--compression")
        {
            Console.Write(await CompressionWire.RunAsync());
            return;
        }

        if (args.Length > 0 && args[0] == "--pacing")
        {
            Console.Write(await BulkPacing.RunAsync());
            return;
        }

        if (args.Length > 0 && args[0] == "--startmany")
        {
            Console.Write(await StartManyRun.RunAsync());
            return;
        }

        if (args.Length > 0 && args[0] == "--waits")
        {
            Console.Write(await WaitSchedules.RunAsync());
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
