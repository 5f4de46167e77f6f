using BenchmarkDotNet.Running;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary><c>--checks</c> prints the memory checks as Markdown, <c>--pacing</c> the bulk rate-limit run, <c>--waits</c> the
/// poll schedules of <c>WaitForCompletionAsync</c>, <c>--groups</c> a run group following 100 to 10,000 runs, <c>--startmany</c>
/// issue 31's exactly-once start of 2,000 jobs under ambiguous faults, <c>--compression</c> the bytes on the wire per page, <c>--coldstart [rounds]</c>
/// whole-process start to the first answered call (issue 30); <c>--alloc</c> and
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

        if (args.Length > 0 && args[0] == "--coldstart")
        {
            Console.Write(await ColdStartRun.RunAsync(
                args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20, args.Length > 2 ? args[2] : null));
            return;
        }

        if (args.Length > 0 && args[0] == "--pacing")
        {
            Console.Write(await BulkPacing.RunAsync());
            return;
        }

        if (args.Length > 0 && args[0] == "--groups")
        {
            Console.Write(await RunGroupFollowing.RunAsync(args.Length > 1 ? args[1].Split(',').Select(int.Parse).ToArray() : null));
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
