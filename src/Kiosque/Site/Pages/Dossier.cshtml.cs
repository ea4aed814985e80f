using Kiosque.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Site.Pages;

public sealed class DossierModel(SiteContext site, SiteQueries queries) : PageModel
{
    public ListingView Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] string? pageNumber, CancellationToken ct)
    {
        if (!Paging.TryParse(pageNumber, out var page)) return NotFound();
        var dossier = await queries.DossierAsync(slug, ct);
        if (dossier is null) return NotFound();
        var articles = await queries.DossierArticlesAsync(dossier.Id, page, ct);
        if (articles is null) return NotFound();
        await site.LoadAsync(ct);
        HttpContext.TagResponse(CacheTags.Dossier(dossier.Id));
        HttpContext.TagArticles(articles.Items.Select(a => a.Id));
        Listing = new ListingView(dossier.Name, SiteText.Dossier, dossier.Description, articles, $"/dossiers/{dossier.Slug}", ShowSection: true);
        site.Meta = Listings.Meta(site, Listing, dossier.Description);
        return Page();
    }
}
