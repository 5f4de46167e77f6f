namespace Astro.Triggers.Sdk;

/// <summary>A list fetched lazily page by page: enumerate it for every item (constant memory), or call
/// <see cref="AsPages"/> for page-level access and resumable continuation tokens.</summary>
/// <typeparam name="T">The item type.</typeparam>
public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>The pages, starting at <paramref name="continuationToken"/> (null: the first page).</summary>
    /// <param name="continuationToken">A token from a previous page, to resume.</param>
    /// <param name="pageSizeHint">Items per page; null for the list's own setting.</param>
    /// <returns>The pages, fetched as they are enumerated.</returns>
    public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null);

    /// <inheritdoc />
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }
}
