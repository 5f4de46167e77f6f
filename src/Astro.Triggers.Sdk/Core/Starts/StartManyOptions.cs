namespace Astro.Triggers.Sdk;

/// <summary>How many starts run at once, and how ambiguous ones are reconciled.</summary>
public sealed class StartManyOptions
{
    /// <summary>How many requests are in flight at once (each start, its reconciliation and its one resend count as one);
    /// 1–1000. The client's rate-limit pacer still paces every call underneath.</summary>
    /// <value>The default value is 8.</value>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>How ambiguous starts are reconciled where the service allows it; <see langword="null"/> turns
    /// reconciliation off (every ambiguous start is reported <see cref="StartOutcomeKind.Ambiguous"/>).</summary>
    /// <value>The default value is a <see cref="ReconcileOptions"/> with its defaults.</value>
    public ReconcileOptions? Reconcile { get; set; } = new();

    internal StartManyOptions Validated(string name)
    {
        Core.Guard.InRange(MaxConcurrency, 1, 1000, name + "." + nameof(MaxConcurrency));
        Reconcile?.Validated(name + "." + nameof(Reconcile));
        return this;
    }
}
