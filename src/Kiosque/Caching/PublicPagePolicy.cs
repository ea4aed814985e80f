using Kiosque.Infrastructure;
using Kiosque.Observability;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Kiosque.Caching;

/// <summary>
/// The output-cache policy of the reader's pages, feeds and sitemaps. A GET or HEAD is looked up whatever cookies
/// it carries (public pages never show who is signed in); a 200 is stored unless it sets a cookie or says
/// no-store/private. Each stored response gets an ETag (a 304 answers a matching If-None-Match) and a public
/// Cache-Control for browsers and a CDN. "X-Cache: hit|miss" tells which way it went.
/// </summary>
/// <param name="queryKeysFor">The query keys to vary by for this request; null when the policy does not apply to it.</param>
public sealed class PublicPagePolicy(IOptions<PageCacheOptions> options, IOptions<KiosqueOptions> site, KiosqueMetrics metrics,
    Func<HttpContext, IReadOnlyList<string>?> queryKeysFor) : IOutputCachePolicy
{
    public const string Name = "public";
    public const string CacheHeader = "X-Cache";
    const string HitKey = "kiosque.cache.hit";
    const string AppliedKey = "kiosque.cache.policy";

    /// <summary>The query keys the site's pages read; any other (utm_source …) shares the page's cached copy.</summary>
    public static readonly IReadOnlyList<string> PageQueryKeys = ["page", "commentaire"];
    static readonly IReadOnlyList<string> AllQueryKeys = ["*"];

    /// <summary>The reader's Razor Pages (Site/Pages but the error page) and the search page (every query its own copy).</summary>
    public static IReadOnlyList<string>? ReaderPage(HttpContext http)
    {
        var path = http.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath;
        if (path is null) return null;
        if (path.StartsWith("/Search/Pages/", StringComparison.Ordinal)) return AllQueryKeys;
        return path.StartsWith("/Site/Pages/", StringComparison.Ordinal) && path != "/Site/Pages/Error" ? PageQueryKeys : null;
    }

    bool Applies(OutputCacheContext context) => ReferenceEquals(context.HttpContext.Items[AppliedKey], this);

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        if (queryKeysFor(http) is not { } queryKeys) return ValueTask.CompletedTask;
        http.Items[AppliedKey] = this;
        var request = http.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                        && StringValues.IsNullOrEmpty(request.Headers.Authorization);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        // Many readers asking for the same missing page at once: one builds it, the others wait for it.
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = new StringValues([.. queryKeys]);
        // Without a configured public address the pages' absolute links come from the Host header.
        context.CacheVaryByRules.VaryByHost = string.IsNullOrWhiteSpace(site.Value.PublicUrl);
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(Math.Max(1, options.Value.DurationSeconds));
        context.Tags.Add(CacheTags.Site);
        if (!cacheable) return ValueTask.CompletedTask;

        // Set now so that they are stored with the response (a hit replays the stored ones); an endpoint that
        // computes its own ETag (feeds, sitemaps) overwrites this one.
        var headers = http.Response.Headers;
        headers.ETag = "\"" + Guid.NewGuid().ToString("N")[..16] + "\"";
        headers.CacheControl = $"public, max-age=0, s-maxage={options.Value.MaxAgeSeconds}, stale-while-revalidate={options.Value.StaleWhileRevalidateSeconds}";
        http.Response.OnStarting(static state =>
        {
            var h = (HttpContext)state;
            h.Response.Headers[CacheHeader] = h.Items.ContainsKey(HitKey) ? "hit" : "miss";
            // A renewed sign-in cookie, say: that response is the reader's own, never a CDN's.
            if (!StringValues.IsNullOrEmpty(h.Response.Headers.SetCookie)) h.Response.Headers.CacheControl = "private, no-store";
            return Task.CompletedTask;
        }, http);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct)
    {
        if (!Applies(context)) return ValueTask.CompletedTask;
        context.HttpContext.Items[HitKey] = true;
        metrics.CacheHit();
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
    {
        if (!Applies(context)) return ValueTask.CompletedTask;
        var response = context.HttpContext.Response;
        if (!StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || response.StatusCode != StatusCodes.Status200OK
            || IsPrivate(response.Headers.CacheControl))
        {
            context.AllowCacheStorage = false;
            // A response meant for one reader must not be kept by a CDN or a shared proxy either.
            if (!response.HasStarted && response.StatusCode == StatusCodes.Status200OK)
                response.Headers.CacheControl = "private, no-store";
        }
        if (context.AllowCacheStorage) metrics.CacheMiss();
        return ValueTask.CompletedTask;
    }

    static bool IsPrivate(StringValues cacheControl) =>
        HeaderUtilities.ContainsCacheDirective(cacheControl, CacheControlHeaderValue.NoStoreString)
        || HeaderUtilities.ContainsCacheDirective(cacheControl, CacheControlHeaderValue.PrivateString)
        || HeaderUtilities.ContainsCacheDirective(cacheControl, CacheControlHeaderValue.NoCacheString);
}
