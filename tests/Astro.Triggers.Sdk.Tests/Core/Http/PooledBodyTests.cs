using Astro.Triggers.Sdk.Core.Http;

namespace Astro.Triggers.Sdk.Tests.Core.Http;

/// <summary>The whole-body buffer the generated readers read from: every byte that came, whatever the declared length.</summary>
public sealed class PooledBodyTests
{
    [Theory]
    [InlineData(0, null)]
    [InlineData(10, 10L)]
    [InlineData(16 * 1024, null)]
    [InlineData(3 * 1024 * 1024 + 7, 3L * 1024 * 1024 + 7)]
    [InlineData(3 * 1024 * 1024 + 7, null)]
    public async Task Holds_exactly_the_bytes_read(int size, long? declared)
    {
        var bytes = Bytes(size);

        using var body = await PooledBody.ReadAsync(new Trickle(bytes), declared, CancellationToken.None);

        body.Span.ToArray().Should().Equal(bytes);
        using var stream = body.AsStream();
        stream.Length.Should().Be(size);
    }

    [Fact]
    public async Task A_declared_length_larger_than_what_comes_holds_what_came()
    {
        // A server may declare up to the call's cap and send less (the transport reports a cut body; a stream that simply
        // ends is read as it is): the buffer follows the bytes, not the promise.
        var bytes = Bytes(100);

        using var body = await PooledBody.ReadAsync(new Trickle(bytes), 64L * 1024 * 1024, CancellationToken.None);

        body.Span.ToArray().Should().Equal(bytes);
    }

    private static byte[] Bytes(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Hands out at most 7,001 bytes a read, as a socket does, so the buffer fills and grows over many reads.</summary>
    private sealed class Trickle(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 7001)], cancellationToken);
    }
}
