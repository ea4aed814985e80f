using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kiosque.Site;

public static class SiteFeature
{
    public static void AddSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o => o.RootDirectory = "/Site/Pages");
        builder.Services.Configure<RouteOptions>(o => o.SetParameterPolicy<PublicSlugConstraint>(PublicSlugConstraint.Name));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<SiteContext>();
        builder.Services.AddScoped<SiteQueries>();
    }

    public static void MapSite(this WebApplication app)
    {
        // Readers get HTML error pages with the site's layout; /api keeps the problem details set up by
        // UseInfrastructure. The 404 page also resolves moved (301) and retired (410) article paths.
        app.UseWhen(ctx => !ErrorPaths.IsApi(ctx.Request.Path), reader =>
        {
            reader.UseExceptionHandler("/erreur/500");
            reader.UseStatusCodePagesWithReExecute("/erreur/{0}");
        });
        app.UseStaticFiles();
        app.MapGet("/robots.txt", Robots);
        app.MapRazorPages();
    }

    static ContentHttpResult Robots(SiteContext site)
    {
        var text = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Allow: /\n")
            .Append("Disallow: /newsroom\n")
            .Append("Disallow: /api\n")
            .Append('\n')
            .Append("Sitemap: ").Append(site.Absolute("/sitemap.xml")).Append('\n')
            .ToString();
        return TypedResults.Text(text, "text/plain; charset=utf-8");
    }
}
