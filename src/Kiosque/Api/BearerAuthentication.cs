using System.Security.Claims;
using System.Text.Encodings.Web;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosque.Api;

public static class ApiAuth
{
    public const string Scheme = "Bearer";

    /// <summary>Any valid token: contributors write drafts.</summary>
    public const string Write = "api.write";
    /// <summary>Editors and admins: publish, schedule, delete, structure the site.</summary>
    public const string Publish = "api.publish";
    /// <summary>Admins: site settings and navigation.</summary>
    public const string Admin = "api.admin";

    public static bool CanPublish(ClaimsPrincipal user) => user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin);

    /// <summary>
    /// GETs are anonymous, so the authorization middleware does not authenticate them; drafts are shown only
    /// to a valid token, whatever default scheme other features (the newsroom's cookies) install.
    /// </summary>
    public static async Task<ClaimsPrincipal?> TokenUserAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(Scheme);
        return result.Succeeded ? result.Principal : null;
    }
}

/// <summary>
/// `Authorization: Bearer kq_…`: the token's SHA-256 hash is looked up among non-revoked tokens and its role
/// becomes the role claim. Failures answer RFC 9457 problems (401 unknown token, 403 role too weak).
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    KiosqueDb db, TimeProvider clock, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200) return AuthenticateResult.Fail("Malformed bearer token.");

        var hash = ApiTokens.Hash(token);
        var ct = Context.RequestAborted;
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null)
            .Select(t => new { t.Id, t.Name, t.Role, t.LastUsedAt })
            .SingleOrDefaultAsync(ct);
        if (found is null) return AuthenticateResult.Fail("Unknown or revoked token.");

        var now = clock.GetUtcNow().UtcDateTime;
        // One write a minute per token at most: a busy integration must not turn every GET into a write.
        if (found.LastUsedAt is null || now - found.LastUsedAt.Value >= LastUsedResolution)
        {
            var threshold = now - LastUsedResolution;
            await db.ApiTokens
                .Where(t => t.Id == found.Id && (t.LastUsedAt == null || t.LastUsedAt <= threshold))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, found.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, found.Name),
                new Claim(ClaimTypes.Role, found.Role),
            ],
            Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Authentication required",
                Detail = result.Failure is null
                    ? "This request needs an API token: send `Authorization: Bearer <token>`."
                    : "The API token is unknown or has been revoked.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var role = Context.User.FindFirstValue(ClaimTypes.Role) ?? "none";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden",
                Detail = $"The token's role ({role}) does not allow this request.",
            },
        });
    }
}
