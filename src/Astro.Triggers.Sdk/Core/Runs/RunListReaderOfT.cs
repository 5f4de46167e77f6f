using Astro.Triggers.Sdk.Core.Paging;

namespace Astro.Triggers.Sdk.Core;

/// <summary>The common part of every service's list reader: pages of the service's objects are matched to the followed
/// runs by id; each service says how to list a scope, how to name an item, and when more pages cannot show a due run.</summary>
/// <typeparam name="T">The run handles' object (<see cref="TriggeredRun{T}.Value"/>).</typeparam>
/// <typeparam name="TItem">The list's item (the same type, or the service's history row).</typeparam>
internal abstract class RunListReader<T, TItem> : RunListReader
{
    /// <summary>Items per page asked for.</summary>
    protected const int PageSize = 100;

    /// <summary>How run ids compare (Shipyard's are case-insensitive).</summary>
    protected virtual StringComparer IdComparer => StringComparer.Ordinal;

    /// <summary>True when one read holds every run of the scope (Shipyard's CSV): a due run it does not show is not
    /// listed yet, which a read of its own would not change.</summary>
    protected virtual bool ListIsComplete => false;

    /// <inheritdoc />
    public sealed override object? ScopeOf(TriggeredRun run) => run is TriggeredRun<T> typed ? Scope(typed) : null;

    /// <inheritdoc />
    public sealed override async Task<RunListRead> ReadAsync(
        IReadOnlyList<TriggeredRun> due, IReadOnlyList<TriggeredRun> followed, CancellationToken cancellationToken)
    {
        var byId = new Dictionary<string, TriggeredRun<T>>(followed.Count, IdComparer);
        foreach (var run in followed)
        {
            byId[run.Id] = (TriggeredRun<T>)run;
        }

        var waiting = new HashSet<string>(due.Select(r => r.Id), IdComparer);
        var shown = new HashSet<TriggeredRun>();
        var requests = 0;
        var first = (TriggeredRun<T>)due[0];
        await foreach (var page in List(first, cancellationToken).AsPages(null, PageSize).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            requests++;
            foreach (var item in page.Items)
            {
                if (IdOf(item) is { } id && byId.TryGetValue(id, out var run))
                {
                    if (Apply(run, item))
                    {
                        shown.Add(run);
                    }

                    waiting.Remove(id);
                }
            }

            if (waiting.Count == 0 || page.Items.Count == 0 || CannotShow(page.Items[^1], waiting.Select(id => byId[id]), requests, followed.Count))
            {
                break;
            }
        }

        if (ListIsComplete)
        {
            shown.UnionWith(due);
        }

        return new RunListRead(requests, shown);
    }

    /// <summary>The scope of a run, or null when no list shows it.</summary>
    protected abstract object? Scope(TriggeredRun<T> run);

    /// <summary>The scope's list, with <paramref name="sample"/>'s per-call options (every run of a scope has the same
    /// namespace and tenant).</summary>
    protected abstract AsyncPageable<TItem> List(TriggeredRun<T> sample, CancellationToken cancellationToken);

    /// <summary>The run id an item names, or null.</summary>
    protected abstract string? IdOf(TItem item);

    /// <summary>Updates <paramref name="run"/> from its item; false when the item only says the run changed and a read of
    /// its own must fetch it.</summary>
    protected abstract bool Apply(TriggeredRun<T> run, TItem item);

    /// <summary>Whether later pages cannot show the due runs not seen yet: by default after one page more than the scope's
    /// followed runs fill; a list ordered newest first stops once it passed the oldest of them.</summary>
    /// <param name="last">The last item of the page just read.</param>
    /// <param name="waiting">The due runs not shown yet.</param>
    /// <param name="pages">The pages read so far.</param>
    /// <param name="followed">How many runs of the scope are followed.</param>
    protected virtual bool CannotShow(TItem last, IEnumerable<TriggeredRun<T>> waiting, int pages, int followed) =>
        pages > (followed + PageSize - 1) / PageSize;

    /// <summary>The newest-first stop: true once <paramref name="last"/> was created before every waiting run, or (when a
    /// waiting run's creation time is unknown) by the default page bound.</summary>
    protected static bool PassedOldest(DateTimeOffset? last, IEnumerable<TriggeredRun<T>> waiting, Func<T, DateTimeOffset?> created, int pages, int followed)
    {
        DateTimeOffset? oldest = null;
        foreach (var run in waiting)
        {
            if (created(run.Value) is not { } at || at == default)
            {
                return pages > (followed + PageSize - 1) / PageSize;
            }

            oldest = oldest is null || at < oldest ? at : oldest;
        }

        return last is { } l && oldest is { } o && l < o;
    }
}
