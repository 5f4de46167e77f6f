namespace Astro.Triggers.Sdk.Tests.PublicSurface;

/// <summary><see cref="AsyncPageable{T}.FromPages(Page{T}[])"/> and <see cref="Page{T}.FromValues"/>: the pageable a
/// user's substituted ListAsync returns enumerates and resumes like a service list.</summary>
public sealed class PagingHelpersTests
{
    private static readonly Page<string>[] ThreePages =
    [
        Page<string>.FromValues(["a", "b"], continuationToken: "t2"),
        Page<string>.FromValues(["c"], continuationToken: "t3", previousToken: "t1"),
        Page<string>.FromValues(["d", "e"], previousToken: "t2"),
    ];

    [Fact]
    public void FromValues_has_more_exactly_when_a_continuation_token_is_given_unless_told()
    {
        var last = Page<int>.FromValues([1, 2]);
        var middle = Page<int>.FromValues([3], continuationToken: "next", previousToken: "prev");
        var told = Page<int>.FromValues([], continuationToken: "next", hasMore: false);

        last.Should().BeEquivalentTo(new { Items = new[] { 1, 2 }, ContinuationToken = (string?)null, PreviousToken = (string?)null, HasMore = false });
        middle.Should().BeEquivalentTo(new { Items = new[] { 3 }, ContinuationToken = "next", PreviousToken = "prev", HasMore = true });
        told.HasMore.Should().BeFalse();
        FluentActions.Invoking(() => Page<int>.FromValues(null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public async Task FromPages_enumerates_every_item_in_order_and_can_be_enumerated_again()
    {
        var pageable = AsyncPageable<string>.FromPages(ThreePages);

        (await pageable.ToListAsync()).Should().Equal("a", "b", "c", "d", "e");
        (await pageable.ToListAsync()).Should().Equal("a", "b", "c", "d", "e");
        (await pageable.AsPages().ToListAsync()).Should().Equal(ThreePages);
    }

    [Fact]
    public async Task AsPages_with_a_token_resumes_at_the_page_that_token_leads_to()
    {
        var pageable = AsyncPageable<string>.FromPages((IEnumerable<Page<string>>)ThreePages);

        var first = await pageable.AsPages().FirstAsync();
        var resumed = await pageable.AsPages(first.ContinuationToken).ToListAsync();
        var fromLast = await pageable.AsPages("t3", pageSize: 50).ToListAsync();

        resumed.Should().Equal(ThreePages[1], ThreePages[2]);
        fromLast.Should().Equal(ThreePages[2]);
    }

    [Fact]
    public void AsPages_with_a_token_no_page_handed_out_fails_where_it_is_passed()
    {
        var pageable = AsyncPageable<string>.FromPages(ThreePages);

        FluentActions.Invoking(() => pageable.AsPages("t9"))
            .Should().Throw<ArgumentException>().WithParameterName("continuationToken").WithMessage("*'t9'*");
    }

    [Fact]
    public async Task An_empty_pageable_has_no_items_and_null_pages_are_refused()
    {
        (await AsyncPageable<int>.FromPages().ToListAsync()).Should().BeEmpty();
        FluentActions.Invoking(() => AsyncPageable<int>.FromPages(Page<int>.FromValues([1]), null!))
            .Should().Throw<ArgumentNullException>().WithMessage("*Page 1 is null*");
        FluentActions.Invoking(() => AsyncPageable<int>.FromPages((IEnumerable<Page<int>>)null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public async Task The_pages_are_copied_when_the_pageable_is_built()
    {
        var pages = new List<Page<int>> { Page<int>.FromValues([1]) };
        var pageable = AsyncPageable<int>.FromPages(pages);
        pages.Add(Page<int>.FromValues([2]));

        (await pageable.ToListAsync()).Should().Equal(1);
    }

    [Fact]
    public async Task Enumeration_honours_cancellation_between_pages()
    {
        using var cts = new CancellationTokenSource();
        var seen = new List<string>();

        var enumerate = async () =>
        {
            await foreach (var item in AsyncPageable<string>.FromPages(ThreePages).WithCancellation(cts.Token))
            {
                seen.Add(item);
                await cts.CancelAsync();
            }
        };

        await enumerate.Should().ThrowAsync<OperationCanceledException>();
        seen.Should().Equal("a", "b");
    }
}
