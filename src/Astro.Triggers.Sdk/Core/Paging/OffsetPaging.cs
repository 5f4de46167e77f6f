using System.Collections.Concurrent;
using Astro.Triggers.Sdk.Core.Http;
using Microsoft.Extensions.Logging;

namespace Astro.Triggers.Sdk.Core.Paging;

/// <summary>Offset/limit paging (TrueFoundry runs, Mixpeek triggers and history) on the one pageable: the
/// continuation token is the next offset as text, so a caller can persist and resume it like a cursor.
/// Tokens are computed from where the service said a page starts and how long it said pages are, not from how
/// many items a page happened to hold: a short last page must not move the previous page's start.
/// Where the offset a page reports contradicts the offset asked for, the request wins (see <see cref="Create{T}"/>).</summary>
internal static partial class OffsetPaging
{
    /// <summary>How many pages' first items are remembered to tell an offset-ignoring service from a mislabelled page.</summary>
    private const int RememberedPages = 10_000;

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
    /// <param name="operation">The list operation, for the Warning and the <see cref="PagingException"/>.</param>
    /// <param name="loggerFactory">Where the Warning about a contradicting offset goes; null for none.</param>
    /// <param name="key">An item's identity (a run's name, a trigger's id): a page whose reported offset contradicts the
    /// request and whose first item already began the page of another offset shows a service that ignores the offset,
    /// stopped with a <see cref="PagingException"/> instead of yielding the same items again.</param>
    /// <remarks>A page whose reported offset differs from the offset asked for is read as the slice asked for: the
    /// service was sent that offset and served a page for it, and an answer that echoes a stale or default offset
    /// (TrueFoundry reporting 0 on every page, issue 25) would otherwise send the next request back to a page already
    /// read. The disagreement is logged as a Warning (openapi/README.md, "Offset pages").</remarks>
    public static AsyncPageable<T> Create<T>(
        Func<int, int?, CancellationToken, Task<Slice<T>>> fetch,
        int startOffset,
        int? pageSize,
        int defaultPageSize,
        int maxPageSize,
        string argument,
        CancellationToken cancellationToken,
        OperationInfo? operation = null,
        ILoggerFactory? loggerFactory = null,
        Func<T, string?>? key = null)
    {
        if (pageSize is { } size)
        {
            Guard.InRange(size, 1, maxPageSize, $"{argument}.PageSize");
        }

        Guard.InRange(startOffset, 0, int.MaxValue, $"{argument}.StartOffset");
        // The first item of each page read, with the offset asked for it (shared by the pageable's enumerations: the
        // same offset read again is no repeat).
        var firstItems = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
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
                var first = key is not null && slice.Items.Count > 0 ? key(slice.Items[0]) : null;
                if (slice.Offset is { } reported && reported != at.Offset)
                {
                    if (first is not null && firstItems.TryGetValue(first, out var earlier) && earlier != at.Offset)
                    {
                        throw new PagingException(
                            operation?.Service ?? "", operation?.OperationId ?? "",
                            $"The service answered offset '{at.Offset}' with the page it answered offset '{earlier}' with (reporting offset {reported}): " +
                            "it ignores the offset; stopping instead of repeating items.");
                    }

                    if (loggerFactory is not null && operation is not null)
                    {
                        LogContradictingOffset(
                            loggerFactory.CreateLogger($"{SdkConstants.TelemetryName}.{operation.Service}"),
                            operation.Service, operation.OperationId, at.Offset, reported);
                    }
                }

                if (first is not null && firstItems.Count < RememberedPages)
                {
                    firstItems.TryAdd(first, at.Offset);
                }

                return ToPage(slice, at.Offset, sentLimit ?? defaultPageSize, maxPageSize);
            },
            startOffset == 0 ? null : new OffsetToken(startOffset, null).ToString(),
            pageSize,
            cancellationToken);
    }

    /// <summary>The page with its tokens. The page starts at the offset asked for (the service served that slice,
    /// whatever offset its answer reports); the service's own limit wins over what was asked: a service that capped
    /// the limit pages by its own size.</summary>
    private static Page<T> ToPage<T>(Slice<T> slice, int requestedOffset, int requestedLimit, int maxPageSize)
    {
        var offset = requestedOffset;
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

    [LoggerMessage(30, LogLevel.Warning,
        "{Service} {OperationId}: the page asked for at offset {Requested} reports offset {Reported}; it is read as the page at {Requested} (the offset sent wins).")]
    private static partial void LogContradictingOffset(ILogger logger, string service, string operationId, int requested, int reported);
}
