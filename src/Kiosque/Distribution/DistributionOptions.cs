namespace Kiosque.Distribution;

/// <summary>The "Kiosque:Distribution" configuration section; see docs/configuration.md.</summary>
public sealed class DistributionOptions
{
    public const string SectionName = "Kiosque:Distribution";

    /// <summary>Items in an RSS or Atom feed.</summary>
    public int FeedSize { get; set; } = 30;
    /// <summary>Episodes in a podcast feed: apps show the back catalogue, so more than a news feed.</summary>
    public int PodcastSize { get; set; } = 300;
    /// <summary>URLs per article sitemap; sitemaps.org allows at most 50,000.</summary>
    public int SitemapPageSize { get; set; } = 50_000;
    /// <summary>Google News only takes articles of the last two days.</summary>
    public int NewsHours { get; set; } = 48;
    /// <summary>Cache-Control max-age of feeds and sitemaps (the output cache keeps them until an article event).</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Apple's category (https://podcasters.apple.com/support/1691-apple-podcasts-categories).</summary>
    public string PodcastCategory { get; set; } = "News";
    public string? PodcastOwnerName { get; set; }
    public string? PodcastOwnerEmail { get; set; }
    /// <summary>Square artwork (1400–3000 px) for podcast apps; the latest episode's lead image when empty.</summary>
    public string? PodcastImageUrl { get; set; }
}
