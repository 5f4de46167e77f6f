namespace Astro.Triggers.Sdk.Testing.Core;

/// <summary>
/// Makes a fake misbehave on its next calls, for testing retries, timeouts and error handling. Faults are used in
/// the order they were added; each covers the number of calls it was given, then the fake behaves normally again.
/// A faulted call does not reach the fake's state: nothing is created, changed or counted.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<Fault> _queue = [];

    /// <summary>The next <paramref name="count"/> calls answer 429 with <c>Retry-After</c> (default 1 s), in the
    /// service's own format and error body (Agentset's Retry-After is a Unix-milliseconds reset moment).</summary>
    public FaultInjector RateLimit(int count = 1, TimeSpan? retryAfter = null) =>
        Add(new Fault(FaultKind.RateLimit, count, 429, retryAfter ?? TimeSpan.FromSeconds(1)));

    /// <summary>The next <paramref name="count"/> calls answer <paramref name="status"/> (default 503) with the
    /// service's error body, and <c>Retry-After</c> when <paramref name="retryAfter"/> is given.</summary>
    public FaultInjector ServerError(int count = 1, int status = 503, TimeSpan? retryAfter = null)
    {
        if (status is < 500 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A server error is a status from 500 to 599.");
        }

        return Add(new Fault(FaultKind.ServerError, count, status, retryAfter));
    }

    /// <summary>The next <paramref name="count"/> calls are answered normally but only after
    /// <paramref name="delay"/> on the fake's <see cref="TimeProvider"/>. The wait ends early when the client goes
    /// away (the call is then handled at once, as a service that had received it would) and when the fake is
    /// disposed (the call is not acted on), so disposing a fake never waits for a pending delay.</summary>
    public FaultInjector Delay(TimeSpan delay, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return Add(new Fault(FaultKind.Delay, count, 0, delay));
    }

    /// <summary>The next <paramref name="count"/> calls get no response: the connection is closed
    /// (the client sees an <see cref="HttpRequestException"/>).</summary>
    public FaultInjector DropConnection(int count = 1) => Add(new Fault(FaultKind.DropConnection, count, 0, null));

    /// <summary>Removes every fault not yet used.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
        }
    }

    /// <summary>How many calls are still to be faulted.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _queue.Sum(f => f.Remaining);
            }
        }
    }

    /// <summary>How many calls have been faulted so far.</summary>
    public int Injected { get; private set; }

    /// <summary>Takes the next fault, if there is one and it is of a kind <paramref name="handles"/> accepts.</summary>
    internal Fault? TakeNext(Func<FaultKind, bool> handles)
    {
        lock (_gate)
        {
            if (_queue.Count == 0 || !handles(_queue[0].Kind))
            {
                return null;
            }

            var fault = _queue[0];
            if (--fault.Remaining == 0)
            {
                _queue.RemoveAt(0);
            }

            Injected++;
            return fault;
        }
    }

    private FaultInjector Add(Fault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Remaining, 1, "count");
        lock (_gate)
        {
            _queue.Add(fault);
        }

        return this;
    }
}

internal enum FaultKind
{
    RateLimit,
    ServerError,
    Delay,
    DropConnection,
}

internal sealed class Fault(FaultKind kind, int count, int status, TimeSpan? wait)
{
    public FaultKind Kind { get; } = kind;

    public int Status { get; } = status;

    public TimeSpan? Wait { get; } = wait;

    public int Remaining { get; set; } = count;
}
