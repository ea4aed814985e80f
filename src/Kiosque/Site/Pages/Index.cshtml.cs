using Kiosque.Caching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Site.Pages;

public sealed class IndexModel(SiteContext site, SiteQueries queries) : PageModel
{
    public SiteContext Site => site;
    public ArticleCard? Lead { get; private set; }
    /// <summary>The editors' chosen stories after the lead, shown before the sections.</summary>
    public IReadOnlyList<ArticleCard> Curated { get; private set; } = [];
    public IReadOnlyList<SectionGroup> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await site.LoadAsync(ct);
        var curated = await queries.CuratedAsync(ct);
        // With no public curated story, the latest one leads, as before curation existed.
        Lead = curated.Count > 0 ? curated[0] : await queries.LeadStoryAsync(ct);
        Curated = curated.Skip(1).ToList();
        Sections = await queries.LatestBySectionAsync(curated.Select(c => c.Id).Append(Lead?.Id ?? 0).ToList(), ct);
        HttpContext.TagResponse(CacheTags.Home);
        HttpContext.TagArticles(curated.Select(c => c.Id).Append(Lead?.Id ?? 0).Concat(Sections.SelectMany(s => s.Articles).Select(a => a.Id)));
        var settings = site.Settings;
        site.Meta = new PageMeta
        {
            Title = Titles.ForHome(settings.Name, settings.Tagline),
            SocialTitle = settings.Name,
            Description = string.IsNullOrWhiteSpace(settings.Tagline) ? null : settings.Tagline,
            CanonicalPath = "/",
            Image = Lead?.Image is { } image ? new MetaImage(image.Url, image.Width, image.Height, image.Alt) : null,
        };
    }
}
