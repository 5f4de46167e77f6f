namespace Astro.Triggers.Sdk.Core.Paging;

/// <summary>A list the service answers whole (Shipyard's runs CSV, Astropod's deployments): still an
/// <see cref="AsyncPageable{T}"/>, so every list in the SDK has one shape; fetched when enumerated.</summary>
internal static class SinglePage
{
    public static AsyncPageable<T> Create<T>(Func<CancellationToken, Task<IReadOnlyList<T>>> fetch, CancellationToken cancellationToken) =>
        new FuncAsyncPageable<T>(
            async (_, _, ct) => new Page<T>(await fetch(ct).ConfigureAwait(false), continuationToken: null, previousToken: null, hasMore: false),
            initialToken: null,
            listPageSize: null,
            cancellationToken);
}
