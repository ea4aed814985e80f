using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kiosque.Infrastructure;
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
    /// <summary>
    /// Keys the IP hashes so that they cannot be reversed by trying every address. Unset, a random key is made once
    /// in {DataPath}/secrets; set it (any long random string) when several instances must hash alike.
    /// </summary>
    public string? IpHashKey { get; set; }
    /// <summary>How long confirmation and unsubscribe links work.</summary>
    public int LinkValidityDays { get; set; } = 30;
}

/// <summary>Signed values the site hands out and reads back: the form's time stamp, e-mail links, IP hashes.</summary>
public sealed class CommentTokens(IDataProtectionProvider protection, TimeProvider clock, IOptions<CommentsOptions> options,
    IOptions<KiosqueOptions> kiosque)
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

    public string IpHash(string? ip) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(ipHashKey.Value, Encoding.UTF8.GetBytes(ip ?? "unknown")));

    readonly Lazy<byte[]> ipHashKey = new(() => string.IsNullOrEmpty(options.Value.IpHashKey)
        ? SecretFile(Path.Combine(kiosque.Value.FullDataPath, "secrets", "comments-ip-hash.key"))
        : Encoding.UTF8.GetBytes(options.Value.IpHashKey));

    /// <summary>
    /// 32 random bytes made the first time and kept in the file. Written aside then moved into place, so a reader
    /// never sees half a key; when two processes race, the first move wins and the other reads its key.
    /// </summary>
    static byte[] SecretFile(string path)
    {
        if (File.Exists(path)) return File.ReadAllBytes(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}";
        File.WriteAllBytes(temp, RandomNumberGenerator.GetBytes(32));
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
        return File.ReadAllBytes(path);
    }
}
