using Astro.Triggers.Sdk.Core.Retry;
using FluentAssertions;
using Xunit;

namespace Astro.Triggers.Sdk.Tests.Core.Retry;

/// <summary>The waits between attempts without a Retry-After (issue 30: the retry loop is the SDK's own, no longer
/// Polly's, with the same series): exponential from BaseDelay, capped by MaxDelay; with jitter, the decorrelated series
/// whose terms stay within its documented bounds.</summary>
public sealed class BackoffTests
{
    [Fact]
    public void Without_jitter_doubles_from_the_base_delay_and_stops_at_the_cap()
    {
        var options = new RetryOptions { UseJitter = false, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10) };
        var backoff = default(Backoff);

        Enumerable.Range(0, 6).Select(retry => backoff.Next(options, retry).TotalSeconds)
            .Should().Equal(1, 2, 4, 8, 10, 10);
    }

    [Fact]
    public void A_huge_retry_number_is_the_cap_not_an_overflow()
    {
        var options = new RetryOptions { UseJitter = false, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) };
        var backoff = default(Backoff);

        backoff.Next(options, 5000).Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void With_jitter_each_wait_stays_within_the_series_bounds_and_the_cap()
    {
        // Decorrelated jitter: retry t waits between 0 and BaseDelay × 2^(t+1) for t 0 and 1, and at most
        // BaseDelay × (2^(t+1) − 2^(t−1)) after; never more than MaxDelay.
        var options = new RetryOptions { UseJitter = true, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(20) };
        for (var run = 0; run < 200; run++)
        {
            var backoff = default(Backoff);
            for (var retry = 0; retry < 8; retry++)
            {
                var wait = backoff.Next(options, retry).TotalSeconds;
                var bound = Math.Min(20, retry < 2 ? Math.Pow(2, retry + 1) : Math.Pow(2, retry + 1) - Math.Pow(2, retry - 1));
                wait.Should().BeGreaterThanOrEqualTo(0).And.BeLessThanOrEqualTo(bound + 1e-6, "retry {0} of run {1}", retry, run);
            }
        }
    }
}
