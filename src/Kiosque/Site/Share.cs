namespace Kiosque.Site;

public sealed record ShareLink(string Network, string Label, string Href);

/// <summary>Plain share links: no widget, no third-party script, nothing loaded until the reader clicks.</summary>
public static class Share
{
    public static IReadOnlyList<ShareLink> Links(string absoluteUrl, string title)
    {
        var url = Uri.EscapeDataString(absoluteUrl);
        var text = Uri.EscapeDataString(title);
        var message = Uri.EscapeDataString($"{title} {absoluteUrl}");
        var mailBody = Uri.EscapeDataString($"{SiteText.ShareEmailBodyIntro}\n{title}\n{absoluteUrl}");
        return
        [
            new("email", SiteText.ShareEmail, $"mailto:?subject={text}&body={mailBody}"),
            new("whatsapp", SiteText.ShareWhatsApp, $"https://wa.me/?text={message}"),
            new("telegram", SiteText.ShareTelegram, $"https://t.me/share/url?url={url}&text={text}"),
            new("sms", SiteText.ShareSms, $"sms:?&body={message}"),
            new("facebook", SiteText.ShareFacebook, $"https://www.facebook.com/sharer/sharer.php?u={url}"),
            new("x", SiteText.ShareX, $"https://x.com/intent/post?url={url}&text={text}"),
            new("linkedin", SiteText.ShareLinkedIn, $"https://www.linkedin.com/sharing/share-offsite/?url={url}"),
        ];
    }
}
