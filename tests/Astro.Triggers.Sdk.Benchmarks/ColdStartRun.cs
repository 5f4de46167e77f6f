using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary><c>--coldstart [rounds]</c> (issue 30): whole-process start to the first answered get, each program a fresh
/// process, in paired rounds (raw, SDK, CLI runs alternate within a round, so load on this shared machine hits them
/// alike), the median of each. The programs are ColdStart/Raw and ColdStart/Sdk (built with this project); each prints its
/// own Main → answered time, assemblies loaded and methods JIT-compiled. The CLI rows run the built <c>astro-triggers</c>
/// (JIT): <c>--help</c>, and <c>agentset ingest-jobs get</c> against a loopback server with the same canned answer.</summary>
internal static class ColdStartRun
{
    private sealed record Variant(string Name, string Exe, string[] Args, Dictionary<string, string>? Env = null, bool Reports = true);

    private sealed class Samples
    {
        public List<double> Wall { get; } = [];
        public List<double> Answered { get; } = [];
        public int Assemblies { get; set; }
        public int Jitted { get; set; }
    }

    public static async Task<string> RunAsync(int rounds, string? published = null)
    {
        var (bench, configuration) = (AppContext.BaseDirectory, new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name);
        var project = Path.GetFullPath(Path.Combine(bench, "..", "..", ".."));
        var root = Path.GetFullPath(Path.Combine(project, "..", ".."));
        string Built(string dir, string name) => Path.Combine(dir, "bin", configuration, "net10.0", name);
        var raw = Built(Path.Combine(project, "ColdStart", "Raw"), "ColdStart.Raw");
        var sdk = Built(Path.Combine(project, "ColdStart", "Sdk"), "ColdStart.Sdk");
        var cli = Built(Path.Combine(root, "src", "Astro.Triggers.Cli"), "astro-triggers");

        var envelope = Wire.JobEnvelope;
        using var server = new CannedHttpServer(envelope, Compress(envelope, gzip: true), Compress(envelope, gzip: false));
        var fake = new Dictionary<string, string>
        {
            ["AGENTSET_BASE_URL"] = server.BaseAddress.ToString(),
            ["AGENTSET_API_KEY"] = Harness.Key,
            ["AGENTSET_NAMESPACE_ID"] = Wire.Namespace,
        };
        var variants = new List<Variant>
        {
            new("raw HttpClient + source-generated JSON", raw, []),
            new("**Astro.Triggers.Sdk** (`new AgentsetClient(options)`)", sdk, []),
        };
        if (File.Exists(cli))
        {
            variants.Add(new("`astro-triggers --help` (JIT tool)", cli, ["--help"], Reports: false));
            variants.Add(new("`astro-triggers agentset ingest-jobs get` (JIT tool, loopback fake)", cli, ["agentset", "ingest-jobs", "get", Wire.JobId, "--json"], fake, Reports: false));
        }

        // Published ReadyToRun builds (coldstart.sh): what an app published with PublishReadyToRun, and the tool packed R2R, get.
        if (published is not null)
        {
            void AddPublished(string dir, string exe, string name, string[] args, Dictionary<string, string>? env = null, bool reports = true)
            {
                var path = Path.Combine(published, dir, exe);
                if (File.Exists(path))
                {
                    variants.Add(new(name, path, args, env, reports));
                }
            }

            AddPublished("raw-r2r", "ColdStart.Raw", "raw HttpClient, published ReadyToRun", []);
            AddPublished("sdk-r2r", "ColdStart.Sdk", "Astro.Triggers.Sdk, published ReadyToRun", []);
            AddPublished("cli-r2r", "astro-triggers", "`astro-triggers --help` (ReadyToRun)", ["--help"], reports: false);
            AddPublished("cli-r2r", "astro-triggers", "`astro-triggers agentset ingest-jobs get` (ReadyToRun, loopback fake)", ["agentset", "ingest-jobs", "get", Wire.JobId, "--json"], fake, reports: false);
        }

        var samples = variants.ToDictionary(v => v, _ => new Samples());
        foreach (var variant in variants)
        {
            await RunOnceAsync(variant); // warms the disk cache; not counted
        }

        for (var round = 0; round < rounds; round++)
        {
            // Alternate the order each round so neither program always runs right after the other.
            var order = round % 2 == 0 ? variants : Enumerable.Reverse(variants).ToList();
            foreach (var variant in order)
            {
                var (wall, line) = await RunOnceAsync(variant);
                var s = samples[variant];
                s.Wall.Add(wall);
                if (variant.Reports)
                {
                    var fields = line.Split(' ').Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
                    s.Answered.Add(double.Parse(fields["answered"], CultureInfo.InvariantCulture));
                    s.Assemblies = int.Parse(fields["assemblies"], CultureInfo.InvariantCulture);
                    s.Jitted = int.Parse(fields["jitted"], CultureInfo.InvariantCulture);
                }
            }
        }

        var rawWall = Median(samples[variants[0]].Wall);
        // Each round's own SDK/raw ratio, then their median: the pairing is what makes a shared machine's load cancel out.
        double PairedRatio(Variant v) => Median(samples[v].Wall.Zip(samples[variants[0]].Wall, (a, b) => a / b).ToList());
        var table = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{rounds} paired rounds, medians; JIT (tiered, no ReadyToRun of our assemblies), in-memory handler with the same canned answer for the two programs. \"ratio\" is the median of each round's ratio to raw.")
            .AppendLine()
            .AppendLine("| client | wall (ms) | ratio to raw | Main → answered (ms) | assemblies loaded | methods JIT-compiled |")
            .AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var v in variants)
        {
            var s = samples[v];
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {v.Name} | {Median(s.Wall):F0} | {PairedRatio(v):F2} | {(v.Reports ? Median(s.Answered).ToString("F0", CultureInfo.InvariantCulture) : "–")} | {(v.Reports ? s.Assemblies.ToString(CultureInfo.InvariantCulture) : "–")} | {(v.Reports ? s.Jitted.ToString(CultureInfo.InvariantCulture) : "–")} |");
        }

        _ = rawWall;
        return table.ToString();
    }

    private static async Task<(double WallMs, string Line)> RunOnceAsync(Variant variant)
    {
        var start = new ProcessStartInfo(variant.Exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in variant.Args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("COLDSTART_DETAIL");
        foreach (var (key, value) in variant.Env ?? [])
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var wall = clock.Elapsed.TotalMilliseconds;
        var output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{variant.Exe} {string.Join(' ', variant.Args)} exited {process.ExitCode}: {output}{await stderr}");
        }

        return (wall, output.Split('\n').FirstOrDefault(l => l.StartsWith("COLDSTART ", StringComparison.Ordinal)) ?? string.Empty);
    }

    private static byte[] Compress(byte[] body, bool gzip)
    {
        using var buffer = new MemoryStream();
        using (Stream encoder = gzip ? new GZipStream(buffer, CompressionLevel.Optimal) : new BrotliStream(buffer, CompressionLevel.Optimal))
        {
            encoder.Write(body);
        }

        return buffer.ToArray();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
