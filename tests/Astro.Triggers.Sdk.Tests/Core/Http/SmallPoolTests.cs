using Astro.Triggers.Sdk.Core.Http;

namespace Astro.Triggers.Sdk.Tests.Core.Http;

/// <summary>The pool behind call contexts and cancellation sources: what it gives back, what it refuses.</summary>
public sealed class SmallPoolTests
{
    [Fact]
    public void Gives_a_returned_object_to_the_next_caller()
    {
        var pool = new SmallPool<object>(() => new object(), _ => true);
        var first = pool.Get();
        pool.Return(first);

        pool.Get().Should().BeSameAs(first);
        pool.Get().Should().NotBeSameAs(first);
    }

    [Fact]
    public void Disposes_what_fails_its_reset_and_never_hands_it_out_again()
    {
        var pool = new SmallPool<CancellationTokenSource>(() => new CancellationTokenSource(), source => source.TryReset());
        var cancelled = pool.Get();
        cancelled.Cancel();
        pool.Return(cancelled);

        var next = pool.Get();
        next.Should().NotBeSameAs(cancelled);
        next.IsCancellationRequested.Should().BeFalse();
        var dispose = () => cancelled.Token.WaitHandle;
        dispose.Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void Keeps_a_bounded_number_and_disposes_the_rest()
    {
        var pool = new SmallPool<CancellationTokenSource>(() => new CancellationTokenSource(), _ => true);
        var sources = Enumerable.Range(0, 1000).Select(_ => new CancellationTokenSource()).ToList();
        foreach (var source in sources)
        {
            pool.Return(source);
        }

        var disposed = sources.Count(source =>
        {
            try
            {
                _ = source.Token.WaitHandle;
                return false;
            }
            catch (ObjectDisposedException)
            {
                return true;
            }
        });
        disposed.Should().BeGreaterThan(0).And.BeLessThan(1000);
    }
}
