namespace Astro.Triggers.Sdk.Testing.Core;

/// <summary>"The next N jobs/runs/executions fail with this error": what each fake's <c>FailNext…</c> sets and its
/// create/trigger takes from, one planned failure per started job.</summary>
internal sealed class PlannedFailures
{
    private readonly object _gate = new();
    private int _remaining;
    private string _error = string.Empty;

    public void Plan(int count, string error)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            _remaining = count;
            _error = error;
        }
    }

    /// <summary>The planned error for the job being started, or <see langword="null"/> when it should succeed.</summary>
    public string? Take()
    {
        lock (_gate)
        {
            if (_remaining == 0)
            {
                return null;
            }

            _remaining--;
            return _error;
        }
    }
}
