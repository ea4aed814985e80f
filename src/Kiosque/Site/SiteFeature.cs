using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Kiosque.Site;

public static class SiteFeature
{
    public static void AddSite(this WebApplicationBuilder builder)
    {
        // Pages live in feature folders (Site/Pages, Newsroom/Pages), each page with an absolute route.
        builder.Services.AddRazorPages(o => o.RootDirectory = "/");
        builder.Services.Configure<RazorViewEngineOptions>(o => o.PageViewLocationFormats.Add("/Site/Pages/Shared/{0}" + RazorViewEngine.ViewExtension));
        builder.Services.Configure<RouteOptions>(o => o.SetParameterPolicy<PublicSlugConstraint>(PublicSlugConstraint.Name));
        // Accented letters written as themselves, not as &#xE9;: French pages are lighter and cheaper to encode.
        // HTML-significant characters are still escaped.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<SiteSnapshots>();
        builder.Services.AddSingleton<Caching.IMemoryEviction>(s => s.GetRequiredService<SiteSnapshots>());
        builder.Services.AddScoped<SiteContext>();
        builder.Services.AddScoped<SiteQueries>();
    }

    public static void MapSite(this WebApplication app)
    {
        // Readers get HTML error pages with the site's layout; /api keeps the problem details set up by
        // UseInfrastructure. The 404 page also resolves moved (301) and retired (410) article paths.
        // Registered on the app itself, not in a UseWhen branch: a branch loses the global route builder,
        // so a re-executed request would never reach the error page.
        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        app.Use(ReaderErrorsAsync);
        app.UseStaticFiles();
        app.MapGet("/robots.txt", Robots).CacheOutput(Kiosque.Caching.PublicPagePolicy.Name);
        app.MapRazorPages();
    }

    static async Task ReaderErrorsAsync(HttpContext context, RequestDelegate next)
    {
        if (ErrorPaths.IsApi(context.Request.Path))
        {
            context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            await next(context);
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested
                                          && DatabaseUnavailable.Is(exception))
        {
            // No error page: it would need the database too. A short text, and when to come back.
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Kiosque.Site")
                .LogWarning("Database unavailable on {Path}: {Message}", context.Request.Path, exception.GetBaseException().Message);
            context.Response.Clear();
            context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            DatabaseUnavailable.SetRetryAfter(context.Response);
            context.Response.Headers.CacheControl = "no-store";
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(SiteText.Unavailable, context.RequestAborted);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // An empty 500: the status code middleware above re-executes it as the HTML error page.
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Kiosque.Site")
                .LogError(exception, "Unhandled exception on {Path}", context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
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
            .Append("Sitemap: ").Append(site.Absolute("/sitemap-news.xml")).Append('\n')
            .ToString();
        return TypedResults.Text(text, "text/plain; charset=utf-8");
    }
}
