using Kiosque.Site;
using Microsoft.AspNetCore.Mvc;

namespace Kiosque.Newsletter.Pages;

/// <summary>
/// The address of every message's List-Unsubscribe header and "Se désinscrire" link. Opening it asks; a POST to it
/// unsubscribes — the reader's button, or the mail client's RFC 8058 one-click POST ("List-Unsubscribe=One-Click"),
/// which carries no anti-forgery token: the signed token in the address is what authorises it.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(SiteContext site, NewsletterLinks links, Subscriptions subscriptions) : NewsletterPageModel(site)
{
    public string? Token { get; private set; }
    public string? PreferencesUrl { get; private set; }
    public string? ListName { get; private set; }

    public async Task OnGetAsync(string? jeton, CancellationToken ct)
    {
        await PrepareAsync(NewsletterText.UnsubscribeTitle, ct);
        Token = jeton;
        if (links.Read(LinkPurpose.Unsubscribe, jeton) is { } link) ListName = await subscriptions.ListNameAsync(link.ListId, ct);
        else Message = NewsletterText.InvalidLink;
    }

    public async Task OnPostAsync([FromQuery] string? jeton, CancellationToken ct)
    {
        await PrepareAsync(NewsletterText.UnsubscribeTitle, ct);
        if (links.Read(LinkPurpose.Unsubscribe, jeton) is { } link && await subscriptions.UnsubscribeAsync(link.SubscriberId, link.ListId, link.EditionId, ct))
        {
            Message = NewsletterText.Unsubscribed(await subscriptions.ListNameAsync(link.ListId, ct));
            PreferencesUrl = $"{NewsletterLinks.PreferencesPath}?jeton={Uri.EscapeDataString(links.Token(LinkPurpose.Manage, link.SubscriberId))}";
        }
        else Message = NewsletterText.InvalidLink;
    }
}
