namespace Astro.Triggers.Sdk.Core;

/// <summary>A test seam: a progress that also implements this is told after every status read of
/// <see cref="TriggeredRun.WaitForCompletionAsync(RunWaitOptions, IProgress{RunSnapshot}?, CancellationToken)"/>, changed
/// or not (the public progress hears only changes). Virtual-time drivers use it to learn that a read has ended.</summary>
internal interface IRunPollObserver
{
    void Polled(RunSnapshot snapshot);
}
