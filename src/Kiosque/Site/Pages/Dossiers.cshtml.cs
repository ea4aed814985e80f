using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Site.Pages;

public sealed class DossiersModel(SiteContext site, SiteQueries queries) : PageModel
{
    public IReadOnlyList<DossierInfo> Dossiers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await site.LoadAsync(ct);
        Dossiers = await queries.DossiersAsync(ct);
        site.Meta = new PageMeta
        {
            Title = Titles.ForPage(SiteText.Dossiers, site.Settings.Name),
            SocialTitle = SiteText.Dossiers,
            Description = SiteText.DossiersIntro,
            CanonicalPath = "/dossiers",
        };
    }
}
