using System.Net.Http.Headers;

namespace Astro.Triggers.Sdk;

/// <summary>The rate-limit budget a client's calls draw on before each attempt, corrected by every answer's
/// <c>X-RateLimit-*</c> headers (see <see cref="ServiceClientOptions.RateLimitPacing"/>). The default is the client's own
/// in-process budget (<see cref="CreateInProcess"/>); another implementation may share one budget across processes (the
/// <c>Astro.Triggers.Sdk.Redis</c> package). Set one through <see cref="ServiceClientOptions.RateLimitBudget"/>.</summary>
/// <remarks>
/// <para>The SDK calls, per attempt: <see cref="TakeAsync"/> until it grants a slot (or the call's budget cannot wait for
/// the refusal's <see cref="RateLimitTake.Wait"/>), then exactly one of <see cref="Observe"/> (an answer arrived, whatever
/// its status) or <see cref="Abandon"/> (no answer: failed, timed out or cancelled) with the granted ticket.</para>
/// <para>An implementation must be thread-safe and must never fail a call on its own account: a budget that cannot reach
/// what it shares should fall back to an in-process one (<see cref="CreateInProcess"/>), not throw.</para>
/// </remarks>
public abstract class RateLimitBudget
{
    /// <summary>Creates a budget.</summary>
    protected RateLimitBudget()
    {
    }

    /// <summary>A new in-process budget: the SDK's default, shared by every call of one client and nothing else. Its
    /// rules are the conformance rule <c>rate-limit-pacing</c> (the service's latest word by its reset moment, minus
    /// the attempts in flight; one probe after the reset).</summary>
    /// <param name="timeProvider">The clock; the default value is <see cref="TimeProvider.System"/>.</param>
    /// <returns>A new budget.</returns>
    public static RateLimitBudget CreateInProcess(TimeProvider? timeProvider = null) =>
        new Core.Retry.RateLimitPacer(timeProvider ?? TimeProvider.System);

    /// <summary>Asks for a slot for one attempt.</summary>
    /// <param name="cancellationToken">Cancels the request for a slot.</param>
    /// <returns>A granted slot (with its ticket), or a refusal saying how long to wait and what may end the wait sooner.</returns>
    public abstract ValueTask<RateLimitTake> TakeAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads an answer's rate-limit headers (every attempt that got an answer, success or error).</summary>
    /// <param name="headers">The answer's headers.</param>
    /// <param name="status">The answer's HTTP status: a 429's own hint wins over an older window's reset.</param>
    /// <param name="ticket">The attempt's ticket from <see cref="TakeAsync"/>.</param>
    public abstract void Observe(HttpResponseHeaders headers, int status, long ticket);

    /// <summary>Ends an attempt that got no answer (failed, timed out or cancelled before the headers arrived): its slot is
    /// no longer in flight.</summary>
    /// <param name="ticket">The attempt's ticket from <see cref="TakeAsync"/>.</param>
    public abstract void Abandon(long ticket);
}
