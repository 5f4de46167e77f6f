namespace Astro.Triggers.Sdk;

/// <summary>One page of a list: its items and how to continue. Persist <see cref="ContinuationToken"/> to
/// resume later with <c>AsPages(token)</c>.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>
{
    /// <summary>Creates a page (also for users' own fakes in tests).</summary>
    /// <param name="items">The items of the page.</param>
    /// <param name="continuationToken">The token of the next page in the paging direction; null on the last.</param>
    /// <param name="previousToken">The token of the page before this one, when the service gives it.</param>
    /// <param name="hasMore">Whether more items follow in the paging direction.</param>
    public Page(IReadOnlyList<T> items, string? continuationToken, string? previousToken, bool hasMore)
    {
        Items = items ?? throw new ArgumentNullException(nameof(items));
        ContinuationToken = continuationToken;
        PreviousToken = previousToken;
        HasMore = hasMore;
    }

    /// <summary>A page for your own unit tests (with <see cref="AsyncPageable{T}.FromPages(Page{T}[])"/>), shaped like one
    /// a service list returns.</summary>
    /// <param name="values">The items of the page.</param>
    /// <param name="continuationToken">The token of the next page; null (the default) on the last page.</param>
    /// <param name="previousToken">The token of the page before; null (the default) when there is none.</param>
    /// <param name="hasMore">Whether more items follow; null (the default) for "a continuation token was given".</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
#pragma warning disable CA1000 // a static factory on the generic type reads as Azure's Page<T>.FromValues, which users know
    public static Page<T> FromValues(
        IReadOnlyList<T> values, string? continuationToken = null, string? previousToken = null, bool? hasMore = null) =>
        new(values, continuationToken, previousToken, hasMore ?? continuationToken is not null);
#pragma warning restore CA1000

    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The token (cursor or offset) of the next page in the paging direction; null on the last.</summary>
    public string? ContinuationToken { get; }

    /// <summary>The token of the page before this one, when the service gives it.</summary>
    public string? PreviousToken { get; }

    /// <summary>Whether more items follow in the paging direction.</summary>
    public bool HasMore { get; }
}
