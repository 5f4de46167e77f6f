using System.Text.Json.Serialization;

namespace Astro.Triggers.Sdk.TrueFoundry;

// Hand-written part of the generated JobRun: the vendor sends instants as float epoch milliseconds
// (createdAt, endTime); these give them as instants without changing what is read or sent.
public partial class JobRun
{
    /// <summary><see cref="CreatedAt"/> as a UTC instant (sub-millisecond fractions kept); null when absent.</summary>
    [JsonIgnore]
    public DateTimeOffset? CreatedAtUtc => FromUnixMilliseconds(CreatedAt);

    /// <summary><see cref="EndTime"/> as a UTC instant; null while the run has not ended or when absent.</summary>
    [JsonIgnore]
    public DateTimeOffset? EndTimeUtc => FromUnixMilliseconds(EndTime);

    private static DateTimeOffset? FromUnixMilliseconds(double? milliseconds) =>
        milliseconds is { } ms && ms >= -62_135_596_800_000d && ms <= 253_402_300_799_999d
            ? DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(ms * TimeSpan.TicksPerMillisecond))
            : null;
}
