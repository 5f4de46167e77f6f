namespace Astro.Triggers.Sdk.Shipyard;

/// <summary>One row of a fleet's runs CSV: its "Fleet Log ID", "Status" and every column as sent.</summary>
public sealed class FleetRunRecord
{
    internal FleetRunRecord(IReadOnlyDictionary<string, string> columns)
    {
        Columns = columns;
    }

    /// <summary>The run's id ("Fleet Log ID"), which is the trigger's <c>fleet_run_id</c>.</summary>
    public string? FleetLogId => Column(FleetRunCsv.FleetLogIdColumn);

    /// <summary>The run's status as Shipyard words it ("Status").</summary>
    public string? Status => Column(FleetRunCsv.StatusColumn);

    /// <summary>Every column of the row by header name (exact, case-sensitive as sent).</summary>
    public IReadOnlyDictionary<string, string> Columns { get; }

    /// <summary>A column's value, or null when the CSV has no such column.</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The value.</returns>
    public string? Column(string name) => Columns.TryGetValue(name, out var value) ? value : null;
}
