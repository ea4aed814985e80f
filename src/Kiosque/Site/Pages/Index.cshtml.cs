using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Site.Pages;

public sealed class IndexModel(SiteContext site, SiteQueries queries) : PageModel
{
    public SiteContext Site => site;
    public ArticleCard? Lead { get; private set; }
    public IReadOnlyList<SectionGroup> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await site.LoadAsync(ct);
        Lead = await queries.LeadStoryAsync(ct);
        Sections = await queries.LatestBySectionAsync(Lead?.Id, ct);
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
