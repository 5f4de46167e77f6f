using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Astro.Triggers.Sdk.Testing.Core;

/// <summary>An opaque cursor over a (created-at, sequence) sort key; it survives the deletion of the item it points at.</summary>
internal readonly record struct FakeCursor(long Ticks, long Sequence) : IComparable<FakeCursor>
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Ticks}:{Sequence}")));

    public static bool TryDecode(string? text, out FakeCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || !Base64Url.IsValid(text))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(':');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }

        cursor = new FakeCursor(ticks, sequence);
        return true;
    }

    public int CompareTo(FakeCursor other) =>
        Ticks != other.Ticks ? Ticks.CompareTo(other.Ticks) : Sequence.CompareTo(other.Sequence);
}
