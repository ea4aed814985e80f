using Kiosque.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Site.Pages;

/// <summary>"/{slug}" is a section when one has that slug, else a published static page.</summary>
public sealed class SectionOrPageModel(SiteContext site, SiteQueries queries) : PageModel
{
    public ListingView? Listing { get; private set; }
    public PageInfo? StaticPage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] string? pageNumber, CancellationToken ct)
    {
        var section = await queries.SectionAsync(slug, ct);
        if (section is not null)
        {
            if (!Paging.TryParse(pageNumber, out var page)) return NotFound();
            var articles = await queries.SectionArticlesAsync(section.Id, page, ct);
            if (articles is null) return NotFound();
            await site.LoadAsync(ct);
            HttpContext.TagResponse(CacheTags.Section(section.Id));
            HttpContext.TagArticles(articles.Items.Select(a => a.Id));
            Listing = new ListingView(section.Name, null, section.Description, articles, $"/{section.Slug}", ShowSection: false);
            site.Meta = Listings.Meta(site, Listing, section.Description ?? site.Settings.Tagline);
            if (section.Kind == Kiosque.Content.SectionKind.Podcast)
                site.Meta = site.Meta with
                {
                    Feeds = [.. site.Meta.Feeds, new FeedLink($"{site.Settings.Name} – {section.Name} (podcast)", $"/{section.Slug}/podcast.xml", "application/rss+xml")],
                };
            return Page();
        }

        StaticPage = await queries.PageAsync(slug, ct);
        if (StaticPage is null) return NotFound();
        await site.LoadAsync(ct);
        site.Meta = new PageMeta
        {
            Title = Titles.ForPage(StaticPage.Title, site.Settings.Name),
            SocialTitle = StaticPage.Title,
            Description = string.IsNullOrWhiteSpace(site.Settings.Tagline) ? null : site.Settings.Tagline,
            CanonicalPath = $"/{StaticPage.Slug}",
        };
        return Page();
    }
}
