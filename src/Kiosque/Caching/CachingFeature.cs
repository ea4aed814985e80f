using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Kiosque.Observability;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Kiosque.Caching;

public static class CachingFeature
{
    /// <summary>
    /// Output caching of the reader's pages (Site/Pages but the error page; Search/Pages), feeds, sitemaps and
    /// robots.txt, evicted by tag after writes; see docs/architecture.md, "Output caching".
    /// </summary>
    public static void AddCaching(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PageCacheOptions>().BindConfiguration(PageCacheOptions.SectionName);
        builder.Services.AddOptions<CdnOptions>().BindConfiguration(CdnOptions.SectionName);
        builder.Services.AddOutputCache();
        builder.Services.AddOptions<OutputCacheOptions>().Configure<IOptions<PageCacheOptions>, IOptions<KiosqueOptions>, KiosqueMetrics>(
            (o, pages, site, metrics) =>
            {
                o.SizeLimit = Math.Max(1, pages.Value.SizeLimitMegabytes) * 1024L * 1024L;
                o.DefaultExpirationTimeSpan = TimeSpan.FromSeconds(Math.Max(1, pages.Value.DurationSeconds));
                // Slugs are case-sensitive: /Monde/x is a 404 (or a redirect), not /monde/x's page.
                o.UseCaseSensitivePaths = true;
                // Razor Pages: the reader's pages (not the error page) and the search page, chosen by folder.
                o.AddBasePolicy(new PublicPagePolicy(pages, site, metrics, PublicPagePolicy.ReaderPage));
                // Minimal endpoints (feeds, sitemaps, robots.txt) name it with .CacheOutput(PublicPagePolicy.Name).
                o.AddPolicy(PublicPagePolicy.Name, new PublicPagePolicy(pages, site, metrics, _ => PublicPagePolicy.PageQueryKeys));
            });
        builder.Services.AddSingleton<PageCache>();
        builder.Services.AddScoped<IArticleEvents, ArticleCacheEviction>();
        builder.Services.AddSingleton<IInterceptor, SiteChangeEviction>();
        builder.Services.AddHttpClient(CdnPurge.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<IEvictionListener, CdnPurge>();
    }

    /// <summary>Before authentication: a cached page is served without looking at cookies at all.</summary>
    public static void UseCaching(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<PageCacheOptions>>().Value.Enabled)
            app.UseOutputCache();
    }
}
