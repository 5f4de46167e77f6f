using Astro.Triggers.Sdk.Core.Paging;

namespace Astro.Triggers.Sdk;

/// <summary>A list fetched lazily page by page: enumerate it for every item (constant memory), or call
/// <see cref="AsPages"/> for page-level access and resumable continuation tokens.</summary>
/// <typeparam name="T">The item type.</typeparam>
public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>A pageable over pages you give, for your own unit tests (e.g. the return value of a substituted
    /// <c>ListAsync</c>). Enumerating it yields every item of every page in order; <see cref="AsPages"/> yields the
    /// pages as given, without fetching anything.</summary>
    /// <remarks>
    /// <para><c>AsPages(continuationToken)</c> resumes like a service list: it yields the pages <em>after</em> the page
    /// whose <see cref="Page{T}.ContinuationToken"/> equals the token, so the token a page hands out leads to the next
    /// page, as with a service. <c>AsPages(null)</c> starts at the first page. A token no page handed out throws
    /// <see cref="ArgumentException"/> from <c>AsPages</c>.</para>
    /// <para>The pages are yielded as given: their <see cref="Page{T}.HasMore"/> flags and tokens are not checked
    /// against each other, and <c>pageSize</c> is ignored (the pages keep their sizes).</para>
    /// <para>The pages are copied when this is called: changing the source afterwards does not change the pageable.
    /// It can be enumerated any number of times.</para>
    /// </remarks>
    /// <param name="pages">The pages, in order; may be empty (an empty list).</param>
    /// <returns>The pageable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pages"/> or one of its pages is null.</exception>
    /// <example><code>
    /// jobs.ListAsync().Returns(AsyncPageable&lt;IngestJob&gt;.FromPages(
    ///     Page&lt;IngestJob&gt;.FromValues([job1, job2], continuationToken: "c2"),
    ///     Page&lt;IngestJob&gt;.FromValues([job3])));
    /// </code></example>
#pragma warning disable CA1000 // a static factory on the generic type reads as Azure's AsyncPageable<T>.FromPages, which users know
    public static AsyncPageable<T> FromPages(IEnumerable<Page<T>> pages) => new StaticAsyncPageable<T>(pages);

    /// <summary>A pageable over pages you give, for your own unit tests; see <see cref="FromPages(IEnumerable{Page{T}})"/>
    /// for how it enumerates and resumes.</summary>
    /// <param name="pages">The pages, in order; none for an empty list.</param>
    /// <returns>The pageable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pages"/> or one of its pages is null.</exception>
    public static AsyncPageable<T> FromPages(params Page<T>[] pages) => new StaticAsyncPageable<T>(pages);
#pragma warning restore CA1000

    /// <summary>The pages, starting at <paramref name="continuationToken"/> (null: the first page).</summary>
    /// <param name="continuationToken">A token from a previous page, to resume.</param>
    /// <param name="pageSize">Items per page; null for the list's own setting.</param>
    /// <returns>The pages, fetched as they are enumerated.</returns>
    public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSize = null);

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
