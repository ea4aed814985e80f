using Kiosque.Site;

namespace Kiosque.Newsletter.Pages;

/// <summary>The confirmation link: opening it shows a button (link checkers that open every link confirm nothing); the POST confirms.</summary>
public sealed class ConfirmModel(SiteContext site, NewsletterLinks links, Subscriptions subscriptions) : NewsletterPageModel(site)
{
    public string? Token { get; private set; }
    public string? PreferencesUrl { get; private set; }

    public async Task OnGetAsync(string? jeton, CancellationToken ct)
    {
        await PrepareAsync(NewsletterText.ConfirmTitle, ct);
        Token = jeton;
        if (links.Read(LinkPurpose.Confirm, jeton) is null) Message = NewsletterText.InvalidLink;
    }

    public async Task OnPostAsync(string? jeton, CancellationToken ct)
    {
        await PrepareAsync(NewsletterText.ConfirmTitle, ct);
        if (links.Read(LinkPurpose.Confirm, jeton) is { } link && await subscriptions.ConfirmAsync(link.SubscriberId, ct) is { } names)
        {
            Message = NewsletterText.Confirmed(names);
            PreferencesUrl = $"{NewsletterLinks.PreferencesPath}?jeton={Uri.EscapeDataString(links.Token(LinkPurpose.Manage, link.SubscriberId))}";
        }
        else Message = NewsletterText.InvalidLink;
    }
}
