using System.Security.Cryptography;
using System.Text;
using Kiosque.Infrastructure;

namespace Kiosque.Api;

public static class ApiTokens
{
    const string Prefix = "kq_";

    /// <summary>Creates a token and returns it in clear; it is shown once and only its hash is kept.</summary>
    public static async Task<string> CreateAsync(KiosqueDb db, string name, string role, TimeProvider clock, CancellationToken ct)
    {
        if (!Roles.All.Contains(role)) throw new ArgumentException($"Unknown role '{role}': use {string.Join(", ", Roles.All)}.", nameof(role));
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        db.ApiTokens.Add(new ApiToken { Name = name, Role = role, Hash = Hash(token), CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
