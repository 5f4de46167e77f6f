using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Core.Paging;

namespace Astro.Triggers.Sdk.Tests.Conformance.Adapters;

/// <summary>offset-paging: {startOffset, pageSize, defaultPageSize, maxPageSize, continuationToken, served: [{total,
/// offset, limit, items}]} → {pages: [{requested: {offset, limit}, next, previous}], stops}: OffsetPaging.Create over a
/// fetch that answers the served pages in order, walked with AsPages(continuationToken); each page's tokens are the
/// Page's ContinuationToken and PreviousToken. <c>stops</c> is false when the walk asks for a page beyond the served ones.</summary>
internal sealed class OffsetPagingAdapter : IRuleAdapter
{
    public async Task<JsonObject> RunAsync(JsonObject input)
    {
        var served = input["served"]!.AsArray();
        var requests = new List<(int Offset, int? Limit)>();
        var pageable = OffsetPaging.Create<string>(
            (offset, limit, _) =>
            {
                requests.Add((offset, limit));
                if (requests.Count > served.Count)
                {
                    throw new BeyondServed();
                }

                var page = served[requests.Count - 1]!;
                var items = Enumerable.Range(0, (int)page["items"]!).Select(i => $"item{offset + i}").ToList();
                return Task.FromResult(new OffsetPaging.Slice<string>(items, (int?)page["total"], (int?)page["offset"], (int?)page["limit"]));
            },
            (int?)input["startOffset"] ?? 0,
            (int?)input["pageSize"],
            (int)input["defaultPageSize"]!,
            (int)input["maxPageSize"]!,
            "filter",
            CancellationToken.None);

        var pages = new JsonArray();
        var stops = true;
        try
        {
            await foreach (var page in pageable.AsPages((string?)input["continuationToken"]))
            {
                var (offset, limit) = requests[^1];
                pages.Add(new JsonObject
                {
                    ["requested"] = new JsonObject { ["offset"] = offset, ["limit"] = limit },
                    ["next"] = page.ContinuationToken,
                    ["previous"] = page.PreviousToken,
                });
            }
        }
        catch (BeyondServed)
        {
            stops = false;
        }

        return new JsonObject { ["pages"] = pages, ["stops"] = stops };
    }

    private sealed class BeyondServed : Exception;
}
