using System.Globalization;

namespace Astro.Triggers.Sdk.Core.Paging;

/// <summary>An offset page token: <c>"20"</c> (start at 20, the list's page size) or <c>"0:3"</c> (start at 0, at most
/// 3 items). The second form is only issued for the page before one that starts closer to 0 than a page size, so
/// that page ends exactly where the later one begins instead of overlapping it.</summary>
internal readonly record struct OffsetToken(int Offset, int? Limit)
{
    public static OffsetToken Parse(string token, int maxPageSize)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        var offsetText = colon < 0 ? token : token[..colon];
        if (!TryNumber(offsetText, out var offset))
        {
            throw Invalid(token);
        }

        if (colon < 0)
        {
            return new OffsetToken(offset, null);
        }

        return TryNumber(token[(colon + 1)..], out var limit) && limit >= 1 && limit <= maxPageSize
            ? new OffsetToken(offset, limit)
            : throw Invalid(token);
    }

    public override string ToString() => Limit is { } limit
        ? string.Create(CultureInfo.InvariantCulture, $"{Offset}:{limit}")
        : Offset.ToString(CultureInfo.InvariantCulture);

    private static bool TryNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static ArgumentException Invalid(string continuationToken) => new(
        $"'{nameof(continuationToken)}' must be a page token from a previous page: an offset, optionally ':' and a page size (was '{continuationToken}').",
        nameof(continuationToken));
}
