using CsvHelper;

namespace Astro.Triggers.Sdk.Shipyard;

/// <summary>Reads the fleet-runs CSV Shipyard answers (RFC 4180: quoted fields, embedded commas, quotes and line
/// breaks) with CsvHelper, by header name only, so no reflection-based record mapping is involved.</summary>
internal static class FleetRunCsv
{
    public const string FleetLogIdColumn = "Fleet Log ID";
    public const string StatusColumn = "Status";

    private static readonly CsvReaderOptions Options = new() { HasHeader = true, AllowLineBreaksInQuotes = true };

    public static IReadOnlyList<FleetRunRecord> Parse(string csv)
    {
        var records = new List<FleetRunRecord>();
        if (string.IsNullOrWhiteSpace(csv))
        {
            return records;
        }

        using var reader = CsvReader.FromText(csv.TrimStart('\uFEFF'), Options);
        while (reader.Read())
        {
            var header = reader.Headers;
            var columns = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                columns[header[i].Trim()] = i < reader.FieldCount ? reader.GetString(i) : string.Empty;
            }

            records.Add(new FleetRunRecord(columns));
        }

        return records;
    }
}
