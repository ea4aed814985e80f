using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Site.Pages;

/// <summary>A placeholder until the Newsletter feature brings sign-up: it says so, and collects nothing.</summary>
public sealed class NewsletterModel(SiteContext site) : PageModel
{
    public async Task OnGetAsync(CancellationToken ct)
    {
        await site.LoadAsync(ct);
        site.Meta = new PageMeta
        {
            Title = Titles.ForPage(SiteText.NewsletterTitle, site.Settings.Name),
            SocialTitle = SiteText.NewsletterTitle,
            Description = SiteText.NewsletterCtaText,
            CanonicalPath = "/newsletter",
        };
    }
}
