using Kiosque.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Site.Pages;

public sealed class AuthorModel(SiteContext site, SiteQueries queries) : PageModel
{
    public AuthorInfo Author { get; private set; } = null!;
    public Paged<ArticleCard> Articles { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] string? pageNumber, CancellationToken ct)
    {
        if (!Paging.TryParse(pageNumber, out var page)) return NotFound();
        var author = await queries.AuthorAsync(slug, ct);
        if (author is null) return NotFound();
        var articles = await queries.AuthorArticlesAsync(author.Id, page, ct);
        if (articles is null) return NotFound();
        await site.LoadAsync(ct);
        (Author, Articles) = (author, articles);
        HttpContext.TagResponse(CacheTags.Author(author.Id));
        HttpContext.TagArticles(articles.Items.Select(a => a.Id));
        var listing = new ListingView(author.Name, null, null, articles, $"/auteurs/{author.Slug}", true);
        site.Meta = Listings.Meta(site, listing, author.Bio) with
        {
            OpenGraphType = "profile",
            Image = author.Photo is { } photo ? new MetaImage(photo.Url, photo.Width, photo.Height, photo.Alt) : null,
        };
        return Page();
    }
}
