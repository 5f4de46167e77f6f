namespace Astro.Triggers.Sdk.Testing.Core;

/// <summary>The faults of one fake, shared by its <see cref="FaultInjector"/> and every targeted view of it.</summary>
internal sealed class FaultQueue(FakeRouter routes)
{
    private readonly object _gate = new();
    private readonly List<Fault> _faults = [];
    private readonly Dictionary<FaultTarget, int> _injectedByTarget = [];
    private int _injected;

    public FakeRouter Routes { get; } = routes;

    public void Add(Fault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    public void Clear(FaultTarget? target)
    {
        lock (_gate)
        {
            _faults.RemoveAll(f => target is null || Equals(f.Target, target));
        }
    }

    public int Pending(FaultTarget? target)
    {
        lock (_gate)
        {
            return _faults.Where(f => target is null || Equals(f.Target, target)).Sum(f => f.Remaining);
        }
    }

    public int Injected(FaultTarget? target)
    {
        lock (_gate)
        {
            return target is null ? _injected : _injectedByTarget.GetValueOrDefault(target);
        }
    }

    public Fault? Take(string method, IReadOnlyList<string> segments, string? operationId, RecordedRequest request)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(f => f.Target?.Matches(method, segments, operationId, request) ?? true);
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index];
            if (--fault.Remaining == 0)
            {
                _faults.RemoveAt(index);
            }

            _injected++;
            if (fault.Target is { } target)
            {
                _injectedByTarget[target] = _injectedByTarget.GetValueOrDefault(target) + 1;
            }

            return fault;
        }
    }
}

/// <summary>What a targeted fault hits: one operationId, or a method and a path pattern (<c>*</c> = any one segment).</summary>
internal sealed record FaultTarget(string? OperationId, string? Method, string? PathPattern)
{
    private readonly string[] _pattern = PathPattern?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>A further test on the recorded call (<c>For(operationId, match)</c>); each such target is its own.</summary>
    public Func<RecordedRequest, bool>? Match { get; init; }

    public bool Matches(string method, IReadOnlyList<string> segments, string? operationId, RecordedRequest request)
    {
        if (OperationId is not null)
        {
            return string.Equals(OperationId, operationId, StringComparison.Ordinal) && (Match?.Invoke(request) ?? true);
        }

        if (Method != method || _pattern.Length != segments.Count)
        {
            return false;
        }

        for (var i = 0; i < _pattern.Length; i++)
        {
            if (_pattern[i] != "*" && !string.Equals(_pattern[i], segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // Equality is by operationId, method and pattern text (the record's own), not by the split array.
    public bool Equals(FaultTarget? other) =>
        other is not null && OperationId == other.OperationId && Method == other.Method && PathPattern == other.PathPattern
        && ReferenceEquals(Match, other.Match);

    public override int GetHashCode() => HashCode.Combine(OperationId, Method, PathPattern, Match);

    public override string ToString() => (OperationId ?? $"{Method} {PathPattern}") + (Match is null ? "" : " (matching calls)");
}

internal enum FaultKind
{
    RateLimit,
    ServerError,
    Delay,
    DropConnection,
    ServerErrorAfterProcessing,
    DropConnectionAfterProcessing,
}

internal sealed class Fault(FaultKind kind, int count, int status, TimeSpan? wait, FaultTarget? target)
{
    public FaultKind Kind { get; } = kind;

    public int Status { get; } = status;

    public TimeSpan? Wait { get; } = wait;

    public FaultTarget? Target { get; } = target;

    public int Remaining { get; set; } = count;
}
