using System.Globalization;

namespace Astro.Triggers.Sdk.Core.Paging;

/// <summary>Offset/limit paging (TrueFoundry runs, Mixpeek triggers and history) on the one pageable: the
/// continuation token is the next offset as text, so a caller can persist and resume it like a cursor.</summary>
internal static class OffsetPaging
{
    /// <summary>One page as the service answered it: the items and the total it reported.</summary>
    public readonly record struct Slice<T>(IReadOnlyList<T> Items, int? Total);

    /// <summary>Checks the page size and start, then pages lazily until the reported total is reached (or a page
    /// comes back empty, so a wrong total cannot loop).</summary>
    /// <param name="fetch">Fetches the page at an offset with a limit (null: the service's default).</param>
    /// <param name="startOffset">The first offset.</param>
    /// <param name="pageSize">The limit; checked against 1..<paramref name="maxPageSize"/>.</param>
    /// <param name="maxPageSize">The service's largest page.</param>
    /// <param name="argument">The argument path of the list options, for messages.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public static AsyncPageable<T> Create<T>(
        Func<int, int?, CancellationToken, Task<Slice<T>>> fetch,
        int startOffset,
        int? pageSize,
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
                var offset = token is null ? 0 : Parse(token);
                if (limit is { } hint)
                {
                    Guard.InRange(hint, 1, maxPageSize, "pageSizeHint");
                }

                var slice = await fetch(offset, limit, ct).ConfigureAwait(false);
                var next = offset + slice.Items.Count;
                var hasMore = slice.Items.Count > 0 && slice.Total is { } total && next < total;
                return new Page<T>(
                    slice.Items,
                    hasMore ? next.ToString(CultureInfo.InvariantCulture) : null,
                    offset > 0 ? Math.Max(0, offset - (limit ?? slice.Items.Count)).ToString(CultureInfo.InvariantCulture) : null,
                    hasMore);
            },
            startOffset == 0 ? null : startOffset.ToString(CultureInfo.InvariantCulture),
            pageSize,
            cancellationToken);
    }

    private static int Parse(string continuationToken) =>
        int.TryParse(continuationToken, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : throw new ArgumentException(
                $"'{nameof(continuationToken)}' must be an offset from a previous page (was '{continuationToken}').", nameof(continuationToken));
}
