using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk;

/// <summary>How <see cref="TriggeredRun.WaitForCompletionAsync(RunWaitOptions, IProgress{RunSnapshot}?, CancellationToken)"/> polls.</summary>
public sealed class RunWaitOptions
{
    /// <summary>The wait after the first poll; later waits grow by <see cref="BackoffFactor"/>.</summary>
    /// <value>The default value is 2 seconds.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two polls.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How much each wait grows over the previous one (1 keeps the interval fixed).</summary>
    /// <value>The default value is 1.5.</value>
    public double BackoffFactor { get; set; } = 1.5;

    /// <summary>The longest the whole wait may take; then <see cref="RunWaitTimeoutException"/> is thrown.
    /// <see cref="Timeout.InfiniteTimeSpan"/> waits for ever (cancellation still stops it).</summary>
    /// <value>The default value is 1 hour.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether a run that ends failed or cancelled throws <see cref="RunFailedException"/>.</summary>
    /// <value>The default value is <see langword="true"/>; set false to inspect <see cref="TriggeredRun.Status"/> instead.</value>
    public bool ThrowOnFailure { get; set; } = true;

    internal void Validate()
    {
        Guard.Positive(PollInterval, $"{nameof(RunWaitOptions)}.{nameof(PollInterval)}");
        Guard.Positive(MaxPollInterval, $"{nameof(RunWaitOptions)}.{nameof(MaxPollInterval)}");
        Guard.Positive(Timeout, $"{nameof(RunWaitOptions)}.{nameof(Timeout)}");
        if (PollInterval == System.Threading.Timeout.InfiniteTimeSpan || MaxPollInterval == System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(PollInterval), "Poll intervals must be finite.");
        }

        if (double.IsNaN(BackoffFactor) || BackoffFactor < 1 || BackoffFactor > 10)
        {
            throw new ArgumentOutOfRangeException(
                $"{nameof(RunWaitOptions)}.{nameof(BackoffFactor)}", BackoffFactor, "'RunWaitOptions.BackoffFactor' must be between 1 and 10.");
        }
    }
}
