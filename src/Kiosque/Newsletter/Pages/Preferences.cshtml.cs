using Kiosque.Site;

namespace Kiosque.Newsletter.Pages;

/// <summary>Choose the newsletters, through the signed link of every message (no account, no login).</summary>
public sealed class PreferencesModel(SiteContext site, NewsletterLinks links, Subscriptions subscriptions) : NewsletterPageModel(site)
{
    public string? Token { get; private set; }
    public IReadOnlyList<Subscriptions.Preference>? Lists { get; private set; }

    public async Task OnGetAsync(string? jeton, CancellationToken ct)
    {
        await PrepareAsync(NewsletterText.PreferencesTitle, ct);
        await LoadAsync(jeton, ct);
    }

    public async Task OnPostAsync(string? jeton, int[]? listes, CancellationToken ct)
    {
        await PrepareAsync(NewsletterText.PreferencesTitle, ct);
        if (links.Read(LinkPurpose.Manage, jeton) is { } link && await subscriptions.SavePreferencesAsync(link.SubscriberId, listes ?? [], ct))
            Message = NewsletterText.PreferencesSaved;
        await LoadAsync(jeton, ct);
    }

    async Task LoadAsync(string? jeton, CancellationToken ct)
    {
        Token = jeton;
        Lists = links.Read(LinkPurpose.Manage, jeton) is { } link ? await subscriptions.PreferencesAsync(link.SubscriberId, ct) : null;
        if (Lists is null) Message = NewsletterText.InvalidLink;
    }
}
