using System.Runtime.CompilerServices;

namespace Astro.Triggers.Sdk.Core.Paging;

/// <summary>The one pageable the services share: built from a function that fetches the page at a token.
/// Cursor paging (Agentset) and offset paging (TrueFoundry, Mixpeek: the offset as a token) both fit.</summary>
internal sealed class FuncAsyncPageable<T>(
    Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage, string? initialToken, int? listPageSize, CancellationToken callToken)
    : AsyncPageable<T>
{
    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSize = null) =>
        PagesAsync(continuationToken ?? initialToken, pageSize ?? listPageSize, CancellationToken.None);

    public override IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        ItemsAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    private async IAsyncEnumerable<T> ItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in PagesAsync(initialToken, listPageSize, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }

    private async IAsyncEnumerable<Page<T>> PagesAsync(
        string? token, int? size, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(callToken, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (token is not null)
        {
            seen.Add(token);
        }

        while (true)
        {
            linked.Token.ThrowIfCancellationRequested();
            var page = await fetchPage(token, size, linked.Token).ConfigureAwait(false);
            yield return page;
            if (!page.HasMore)
            {
                yield break;
            }

            token = page.ContinuationToken
                ?? throw new PagingException("The service said more items follow but gave no cursor to fetch them.");
            if (!seen.Add(token))
            {
                throw new PagingException($"The service returned cursor '{token}' a second time; stopping instead of looping.");
            }
        }
    }
}
