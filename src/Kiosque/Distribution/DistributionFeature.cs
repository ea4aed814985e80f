using Kiosque.Caching;
using Kiosque.Site;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kiosque.Distribution;

public static class DistributionFeature
{
    /// <summary>
    /// Feeds and sitemaps, served with ETag and Last-Modified; the output cache keeps them (tags "feeds" and
    /// "sitemaps", evicted by every article event).
    /// </summary>
    public static void AddDistribution(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DistributionOptions>().BindConfiguration(DistributionOptions.SectionName);
        builder.Services.AddScoped<FeedQueries>();
        builder.Services.AddScoped<Feeds>();
        builder.Services.AddScoped<Sitemaps>();
    }

    public static void MapDistribution(this WebApplication app)
    {
        var feeds = app.MapGroup("").CacheOutput(PublicPagePolicy.Name);
        feeds.MapGet("/rss.xml", (HttpContext h) => FeedAsync(h, FeedScope.Site, null, FeedFormat.Rss));
        feeds.MapGet("/atom.xml", (HttpContext h) => FeedAsync(h, FeedScope.Site, null, FeedFormat.Atom));
        feeds.MapGet("/{section:publicslug}/rss.xml", (HttpContext h, string section) => FeedAsync(h, FeedScope.Section, section, FeedFormat.Rss));
        feeds.MapGet("/{section:publicslug}/atom.xml", (HttpContext h, string section) => FeedAsync(h, FeedScope.Section, section, FeedFormat.Atom));
        feeds.MapGet("/{section:publicslug}/podcast.xml", (HttpContext h, string section) => FeedAsync(h, FeedScope.Section, section, FeedFormat.Podcast));
        foreach (var (prefix, scope) in new[] { ("dossiers", FeedScope.Dossier), ("auteurs", FeedScope.Author), ("tags", FeedScope.Tag) })
        {
            feeds.MapGet($"/{prefix}/{{slug:publicslug}}/rss.xml", (HttpContext h, string slug) => FeedAsync(h, scope, slug, FeedFormat.Rss));
            feeds.MapGet($"/{prefix}/{{slug:publicslug}}/atom.xml", (HttpContext h, string slug) => FeedAsync(h, scope, slug, FeedFormat.Atom));
        }

        var sitemaps = app.MapGroup("").CacheOutput(PublicPagePolicy.Name);
        sitemaps.MapGet("/sitemap.xml", SitemapIndexAsync);
        sitemaps.MapGet("/sitemaps/pages.xml", PagesSitemapAsync);
        sitemaps.MapGet("/sitemaps/articles-{page:int}.xml", ArticlesSitemapAsync);
        sitemaps.MapGet("/sitemap-news.xml", NewsSitemapAsync);
    }

    static Task SitemapIndexAsync(HttpContext http) =>
        ServeAsync(http, CacheTags.Sitemaps, async (sp, baseUrl, ct) => await sp.GetRequiredService<Sitemaps>().IndexAsync(baseUrl, ct));

    static Task PagesSitemapAsync(HttpContext http) =>
        ServeAsync(http, CacheTags.Sitemaps, async (sp, baseUrl, ct) => await sp.GetRequiredService<Sitemaps>().PagesAsync(baseUrl, ct));

    static Task ArticlesSitemapAsync(HttpContext http, int page) =>
        ServeAsync(http, CacheTags.Sitemaps, (sp, baseUrl, ct) => sp.GetRequiredService<Sitemaps>().ArticlesAsync(baseUrl, page, ct));

    static Task NewsSitemapAsync(HttpContext http) => ServeAsync(http, CacheTags.Sitemaps, async (sp, baseUrl, ct) =>
    {
        var site = await sp.GetRequiredService<FeedQueries>().SiteAsync(ct);
        return await sp.GetRequiredService<Sitemaps>().NewsAsync(baseUrl, site.Name, site.Language, ct);
    });

    static Task FeedAsync(HttpContext http, FeedScope scope, string? slug, FeedFormat format) =>
        ServeAsync(http, CacheTags.Feeds, (sp, baseUrl, ct) => sp.GetRequiredService<Feeds>().BuildAsync(scope, slug, format, baseUrl, http.Request.Path, ct));

    /// <summary>
    /// The artefact for this URL, or 304 when the client's copy is current (If-None-Match first, else
    /// If-Modified-Since), or 404 when there is nothing at this URL.
    /// </summary>
    static async Task ServeAsync(HttpContext http, string tag, Func<IServiceProvider, string, CancellationToken, Task<Artefact?>> build)
    {
        var baseUrl = http.RequestServices.GetRequiredService<SiteContext>().BaseUrl;
        var duration = http.RequestServices.GetRequiredService<IOptions<DistributionOptions>>().Value.CacheDuration;
        var artefact = await build(http.RequestServices, baseUrl, http.RequestAborted);
        if (artefact is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        http.TagResponse(tag);
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = new EntityTagHeaderValue(artefact.ETag);
        headers.LastModified = artefact.LastModified;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = duration };
        if (IsCurrent(http.Request, artefact))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        http.Response.ContentType = artefact.ContentType;
        http.Response.ContentLength = artefact.Content.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
            await http.Response.Body.WriteAsync(artefact.Content, http.RequestAborted);
    }

    static bool IsCurrent(HttpRequest request, Artefact artefact)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } tags)
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(artefact.ETag), useStrongComparison: false));
        return headers.IfModifiedSince is { } since && artefact.LastModified <= since;
    }
}
