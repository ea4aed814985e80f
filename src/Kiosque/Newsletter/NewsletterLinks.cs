using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Kiosque.Newsletter;

public enum LinkPurpose { Confirm, Manage, Unsubscribe }

/// <summary>A link's contents once its signature and expiry have been checked.</summary>
public sealed record LinkData(LinkPurpose Purpose, int SubscriberId, int? ListId, int? EditionId);

/// <summary>
/// The links in e-mails: encrypted and authenticated by ASP.NET Data Protection with an expiry, so nobody can
/// make one for an address they do not own, and no login is needed to use one.
/// </summary>
public sealed class NewsletterLinks(IDataProtectionProvider protection, TimeProvider clock, IOptions<NewsletterOptions> options)
{
    readonly ITimeLimitedDataProtector protector = protection.CreateProtector("Kiosque.Newsletter.Links").ToTimeLimitedDataProtector();

    public const string ConfirmPath = "/newsletter/confirmer";
    public const string PreferencesPath = "/newsletter/preferences";
    public const string UnsubscribePath = "/newsletter/desabonnement";

    public string Token(LinkPurpose purpose, int subscriberId, int? listId = null, int? editionId = null)
    {
        var days = purpose == LinkPurpose.Confirm ? options.Value.ConfirmLinkDays : options.Value.ManageLinkDays;
        var payload = string.Join(':', purpose, subscriberId.ToString(CultureInfo.InvariantCulture),
            listId?.ToString(CultureInfo.InvariantCulture) ?? "", editionId?.ToString(CultureInfo.InvariantCulture) ?? "");
        return protector.Protect(payload, clock.GetUtcNow().AddDays(days));
    }

    public LinkData? Read(LinkPurpose purpose, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000) return null;
        try
        {
            var parts = protector.Unprotect(token, out var expires).Split(':');
            if (expires < clock.GetUtcNow() || parts.Length != 4 || parts[0] != purpose.ToString()) return null;
            return new LinkData(purpose, int.Parse(parts[1], CultureInfo.InvariantCulture), OptionalInt(parts[2]), OptionalInt(parts[3]));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    public string Url(string baseUrl, LinkPurpose purpose, int subscriberId, int? listId = null, int? editionId = null)
    {
        var path = purpose switch
        {
            LinkPurpose.Confirm => ConfirmPath,
            LinkPurpose.Manage => PreferencesPath,
            _ => UnsubscribePath,
        };
        return $"{baseUrl.TrimEnd('/')}{path}?jeton={Uri.EscapeDataString(Token(purpose, subscriberId, listId, editionId))}";
    }

    static int? OptionalInt(string s) => s.Length == 0 ? null : int.Parse(s, CultureInfo.InvariantCulture);
}
