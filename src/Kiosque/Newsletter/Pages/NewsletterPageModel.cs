using Kiosque.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Newsletter.Pages;

/// <summary>The reader's newsletter pages: the site's layout; the pages reached by a signed link are neither indexed nor cached.</summary>
public abstract class NewsletterPageModel(SiteContext site) : PageModel
{
    public SiteContext Site => site;
    public string? Message { get; protected set; }

    protected async Task PrepareAsync(string title, CancellationToken ct, bool personal = true, string? canonical = null)
    {
        await site.LoadAsync(ct);
        site.Meta = new PageMeta
        {
            Title = Titles.ForPage(title, site.Settings.Name), SocialTitle = title, NoIndex = personal,
            Description = NewsletterText.Intro, CanonicalPath = canonical,
        };
        if (personal) Response.Headers.CacheControl = "no-store";
    }
}

/// <summary>What the sign-up form shows: on cached pages (article, home) only the source and the address field.</summary>
public sealed record SignUpFormView(string Source, IReadOnlyList<NewsletterList> Lists, IReadOnlyCollection<int> Chosen, string? Email,
    string? Error, bool Compact, string? ListsError = null)
{
    /// <summary>The value of the form's "choix" field when it offers the lists to tick.</summary>
    public const string ListsShown = "listes";

    /// <summary>With one list open there is nothing to choose; the compact form sends to the first open list.</summary>
    public bool ShowsLists => !Compact && Lists.Count > 1;

    /// <summary>The form of cached pages: the address only (it goes to the first open newsletter), nothing about the reader.</summary>
    public static SignUpFormView ForCachedPage(string source) => new(source, [], [], null, null, Compact: true);
}
