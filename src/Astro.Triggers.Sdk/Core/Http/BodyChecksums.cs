namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>The checksums a compressed body's trailer carries over its decoded bytes: CRC-32 (gzip, RFC 1952) and
/// Adler-32 (zlib, RFC 1950).</summary>
internal static class BodyChecksums
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Continues a CRC-32 (start with 0) over <paramref name="data"/>.</summary>
    public static uint Crc32(uint crc, ReadOnlySpan<byte> data)
    {
        var table = CrcTable;
        crc = ~crc;
        foreach (var b in data)
        {
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    /// <summary>Continues an Adler-32 (start with 1) over <paramref name="data"/>.</summary>
    public static uint Adler32(uint adler, ReadOnlySpan<byte> data)
    {
        const uint Mod = 65521;
        uint a = adler & 0xFFFF, b = adler >> 16;
        while (data.Length > 0)
        {
            // 5552 bytes is the most that can be summed before b can overflow 32 bits (zlib's NMAX).
            var block = data[..Math.Min(data.Length, 5552)];
            foreach (var x in block)
            {
                a += x;
                b += a;
            }

            a %= Mod;
            b %= Mod;
            data = data[block.Length..];
        }

        return (b << 16) | a;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
