using System.Globalization;
using Kiosque.Accounts;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Newsroom;

public static class NewsroomFeature
{
    const string Folder = "/Newsroom/Pages";

    /// <summary>Pages a signed-out person must reach: signing in, links from e-mails, the first-run page.</summary>
    public static readonly string[] AnonymousPages =
    [
        "Installation", "SignIn", "SignInTwoFactor", "SignInRecovery", "Welcome", "ForgotPassword", "ResetPassword",
        "AccessDenied", "Language",
    ];

    /// <summary>What an admin who must turn on two-factor authentication can still open.</summary>
    static readonly string[] TwoFactorGateExempt = ["Account/TwoFactor", "SignOut"];

    public static readonly CultureInfo[] Cultures = [new("fr-FR"), new("en-GB")];

    public static void AddNewsroom(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder(Folder, Policies.Newsroom);
            foreach (var page in AnonymousPages) o.Conventions.AllowAnonymousToPage($"{Folder}/{page}");
            o.Conventions.AuthorizePage($"{Folder}/Users", Policies.Admin);
            // Media stays open to every newsroom role; each handler checks who may edit or delete an item.
            o.Conventions.AuthorizeFolder($"{Folder}/FrontPage", Policies.EditorOrAdmin);
            o.Conventions.AuthorizeFolder($"{Folder}/Settings", Policies.EditorOrAdmin);
            o.Conventions.AddPageRoute($"{Folder}/Settings/Author", Pages.Settings.AuthorModel.NewPath);
            o.Conventions.AuthorizePage($"{Folder}/Settings/Site", Policies.Admin);
            o.Conventions.AuthorizePage($"{Folder}/Settings/Navigation", Policies.Admin);
            o.Conventions.AuthorizeFolder($"{Folder}/Audit", Policies.Admin);
            o.Conventions.AddFolderApplicationModelConvention(Folder, model =>
            {
                var name = model.ViewEnginePath[(Folder.Length + 1)..];
                if (!AnonymousPages.Contains(name) && !TwoFactorGateExempt.Contains(name))
                    model.Filters.Add(new AdminTwoFactorGate());
            });
        });
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Only the newsroom's own language cookie: a reader's browser language never changes the newsroom.
            o.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = LanguageCookie }];
        });
        builder.Services.AddScoped<Dashboard>();
    }

    public const string LanguageCookie = "kiosque.langue";

    public static void MapNewsroom(this WebApplication app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/newsroom"), newsroom => newsroom.UseRequestLocalization());
}
