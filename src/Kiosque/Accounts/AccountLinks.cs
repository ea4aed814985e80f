using System.Security.Cryptography;
using System.Text;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosque.Accounts;

/// <summary>Creates, checks and uses one-time account links.</summary>
public sealed class AccountLinks(KiosqueDb db, TimeProvider clock, IOptions<KiosqueOptions> options)
{
    public static readonly TimeSpan SetUpLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan PasswordResetLifetime = TimeSpan.FromHours(2);
    public const string DefaultPublicUrl = "http://localhost:5080";

    /// <summary>Makes a new link and returns its token; earlier unused links of the same purpose stop working.</summary>
    public async Task<string> CreateAsync(string userId, AccountLinkPurpose purpose, CancellationToken ct)
    {
        var now = Now;
        await db.AccountLinks.Where(l => l.UserId == userId && l.Purpose == purpose && l.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now), ct);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.AccountLinks.Add(new AccountLink
        {
            UserId = userId,
            Purpose = purpose,
            Hash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + (purpose == AccountLinkPurpose.PasswordReset ? PasswordResetLifetime : SetUpLifetime),
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>The link's user when the token is known, unused and not expired; null otherwise.</summary>
    public async Task<NewsroomUser?> FindUserAsync(string? token, AccountLinkPurpose purpose, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = Hash(token);
        var now = Now;
        return await (from l in db.AccountLinks
                      join u in db.Users on l.UserId equals u.Id
                      where l.Hash == hash && l.Purpose == purpose && l.UsedAt == null && l.ExpiresAt > now
                            && u.DisabledAt == null
                      select u).FirstOrDefaultAsync(ct);
    }

    /// <summary>Marks the link used; false when it was used (or expired) meanwhile: one conditional update, so two
    /// simultaneous uses cannot both succeed.</summary>
    public async Task<bool> TryUseAsync(string token, AccountLinkPurpose purpose, CancellationToken ct)
    {
        var hash = Hash(token);
        var now = Now;
        var claimed = await db.AccountLinks
            .Where(l => l.Hash == hash && l.Purpose == purpose && l.UsedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), ct);
        return claimed == 1;
    }

    /// <summary>The absolute address of a link page: from Kiosque:PublicUrl, else the request's, else localhost.</summary>
    public string Url(string path, string token, string? requestBase = null)
    {
        var baseUrl = options.Value.PublicUrl is { Length: > 0 } configured ? configured : requestBase ?? DefaultPublicUrl;
        return $"{baseUrl.TrimEnd('/')}{path}?jeton={Uri.EscapeDataString(token)}";
    }

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
