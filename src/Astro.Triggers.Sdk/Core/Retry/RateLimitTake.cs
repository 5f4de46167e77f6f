namespace Astro.Triggers.Sdk;

/// <summary>What <see cref="RateLimitBudget.TakeAsync"/> decides for one attempt: a slot (<see cref="Granted"/>, with
/// its <see cref="Ticket"/>), or a refusal with how long the budget stays as it is.</summary>
public readonly struct RateLimitTake
{
    private RateLimitTake(bool granted, long ticket, TimeSpan wait, bool spent, Task? changed)
    {
        Granted = granted;
        Ticket = ticket;
        Wait = wait;
        Spent = spent;
        Changed = changed;
    }

    /// <summary>Whether the attempt may be sent now.</summary>
    public bool Granted { get; }

    /// <summary>When granted: the attempt's ticket, for <see cref="RateLimitBudget.Observe"/> or
    /// <see cref="RateLimitBudget.Abandon"/>.</summary>
    public long Ticket { get; }

    /// <summary>When refused: how long until asking again may succeed (the window's reset, or until another probe may go);
    /// positive.</summary>
    public TimeSpan Wait { get; }

    /// <summary>When refused: whether the service's latest word says the window is spent until <see cref="Wait"/> has
    /// passed. A call that cannot wait that long ends at once, before anything is sent; otherwise (held only by attempts
    /// in flight, which may end any moment) the call waits as long as its own budget allows.</summary>
    public bool Spent { get; }

    /// <summary>When refused: a task that completes when the budget may have changed sooner than <see cref="Wait"/> (an
    /// answer arrived, an attempt ended), or <see langword="null"/> when only the clock tells.</summary>
    public Task? Changed { get; }

    /// <summary>A granted slot.</summary>
    /// <param name="ticket">The attempt's ticket.</param>
    /// <returns>The decision.</returns>
    public static RateLimitTake Go(long ticket) => new(true, ticket, TimeSpan.Zero, false, null);

    /// <summary>A refusal.</summary>
    /// <param name="wait">How long until asking again may succeed; at least 1 ms is used.</param>
    /// <param name="spent">Whether the service said the window is spent until then.</param>
    /// <param name="changed">Completes when the budget may have changed sooner, or <see langword="null"/>.</param>
    /// <returns>The decision.</returns>
    public static RateLimitTake Refuse(TimeSpan wait, bool spent, Task? changed = null) =>
        new(false, 0, wait < Core.Retry.RateLimitPacer.MinimumWait ? Core.Retry.RateLimitPacer.MinimumWait : wait, spent, changed);
}
