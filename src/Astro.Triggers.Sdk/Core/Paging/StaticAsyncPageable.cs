using System.Runtime.CompilerServices;

namespace Astro.Triggers.Sdk.Core.Paging;

/// <summary>The pageable behind <see cref="AsyncPageable{T}.FromPages(IEnumerable{Page{T}})"/>: pages held in memory,
/// for users' unit tests. Resuming follows a service list: the token a page hands out leads to the page after it.</summary>
internal sealed class StaticAsyncPageable<T> : AsyncPageable<T>
{
    private readonly Page<T>[] _pages;

    public StaticAsyncPageable(IEnumerable<Page<T>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        // Copied now, so a list the test changes later (or a lazy sequence) cannot change what is enumerated.
        _pages = pages.ToArray();
        for (var i = 0; i < _pages.Length; i++)
        {
            if (_pages[i] is null)
            {
                throw new ArgumentNullException(nameof(pages), $"Page {i} is null; give an empty page (Page<T>.FromValues([])) instead.");
            }
        }
    }

    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSize = null) =>
        PagesAsync(StartIndex(continuationToken), CancellationToken.None);

    public override IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        ItemsAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    // Checked when AsPages is called, not on the first MoveNext, so a wrong token fails where it was passed.
    private int StartIndex(string? continuationToken)
    {
        if (continuationToken is null)
        {
            return 0;
        }

        var index = Array.FindIndex(_pages, p => string.Equals(p.ContinuationToken, continuationToken, StringComparison.Ordinal));
        return index >= 0
            ? index + 1
            : throw new ArgumentException(
                $"'{nameof(continuationToken)}' must be the ContinuationToken of one of the pages given to FromPages (was '{continuationToken}').",
                nameof(continuationToken));
    }

    private async IAsyncEnumerable<Page<T>> PagesAsync(int start, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = start; i < _pages.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Yield asynchronously, as a real list does between pages, so callers' code runs the way it will in production.
            await Task.Yield();
            yield return _pages[i];
        }
    }

    private async IAsyncEnumerable<T> ItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in PagesAsync(0, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }
}
