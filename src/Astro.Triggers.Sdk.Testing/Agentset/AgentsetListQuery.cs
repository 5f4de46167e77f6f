using System.Globalization;
using Astro.Triggers.Sdk.Testing.Core;

namespace Astro.Triggers.Sdk.Testing.Agentset;

/// <summary>The list query as Agentset reads it, and the cursor page it selects.</summary>
internal sealed class AgentsetListQuery
{
    public required IReadOnlyCollection<string> Statuses { get; init; }

    public bool Descending { get; init; }

    public bool Backward { get; init; }

    public FakeCursor? Cursor { get; init; }

    public int PerPage { get; init; }

    public static AgentsetListQuery Parse(FakeRequest request)
    {
        var statuses = request.QueryValues("statuses", commaSeparated: true);
        foreach (var status in statuses)
        {
            if (!AgentsetRules.Statuses.Contains(status))
            {
                throw AgentsetRules.Invalid("statuses", $"Invalid status '{status}'; expected one of {string.Join(", ", AgentsetRules.Statuses)}.");
            }
        }

        var orderBy = request.Query("orderBy");
        if (orderBy is not null && orderBy != "createdAt")
        {
            throw AgentsetRules.Invalid("orderBy", "orderBy must be 'createdAt'.");
        }

        var order = request.Query("order") ?? "desc";
        if (order is not ("asc" or "desc"))
        {
            throw AgentsetRules.Invalid("order", "order must be 'asc' or 'desc'.");
        }

        var direction = request.Query("cursorDirection") ?? "forward";
        if (direction is not ("forward" or "backward"))
        {
            throw AgentsetRules.Invalid("cursorDirection", "cursorDirection must be 'forward' or 'backward'.");
        }

        var perPageText = request.Query("perPage");
        var perPage = 30;
        if (perPageText is not null
            && (!int.TryParse(perPageText, NumberStyles.None, CultureInfo.InvariantCulture, out perPage) || perPage is < 1 or > 100))
        {
            throw AgentsetRules.Invalid("perPage", "perPage must be an integer from 1 to 100.");
        }

        FakeCursor? cursor = null;
        if (request.Query("cursor") is { } cursorText)
        {
            cursor = FakeCursor.TryDecode(cursorText, out var decoded)
                ? decoded
                : throw new FakeRejection(400, "bad_request", "Invalid cursor.");
        }

        return new AgentsetListQuery
        {
            Statuses = statuses.ToHashSet(StringComparer.Ordinal),
            Descending = order == "desc",
            Backward = direction == "backward",
            Cursor = cursor,
            PerPage = perPage,
        };
    }

    /// <summary>
    /// Forward: the items after the cursor. Backward: the items before it (the page in front of the one the
    /// cursor came from), still in the requested order. <c>nextCursor</c> and <c>prevCursor</c> are the keys of
    /// the page's last and first item, set only when something lies beyond them.
    /// </summary>
    public CursorPage<T> Select<T>(IReadOnlyList<T> items, Func<T, FakeCursor> key)
    {
        var sorted = Descending ? items.OrderByDescending(key).ToList() : items.OrderBy(key).ToList();

        // Where the cursor falls in the requested order: the first item sorted after it (or, inclusive, at it).
        int IndexAfter(FakeCursor cursor, bool inclusive)
        {
            var i = sorted.FindIndex(item =>
                (Descending ? cursor.CompareTo(key(item)) : key(item).CompareTo(cursor)) is var order && (order > 0 || (inclusive && order == 0)));
            return i < 0 ? sorted.Count : i;
        }

        int start, end;
        if (!Backward)
        {
            start = Cursor is { } after ? IndexAfter(after, inclusive: false) : 0;
            end = Math.Min(sorted.Count, start + PerPage);
        }
        else
        {
            // Items strictly before the cursor: those sorted ahead of the cursor item itself.
            end = Cursor is { } before ? IndexAfter(before, inclusive: true) : sorted.Count;
            start = Math.Max(0, end - PerPage);
        }

        var page = sorted.GetRange(start, end - start);
        var hasNext = end < sorted.Count;
        var hasPrevious = start > 0;
        return new CursorPage<T>(
            page,
            page.Count > 0 && hasNext ? key(page[^1]) : null,
            page.Count > 0 && hasPrevious ? key(page[0]) : null,
            Backward ? hasPrevious : hasNext);
    }
}

/// <summary>One selected page and its cursors.</summary>
internal sealed record CursorPage<T>(IReadOnlyList<T> Items, FakeCursor? NextCursor, FakeCursor? PreviousCursor, bool HasMore);
