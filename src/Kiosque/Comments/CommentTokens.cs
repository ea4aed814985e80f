using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Kiosque.Comments;

/// <summary>"Kiosque:Comments": spam defences' thresholds; code defaults suit a small newsroom.</summary>
public sealed class CommentsOptions
{
    public const string SectionName = "Kiosque:Comments";
    /// <summary>A form sent sooner than this after the page was served is a robot's.</summary>
    public int MinSecondsToSubmit { get; set; } = 3;
    /// <summary>A form older than this is refused (and shown again with a fresh stamp).</summary>
    public int MaxFormAgeHours { get; set; } = 72;
    public int PerIpLimit { get; set; } = 10;
    public int PerIpWindowSeconds { get; set; } = 600;
    public int PerEmailLimit { get; set; } = 5;
    public int PerEmailWindowSeconds { get; set; } = 3600;
    /// <summary>Keys the IP hashes; set it (any long random string) so that hashes cannot be reversed by trying every address.</summary>
    public string IpHashKey { get; set; } = "kiosque-comments";
    /// <summary>How long confirmation and unsubscribe links work.</summary>
    public int LinkValidityDays { get; set; } = 30;
}

/// <summary>Signed values the site hands out and reads back: the form's time stamp, e-mail links, IP hashes.</summary>
public sealed class CommentTokens(IDataProtectionProvider protection, TimeProvider clock, IOptions<CommentsOptions> options)
{
    readonly IDataProtector stamps = protection.CreateProtector("Kiosque.Comments.FormStamp");
    readonly IDataProtector links = protection.CreateProtector("Kiosque.Comments.Links");

    public string FormStamp(int articleId) =>
        stamps.Protect($"{articleId}:{clock.GetUtcNow().ToUnixTimeSeconds()}");

    /// <summary>When the form for this article was served; null when the stamp is missing, forged or for another article.</summary>
    public DateTimeOffset? ReadStamp(string? stamp, int articleId)
    {
        if (string.IsNullOrEmpty(stamp)) return null;
        try
        {
            var parts = stamps.Unprotect(stamp).Split(':');
            if (parts.Length != 2 || parts[0] != articleId.ToString(CultureInfo.InvariantCulture)) return null;
            return DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    public string Link(string purpose, int commentId)
    {
        var expires = clock.GetUtcNow().AddDays(options.Value.LinkValidityDays).ToUnixTimeSeconds();
        return links.Protect($"{purpose}:{commentId}:{expires}");
    }

    public int? ReadLink(string purpose, string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var parts = links.Unprotect(token).Split(':');
            if (parts.Length != 3 || parts[0] != purpose) return null;
            var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[2], CultureInfo.InvariantCulture));
            if (expires < clock.GetUtcNow()) return null;
            return int.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    public string IpHash(string? ip)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.IpHashKey), Encoding.UTF8.GetBytes(ip ?? "unknown"));
        return Convert.ToHexStringLower(mac);
    }
}
