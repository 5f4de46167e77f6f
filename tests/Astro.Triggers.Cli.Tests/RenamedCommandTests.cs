namespace Astro.Triggers.Cli.Tests;

/// <summary>Issue 28 §1: the 0.x spellings stay in 1.x as hidden aliases that say their new spelling on stderr (stdout and
/// the JSON document are the new command's), and go in 2.0.</summary>
public sealed class RenamedCommandTests
{
    [Theory]
    [InlineData("agentset jobs create --text hi", "agentset ingest-jobs start")]
    [InlineData("agentset jobs list", "agentset ingest-jobs list")]
    [InlineData("truefoundry runs trigger", "truefoundry job-runs start")]
    [InlineData("truefoundry runs list", "truefoundry job-runs list")]
    [InlineData("shipyard runs trigger", "shipyard fleet-runs start")]
    [InlineData("shipyard runs list", "shipyard fleet-runs list")]
    [InlineData("mixpeek triggers list", null)]
    [InlineData("astropod trigger docs x", "astropod ingestions start")]
    public async Task An_old_spelling_runs_the_new_command_after_a_notice_on_stderr(string command, string? now)
    {
        var args = command.Split(' ').Append("--offline").Append("--json").ToArray();

        var result = await Cli.RunAsync(new Dictionary<string, string>(), args);

        if (now is null)
        {
            result.ExitCode.Should().Be(0, result.ToString());
            result.Error.Should().NotContain("notice:");
            return;
        }

        result.Error.Should().Contain($"notice: `{string.Join(' ', command.Split(' ').Take(command.StartsWith("astropod", StringComparison.Ordinal) ? 2 : 3))}` is now `{now}");
        result.Json.GetProperty("document").GetString().Should().NotBeNull("stdout still holds the one document");
    }

    [Fact]
    public async Task The_old_top_level_wait_names_the_service_command_and_astropod_has_nothing_to_wait_for()
    {
        var agentset = await Cli.RunAsync(new Dictionary<string, string>(), "wait", "agentset", "job_0000", "--offline", "--json", "--timeout", "1s");
        var astropod = await Cli.RunAsync(new Dictionary<string, string>(), "wait", "astropod", "x", "--json");

        agentset.Error.Should().Contain("`wait agentset` is now `agentset ingest-jobs wait`");
        astropod.ExitCode.Should().Be(2, astropod.ToString());
        astropod.Error.Should().Contain("nothing to wait for");
    }
}
