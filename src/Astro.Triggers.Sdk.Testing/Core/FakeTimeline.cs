namespace Astro.Triggers.Sdk.Testing.Core;

/// <summary>
/// The statuses a job or run moves through, each from a moment on. Status is read from the clock on every
/// request, so a fake needs no timers and a test that advances a <c>FakeTimeProvider</c> sees the next status.
/// </summary>
internal sealed class FakeTimeline
{
    private readonly List<(DateTimeOffset At, string Status)> _steps = [];

    /// <summary>Starts a timeline: <paramref name="first"/> from <paramref name="start"/>, then each step after its duration.</summary>
    public static FakeTimeline Start(DateTimeOffset start, string first, params (TimeSpan After, string Status)[] then)
    {
        var timeline = new FakeTimeline();
        timeline.Restart(start, first, then);
        return timeline;
    }

    /// <summary>Replaces every step (a re-run, a deletion, a termination).</summary>
    public void Restart(DateTimeOffset start, string first, params (TimeSpan After, string Status)[] then)
    {
        _steps.Clear();
        _steps.Add((start, first));
        var at = start;
        foreach (var (after, status) in then)
        {
            at += after;
            _steps.Add((at, status));
        }
    }

    /// <summary>The status at <paramref name="now"/>.</summary>
    public string StatusAt(DateTimeOffset now)
    {
        var status = _steps[0].Status;
        foreach (var step in _steps)
        {
            if (step.At <= now)
            {
                status = step.Status;
            }
        }

        return status;
    }

    /// <summary>When <paramref name="status"/> was reached, if it was by <paramref name="now"/>.</summary>
    public DateTimeOffset? ReachedAt(string status, DateTimeOffset now)
    {
        DateTimeOffset? at = null;
        foreach (var step in _steps)
        {
            if (step.At <= now && step.Status == status)
            {
                at = step.At;
            }
        }

        return at;
    }

    /// <summary>Ends the timeline at <paramref name="now"/> in <paramref name="status"/> (a kill): the steps already
    /// reached stay, the planned ones are dropped.</summary>
    public void StopAt(DateTimeOffset now, string status)
    {
        _steps.RemoveAll(step => step.At > now);
        _steps.Add((now, status));
    }

    /// <summary>Renames the last step (e.g. the planned COMPLETED becomes FAILED).</summary>
    public void ReplaceFinal(string status) => _steps[^1] = (_steps[^1].At, status);

    /// <summary>The last step's status.</summary>
    public string Final => _steps[^1].Status;

    /// <summary>When the last step is reached.</summary>
    public DateTimeOffset FinalAt => _steps[^1].At;
}
