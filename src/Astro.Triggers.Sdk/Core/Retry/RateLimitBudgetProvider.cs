namespace Astro.Triggers.Sdk;

/// <summary>Creates the <see cref="RateLimitBudget"/> of a client, once per client and service
/// (<see cref="ServiceClientOptions.RateLimitBudget"/>). Implemented by shared budgets such as the
/// <c>Astro.Triggers.Sdk.Redis</c> package's.</summary>
public abstract class RateLimitBudgetProvider
{
    /// <summary>Creates a provider.</summary>
    protected RateLimitBudgetProvider()
    {
    }

    /// <summary>Creates the budget of one client for one service.</summary>
    /// <param name="scope">The service, a hash of the client's credential, the client's clock and logging, and the
    /// client's own in-process budget to fall back on.</param>
    /// <returns>The budget every call of that client draws on.</returns>
    public abstract RateLimitBudget Create(RateLimitBudgetScope scope);
}
