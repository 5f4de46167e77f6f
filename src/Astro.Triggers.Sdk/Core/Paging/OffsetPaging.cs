namespace Astro.Triggers.Sdk.Core.Paging;

/// <summary>Offset/limit paging (TrueFoundry runs, Mixpeek triggers and history) on the one pageable: the
/// continuation token is the next offset as text, so a caller can persist and resume it like a cursor.
/// Tokens are computed from where the service said a page starts and how long it said pages are, not from how
/// many items a page happened to hold: a short last page must not move the previous page's start.</summary>
internal static class OffsetPaging
{
    /// <summary>One page as the service answered it: the items, and the total, offset and limit it reported
    /// (null where it reported none).</summary>
    public readonly record struct Slice<T>(IReadOnlyList<T> Items, int? Total, int? Offset, int? Limit);

    /// <summary>Checks the page size and start, then pages lazily until the reported total is reached, or, when
    /// the service reports no total, until a page is not full (an empty page always ends, so a wrong total
    /// cannot loop).</summary>
    /// <param name="fetch">Fetches the page at an offset with a limit (null: the service's default).</param>
    /// <param name="startOffset">The first offset.</param>
    /// <param name="pageSize">The limit; checked against 1..<paramref name="maxPageSize"/>.</param>
    /// <param name="defaultPageSize">The service's page size when no limit is sent and it reports none.</param>
    /// <param name="maxPageSize">The service's largest page.</param>
    /// <param name="argument">The argument path of the list options, for messages.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public static AsyncPageable<T> Create<T>(
        Func<int, int?, CancellationToken, Task<Slice<T>>> fetch,
        int startOffset,
        int? pageSize,
        int defaultPageSize,
        int maxPageSize,
        string argument,
        CancellationToken cancellationToken)
    {
        if (pageSize is { } size)
        {
            Guard.InRange(size, 1, maxPageSize, $"{argument}.PageSize");
        }

        Guard.InRange(startOffset, 0, int.MaxValue, $"{argument}.StartOffset");
        return new FuncAsyncPageable<T>(
            async (token, limit, ct) =>
            {
                var at = token is null ? default : OffsetToken.Parse(token, maxPageSize);
                if (limit is { } hint)
                {
                    Guard.InRange(hint, 1, maxPageSize, "pageSize");
                }

                var sentLimit = at.Limit ?? limit;
                var slice = await fetch(at.Offset, sentLimit, ct).ConfigureAwait(false);
                return ToPage(slice, at.Offset, sentLimit ?? defaultPageSize, maxPageSize);
            },
            startOffset == 0 ? null : new OffsetToken(startOffset, null).ToString(),
            pageSize,
            cancellationToken);
    }

    /// <summary>The page with its tokens. The service's own offset and limit win over what was asked: a service
    /// that moved the start (e.g. to a page boundary) or capped the limit is where the items really are.</summary>
    private static Page<T> ToPage<T>(Slice<T> slice, int requestedOffset, int requestedLimit, int maxPageSize)
    {
        var offset = slice.Offset is >= 0 and var reportedOffset ? reportedOffset : requestedOffset;
        var limit = slice.Limit is > 0 and var reportedLimit ? reportedLimit : requestedLimit;
        var count = slice.Items.Count;
        var next = (long)offset + count;
        var hasMore = count > 0 && next <= int.MaxValue && (slice.Total is { } total
            ? next < total
            // No total: a full page may have a successor, a short one is the last; more than asked means the
            // service ignored the limit (and likely the offset), so asking again would only repeat items.
            : count == limit);
        return new Page<T>(
            slice.Items,
            hasMore ? new OffsetToken((int)next, null).ToString() : null,
            Previous(offset, limit, maxPageSize)?.ToString(),
            hasMore);
    }

    /// <summary>The page that ends exactly where this one starts; near the start it is shorter than a page (unless
    /// that length is more than the service takes, when the caller's own page size has to do).</summary>
    private static OffsetToken? Previous(int offset, int limit, int maxPageSize) =>
        offset == 0 ? null
        : offset >= limit ? new OffsetToken(offset - limit, null)
        : new OffsetToken(0, offset <= maxPageSize ? offset : null);
}
