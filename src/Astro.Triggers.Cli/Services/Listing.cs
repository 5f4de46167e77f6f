using Astro.Triggers.Sdk;

namespace Astro.Triggers.Cli.Services;

/// <summary>Takes the first items of a pageable: a list command prints at most --limit items and stops fetching pages.</summary>
internal static class Listing
{
    public static async Task<IReadOnlyList<T>> TakeAsync<T>(AsyncPageable<T> pageable, int limit, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        if (limit <= 0)
        {
            return items;
        }

        await foreach (var item in pageable.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            items.Add(item);
            if (items.Count >= limit)
            {
                break;
            }
        }

        return items;
    }
}
