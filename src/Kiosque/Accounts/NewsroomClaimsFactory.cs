using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kiosque.Accounts;

public static class NewsroomClaims
{
    public const string DisplayName = "kiosque:name";
    /// <summary>Present when the account has an authenticator app; read by the admins' two-factor gate.</summary>
    public const string TwoFactor = "kiosque:2fa";
    public const string AuthorId = "kiosque:author";

    public static string DisplayNameOf(ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";
}

/// <summary>Adds the display name, the byline and the two-factor state to the sign-in cookie.</summary>
public sealed class NewsroomClaimsFactory(UserManager<NewsroomUser> users, RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<NewsroomUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(NewsroomUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(NewsroomClaims.DisplayName, user.DisplayName));
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(NewsroomClaims.TwoFactor, "on"));
        if (user.AuthorId is { } authorId) identity.AddClaim(new Claim(NewsroomClaims.AuthorId, authorId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
