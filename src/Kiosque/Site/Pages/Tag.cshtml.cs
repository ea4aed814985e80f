using Kiosque.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Site.Pages;

public sealed class TagModel(SiteContext site, SiteQueries queries) : PageModel
{
    public ListingView Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] string? pageNumber, CancellationToken ct)
    {
        if (!Paging.TryParse(pageNumber, out var page)) return NotFound();
        var tag = await queries.TagAsync(slug, ct);
        if (tag is null) return NotFound();
        var articles = await queries.TagArticlesAsync(tag.Slug, page, ct);
        if (articles is null) return NotFound();
        await site.LoadAsync(ct);
        HttpContext.TagResponse(CacheTags.Tag(tag.Slug));
        HttpContext.TagArticles(articles.Items.Select(a => a.Id));
        Listing = new ListingView(tag.Name, SiteText.Tag, null, articles, $"/tags/{tag.Slug}", ShowSection: true);
        site.Meta = Listings.Meta(site, Listing, null);
        return Page();
    }
}
