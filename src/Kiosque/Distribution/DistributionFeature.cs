using Kiosque.Content.Workflow;
using Kiosque.Site;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kiosque.Distribution;

public static class DistributionFeature
{
    /// <summary>Feeds and sitemaps, each built once per content version and served with ETag and Last-Modified.</summary>
    public static void AddDistribution(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DistributionOptions>().BindConfiguration(DistributionOptions.SectionName);
        builder.Services.AddSingleton<ContentVersion>();
        builder.Services.AddSingleton<ArtefactCache>();
        builder.Services.AddScoped<IArticleEvents, ContentVersionEvents>();
        builder.Services.AddScoped<FeedQueries>();
        builder.Services.AddScoped<Feeds>();
        builder.Services.AddScoped<Sitemaps>();
    }

    public static void MapDistribution(this WebApplication app)
    {
        app.MapGet("/rss.xml", (HttpContext h) => FeedAsync(h, FeedScope.Site, null, FeedFormat.Rss));
        app.MapGet("/atom.xml", (HttpContext h) => FeedAsync(h, FeedScope.Site, null, FeedFormat.Atom));
        app.MapGet("/{section:publicslug}/rss.xml", (HttpContext h, string section) => FeedAsync(h, FeedScope.Section, section, FeedFormat.Rss));
        app.MapGet("/{section:publicslug}/atom.xml", (HttpContext h, string section) => FeedAsync(h, FeedScope.Section, section, FeedFormat.Atom));
        app.MapGet("/{section:publicslug}/podcast.xml", (HttpContext h, string section) => FeedAsync(h, FeedScope.Section, section, FeedFormat.Podcast));
        foreach (var (prefix, scope) in new[] { ("dossiers", FeedScope.Dossier), ("auteurs", FeedScope.Author), ("tags", FeedScope.Tag) })
        {
            app.MapGet($"/{prefix}/{{slug:publicslug}}/rss.xml", (HttpContext h, string slug) => FeedAsync(h, scope, slug, FeedFormat.Rss));
            app.MapGet($"/{prefix}/{{slug:publicslug}}/atom.xml", (HttpContext h, string slug) => FeedAsync(h, scope, slug, FeedFormat.Atom));
        }

        app.MapGet("/sitemap.xml", SitemapIndexAsync);
        app.MapGet("/sitemaps/pages.xml", PagesSitemapAsync);
        app.MapGet("/sitemaps/articles-{page:int}.xml", ArticlesSitemapAsync);
        app.MapGet("/sitemap-news.xml", NewsSitemapAsync);
    }

    static Task SitemapIndexAsync(HttpContext http) =>
        ServeAsync(http, async (sp, baseUrl, ct) => await sp.GetRequiredService<Sitemaps>().IndexAsync(baseUrl, ct));

    static Task PagesSitemapAsync(HttpContext http) =>
        ServeAsync(http, async (sp, baseUrl, ct) => await sp.GetRequiredService<Sitemaps>().PagesAsync(baseUrl, ct));

    static Task ArticlesSitemapAsync(HttpContext http, int page) =>
        ServeAsync(http, (sp, baseUrl, ct) => sp.GetRequiredService<Sitemaps>().ArticlesAsync(baseUrl, page, ct));

    static Task NewsSitemapAsync(HttpContext http) => ServeAsync(http, async (sp, baseUrl, ct) =>
    {
        var site = await sp.GetRequiredService<FeedQueries>().SiteAsync(ct);
        return await sp.GetRequiredService<Sitemaps>().NewsAsync(baseUrl, site.Name, site.Language, ct);
    });

    static Task FeedAsync(HttpContext http, FeedScope scope, string? slug, FeedFormat format) =>
        ServeAsync(http, (sp, baseUrl, ct) => sp.GetRequiredService<Feeds>().BuildAsync(scope, slug, format, baseUrl, http.Request.Path, ct));

    /// <summary>
    /// The cached artefact for this URL, or 304 when the client's copy is current (If-None-Match first, else
    /// If-Modified-Since), or 404 when there is nothing at this URL.
    /// </summary>
    static async Task ServeAsync(HttpContext http, Func<IServiceProvider, string, CancellationToken, Task<Artefact?>> build)
    {
        var baseUrl = http.RequestServices.GetRequiredService<SiteContext>().BaseUrl;
        var cache = http.RequestServices.GetRequiredService<ArtefactCache>();
        var scopes = http.RequestServices.GetRequiredService<IServiceScopeFactory>();
        var duration = http.RequestServices.GetRequiredService<IOptions<DistributionOptions>>().Value.CacheDuration;
        var artefact = await cache.GetAsync(baseUrl + http.Request.Path, duration, async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await build(scope.ServiceProvider, baseUrl, ct);
        }).WaitAsync(http.RequestAborted);
        if (artefact is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

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
