using Astro.Triggers.Cli.Commands;
using Astro.Triggers.Cli.Services;
using Astro.Triggers.Sdk;
using Astro.Triggers.Sdk.Agentset;

namespace Astro.Triggers.Cli.Tests;

/// <summary>The pure helpers: durations, names, error mapping (issue 28, "Done when").</summary>
public sealed class HelperTests
{
    [Theory]
    [InlineData("90s", 90_000)]
    [InlineData("15m", 900_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("500ms", 500)]
    [InlineData("2500ms", 2_500)]
    [InlineData("1.5", 1_500)]
    [InlineData("00:01:30", 90_000)]
    public void Durations_read_the_forms_ci_users_write(string text, int milliseconds)
    {
        Durations.TryParse(text, out var value).Should().BeTrue();
        value.Should().Be(TimeSpan.FromMilliseconds(milliseconds));
    }

    [Theory]
    [InlineData("0s", "--timeout: must be more than zero (was '0s').")]
    [InlineData("-5m", "--timeout: must be more than zero (was '-5m').")]
    [InlineData("soon", "--timeout: 'soon' is not a duration: use e.g. 90s, 15m, 2h, 500ms or hh:mm:ss.")]
    [InlineData("1e400s", "--timeout: '1e400s' is not a duration: use e.g. 90s, 15m, 2h, 500ms or hh:mm:ss.")]
    public void A_bad_duration_names_the_flag_and_the_rule(string text, string message) =>
        Durations.Check("--timeout", text, out _).Should().Be(message);

    [Fact]
    public void Status_names_go_both_ways()
    {
        WireNames.UpperSnake(IngestJobStatus.PreProcessing).Should().Be("PRE_PROCESSING");
        WireNames.Parse<IngestJobStatus>(["pre-processing,COMPLETED", "Failed"], "--status").Should().Equal(IngestJobStatus.PreProcessing, IngestJobStatus.Completed, IngestJobStatus.Failed);
        FluentActions.Invoking(() => WireNames.Parse<IngestJobStatus>(["done"], "--status")).Should().Throw<CliUsageException>().WithMessage("--status: 'done' is not one of *");
    }

    [Fact]
    public void Sdk_argument_messages_are_said_in_the_clis_words()
    {
        ParameterNames.Describe(new ArgumentException("'jobId' must start with 'job_'.", "jobId")).Should().Be("<job-id> must start with 'job_'.");
        ParameterNames.Describe(new ArgumentOutOfRangeException("Timeout", TimeSpan.FromSeconds(10), "must be at least the poll interval."))
            .Should().Be("--timeout: must be at least the poll interval.");
        ParameterNames.ToCli("request.Payload.Text").Should().Be("--text");
        ParameterNames.ToCli("somethingElse").Should().BeNull();
    }

    [Theory]
    [InlineData("--txt", " (did you mean --text?)")]
    [InlineData("--wiat", " (did you mean --wait?)")]
    [InlineData("--zzzzzz", "")]
    public void A_typo_gets_the_closest_name(string typed, string suggestion) =>
        UsageErrors.Suggest(typed, ["--text", "--url", "--wait", "--name"]).Should().Be(suggestion);

    [Fact]
    public void Each_failure_maps_to_its_documented_exit_code()
    {
        ErrorReport.Describe(new CliUsageException("x"), "Agentset").Code.Should().Be(2);
        ErrorReport.Describe(new ArgumentException("bad", "jobId"), "Agentset").Code.Should().Be(2);
        ErrorReport.Describe(new OperationCanceledException(), "Agentset", interrupted: true, interruptCode: 143).Code.Should().Be(143);
        var refresh = ErrorReport.Describe(new TokenRefreshException("Astropod", "triggerIngestion", "the token provider failed", new InvalidOperationException("device flow expired")), "Astropod");
        refresh.Code.Should().Be(4, "a credential that cannot be refreshed is a refusal, not 'safe to try again'");
        refresh.Error["kind"]!.GetValue<string>().Should().Be("refused");
        refresh.Message.Should().Contain("device flow expired").And.NotContain("safe to try again");
        var bug = ErrorReport.Describe(new InvalidCastException("boom"), "Agentset");
        bug.Code.Should().Be(70);
        bug.Message.Should().Contain("this is a bug in astro-triggers");
        WaitCommand.Worst([0, 1, 3, 143]).Should().Be(143);
        WaitCommand.Worst([0, 1, 3]).Should().Be(3);
        WaitCommand.Worst([0, 0]).Should().Be(0);
    }
}
