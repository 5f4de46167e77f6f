namespace Astro.Triggers.Sdk.Core.Auth;

/// <summary>Single-flight credential refresh. Calls rejected (401) with the same token share one
/// <c>forceRefresh</c> call and repeat with its result; a call that took its token before a refresh finished repeats
/// with that refresh's result (or fails with its error) without asking again. Calls sent with a refresh's result
/// before the service had answered any call carrying it do not refresh again when it rejects them: the service has
/// rejected the newest token there is, and a wave of such calls would otherwise ask once each. Their 401 stands;
/// a call sent after the service answered may refresh, so a token that expires later is still renewed.</summary>
internal sealed class TokenRefresher(TokenProvider tokens)
{
    private readonly Lock _gate = new();
    private long _generation;
    private Outcome? _last;
    private Flight? _flight;

    /// <summary>A request's token and what was known when it was handed out.</summary>
    /// <param name="Token">The token the request carries.</param>
    /// <param name="Generation">How many refreshes had finished before the provider was asked for it.</param>
    /// <param name="Unproven">It is the last refresh's result and the service had not yet answered a call carrying it.</param>
    public readonly record struct Ticket(string Token, long Generation, bool Unproven);

    public async ValueTask<Ticket> GetAsync(CancellationToken cancellationToken)
    {
        // Read before asking, so a refresh that finishes while the provider answers counts as newer than this token.
        var generation = Interlocked.Read(ref _generation);
        var token = await tokens(false, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            return new Ticket(token, generation, _last is { } last && last.Fresh == token && !last.Answered);
        }
    }

    /// <summary>The service answered (with any status) a request carrying <paramref name="token"/>.</summary>
    public void Answered(string token)
    {
        // No lock: every response passes here, and the flag only ever goes from false to true on its own outcome.
        if (Volatile.Read(ref _last) is { } last && last.Fresh == token && !last.Answered)
        {
            last.Answered = true;
        }
    }

    /// <summary>After a 401 for <paramref name="rejected"/>: the token to repeat the request with, or null when it
    /// must not be repeated (the 401 stands).</summary>
    /// <exception cref="TokenRefreshException">The refresh this call waited on failed.</exception>
    public async Task<string?> RenewAsync(Ticket rejected, CancellationToken cancellationToken)
    {
        Flight flight;
        var start = false;
        lock (_gate)
        {
            if (_flight is null)
            {
                if (_last is { } last && rejected.Generation < last.Generation)
                {
                    if (last.Fresh is { } fresh)
                    {
                        return Different(fresh, rejected.Token);
                    }

                    if (last.Stale == rejected.Token)
                    {
                        throw Failed(last.Failure!);
                    }
                }
                else if (rejected.Unproven)
                {
                    return null;
                }

                _flight = new Flight(rejected.Token);
                start = true;
            }

            flight = _flight;
            flight.Waiters++;
        }

        if (start)
        {
            _ = RunAsync(flight);
        }

        Outcome outcome;
        try
        {
            outcome = await flight.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Leave(flight);
            throw;
        }

        return outcome.Fresh is { } token ? Different(token, rejected.Token) : throw Failed(outcome.Failure!);
    }

    /// <summary>Runs on no caller's token, so one caller giving up does not fail the others; it is cancelled only
    /// when every waiter has left.</summary>
    private async Task RunAsync(Flight flight)
    {
        Outcome outcome;
        try
        {
            var token = await tokens(true, flight.Cancellation.Token).ConfigureAwait(false);
            outcome = new Outcome(flight.Stale, token, null);
        }
#pragma warning disable CA1031 // whatever the provider throws is handed to every waiter, wrapped
        catch (Exception ex)
#pragma warning restore CA1031
        {
            outcome = new Outcome(flight.Stale, null, ex);
        }

        lock (_gate)
        {
            if (_flight == flight)
            {
                _flight = null;
                outcome.Generation = Interlocked.Increment(ref _generation);
                Volatile.Write(ref _last, outcome);
            }
        }

        flight.Completion.SetResult(outcome);
    }

    private void Leave(Flight flight)
    {
        bool abandoned;
        lock (_gate)
        {
            abandoned = --flight.Waiters == 0 && _flight == flight;
            if (abandoned)
            {
                _flight = null;
            }
        }

        if (abandoned)
        {
            // Outside the lock: cancellation callbacks are the provider's code.
            flight.Cancellation.Cancel();
        }
    }

    /// <summary>Repeating with the token the service just rejected cannot succeed.</summary>
    private static string? Different(string fresh, string rejected) => fresh == rejected ? null : fresh;

    private static TokenRefreshException Failed(Exception failure) => new(
        $"The service rejected the credential (401) and the token provider threw {failure.GetType().Name} while refreshing it; see the inner exception.",
        failure);

    /// <summary>How one refresh ended: the token it replaced, and the new token or the provider's exception.</summary>
    private sealed class Outcome(string stale, string? fresh, Exception? failure)
    {
        private volatile bool _answered;

        public string Stale { get; } = stale;

        public string? Fresh { get; } = fresh;

        public Exception? Failure { get; } = failure;

        /// <summary>Set under the gate before the outcome is published, so it is never read half-written.</summary>
        public long Generation { get; set; }

        /// <summary>The service has answered a request carrying <see cref="Fresh"/>.</summary>
        public bool Answered
        {
            get => _answered;
            set => _answered = value;
        }
    }

    /// <summary>One refresh in progress. Its CancellationTokenSource has no timer and no links, so it is not disposed:
    /// a late Cancel from the last waiter leaving must not race a Dispose.</summary>
    private sealed class Flight(string stale)
    {
        public string Stale { get; } = stale;

        public CancellationTokenSource Cancellation { get; } = new();

        public TaskCompletionSource<Outcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Waiters { get; set; }
    }
}
