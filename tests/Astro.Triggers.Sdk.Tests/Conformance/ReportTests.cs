using System.ComponentModel;
using System.Diagnostics;

namespace Astro.Triggers.Sdk.Tests.Conformance;

/// <summary>The conformance report is generated, never kept by hand (issue 26, item 2; tests/conformance/README.md,
/// "Current state"): <c>node tests/conformance/report.mjs --check</c> fails when the README's section differs from what
/// the suite's files give — a case added, or an accepted difference listed or removed, without regenerating. The
/// TypeScript suite runs the same check (src/typescript/test/conformance/report.test.ts).</summary>
public sealed class ReportTests
{
    private const string Command = "node tests/conformance/report.mjs --check";

    [Fact]
    public async Task The_generated_conformance_report_is_up_to_date()
    {
        var repositoryRoot = Path.GetDirectoryName(Path.GetDirectoryName(ConformanceSuite.Root))!;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine("tests", "conformance", "report.mjs"));
        start.ArgumentList.Add("--check");

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"'{Command}' did not start.");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"'{Command}' could not run: node (Node.js 20 or later) is not on PATH ({e.Message}). " +
                "Install Node.js (CI has it) so the conformance report in tests/conformance/README.md can be checked.");
            return;
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var output = (await stderr) + (await stdout);

            Assert.True(process.ExitCode == 0, $"'{Command}' exited {process.ExitCode}:{Environment.NewLine}{output}");
        }
    }
}
