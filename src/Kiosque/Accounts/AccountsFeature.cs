using Kiosque.Api;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Accounts;

public static class Policies
{
    public const string Newsroom = "Newsroom";
    public const string EditorOrAdmin = "EditorOrAdmin";
    public const string Admin = "Admin";
}

/// <summary>The newsroom's own addresses that accounts redirect to.</summary>
public static class AccountPaths
{
    public const string SignIn = "/newsroom/connexion";
    public const string SignInTwoFactor = "/newsroom/connexion/code";
    public const string SignInRecoveryCode = "/newsroom/connexion/code-de-secours";
    public const string AccessDenied = "/newsroom/acces-refuse";
    public const string Installation = "/newsroom/installation";
    public const string Welcome = "/newsroom/bienvenue";
    public const string ForgotPassword = "/newsroom/mot-de-passe-oublie";
    public const string ResetPassword = "/newsroom/nouveau-mot-de-passe";
    public const string Account = "/newsroom/compte";
    public const string TwoFactorSetUp = "/newsroom/compte/double-authentification";
    public const string SignOut = "/newsroom/deconnexion";
}

public static class AccountsFeature
{
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<NewsroomUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Length is what makes a password strong; composition rules only make people write them down.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // Makes SignInManager ask AccountConfirmation, which refuses disabled accounts.
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<KiosqueDb>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<FrenchIdentityErrors>()
            .AddClaimsPrincipalFactory<NewsroomClaimsFactory>();
        builder.Services.AddScoped<IUserConfirmation<NewsroomUser>, AccountConfirmation>();

        // Short, so that "sign out everywhere", a role change or a disabled account reaches every session quickly.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "kiosque.newsroom";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/";
            o.LoginPath = AccountPaths.SignIn;
            o.LogoutPath = AccountPaths.SignOut;
            o.AccessDeniedPath = AccountPaths.AccessDenied;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = RedirectToSignInOrInstallationAsync;
        });
        builder.Services.ConfigureExternalCookie(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Newsroom, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser().RequireRole(Roles.All))
            .AddPolicy(Policies.EditorOrAdmin, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser().RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser().RequireRole(Roles.Admin));

        builder.Services.AddScoped<AccountLinks>();
        builder.Services.AddScoped<AccountMails>();
        builder.Services.AddScoped<NewsroomAccounts>();
    }

    // Until an admin exists nobody can sign in: send the visitor to the page that explains how to create one.
    static async Task RedirectToSignInOrInstallationAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<NewsroomAccounts>();
        var target = await accounts.AnyActiveAdminAsync(context.HttpContext.RequestAborted)
            ? context.RedirectUri
            : AccountPaths.Installation;
        context.Response.Redirect(target);
    }
}

/// <summary>A disabled account, or one whose set-up link was never used, cannot sign in.</summary>
public sealed class AccountConfirmation : IUserConfirmation<NewsroomUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<NewsroomUser> manager, NewsroomUser user) =>
        Task.FromResult(user.DisabledAt is null && user.PasswordHash is not null);
}

public static class NewsroomAccountsQueries
{
    public static IQueryable<NewsroomUser> InRole(this KiosqueDb db, string role) =>
        from u in db.Users
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == role
        select u;

    public static Task<bool> AnyActiveAdminAsync(this KiosqueDb db, CancellationToken ct) =>
        db.InRole(Roles.Admin).AnyAsync(u => u.DisabledAt == null && u.PasswordHash != null, ct);
}
