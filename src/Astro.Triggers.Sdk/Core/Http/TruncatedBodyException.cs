namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>A compressed body whose bytes ended before its end marker (gzip's CRC-32 and size trailer, zlib's Adler-32,
/// brotli's last block): it did not arrive whole, even though the connection closed cleanly. An IOException, so it is
/// read as a body failure (ResponseReader.IsBodyFailure): retried on reads, thrown as "may have been processed" otherwise.</summary>
internal sealed class TruncatedBodyException(string coding)
    : IOException($"the {coding} response body ended before its end marker")
{
    public string Coding { get; } = coding;
}
