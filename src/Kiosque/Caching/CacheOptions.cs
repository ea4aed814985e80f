namespace Kiosque.Caching;

/// <summary>The "Kiosque:OutputCache" configuration section; see docs/configuration.md.</summary>
public sealed class PageCacheOptions
{
    public const string SectionName = "Kiosque:OutputCache";

    /// <summary>Off: every public page, feed and sitemap is built for every request (the uncached benchmark).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How long this instance keeps a built page when nothing evicts it first.</summary>
    public int DurationSeconds { get; set; } = 600;
    /// <summary>
    /// Cache-Control s-maxage: how long a CDN in front keeps a page. Browsers get max-age=0 and revalidate with the
    /// ETag (a 304 from the cache), so a reader never sees a page older than the server's copy.
    /// </summary>
    public int MaxAgeSeconds { get; set; } = 60;
    /// <summary>Cache-Control stale-while-revalidate: a CDN may serve the old copy this long while it fetches a new one.</summary>
    public int StaleWhileRevalidateSeconds { get; set; } = 60;
    /// <summary>Memory the cached pages may take on one instance.</summary>
    public int SizeLimitMegabytes { get; set; } = 64;
}

/// <summary>The "Kiosque:Cdn" section: where to tell a CDN in front which pages changed.</summary>
public sealed class CdnOptions
{
    public const string SectionName = "Kiosque:Cdn";

    /// <summary>Receives a POST {"tags":[…],"urls":[…]} after every eviction; nothing is sent when empty.</summary>
    public string? PurgeUrl { get; set; }
    /// <summary>Sent as "Authorization: Bearer …" with each purge when set.</summary>
    public string? PurgeToken { get; set; }
}
