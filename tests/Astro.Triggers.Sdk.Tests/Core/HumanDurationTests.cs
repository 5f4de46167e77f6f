using System.Globalization;
using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Tests.Core;

/// <summary>Every message that names a duration writes it one way (issue 25: "after 00:00:00.3000000").</summary>
public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(0L, "0 s")]
    [InlineData(5_000L, "0.5 ms")]
    [InlineData(10_000L, "1 ms")]
    [InlineData(3_000_000L, "300 ms")]
    [InlineData(9_990_000L, "999 ms")]
    [InlineData(9_999_999L, "1 s")]
    [InlineData(1L, "0 ms")]
    [InlineData(10_000_000L, "1 s")]
    [InlineData(16_000_000L, "1.6 s")]
    [InlineData(16_400_000L, "1.6 s")]
    [InlineData(16_500_000L, "1.7 s")]
    [InlineData(590_000_000L, "59 s")]
    [InlineData(600_000_000L, "1 min")]
    [InlineData(1_250_000_000L, "2 min 5 s")]
    [InlineData(1_254_000_000L, "2 min 5 s")]
    [InlineData(36_000_000_000L, "1 h")]
    [InlineData(54_000_000_000L, "1 h 30 min")]
    [InlineData(54_050_000_000L, "1 h 30 min 5 s")]
    [InlineData(36_000_050_000_000L, "41 d 16 h 5 s")]
    [InlineData(-3_000_000L, "-300 ms")]
    public void Formats(long ticks, string expected)
    {
        HumanDuration.Format(TimeSpan.FromTicks(ticks)).Should().Be(expected);
    }

    [Fact]
    public void Infinite_and_extremes_do_not_throw()
    {
        HumanDuration.Format(Timeout.InfiniteTimeSpan).Should().Be("infinite");
        HumanDuration.Format(TimeSpan.MaxValue).Should().StartWith("10675199 d");
        HumanDuration.Format(TimeSpan.MinValue).Should().StartWith("-10675199 d");
    }

    [Fact]
    public void Is_the_same_in_every_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            HumanDuration.Format(TimeSpan.FromSeconds(1.6)).Should().Be("1.6 s");
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Exception_messages_use_it()
    {
        new ServiceTimeoutException("Agentset", "getIngestJob", TimeSpan.FromMilliseconds(300), false, null).Message
            .Should().Contain("within 300 ms").And.NotContain("00:00");
        var run = Sdk.Agentset.AgentsetModelFactory.IngestJobRun(new Sdk.Agentset.IngestJob { Id = "job_1", NamespaceId = "ns_1", Status = Sdk.Agentset.IngestJobStatus.Processing, Payload = new Sdk.Agentset.TextPayload { Text = "x" } });
        new RunWaitTimeoutException(run, TimeSpan.FromSeconds(125), 7).Message.Should().Contain("after 2 min 5 s and 7 status reads");
        new RunWaitTimeoutException(run, TimeSpan.FromSeconds(2), 1).Message.Should().Contain("after 2 s and 1 status read;");
    }
}
