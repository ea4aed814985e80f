using Kiosque.Content;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosque.Distribution;

/// <summary>
/// sitemaps.org documents: an index naming the page sitemap, the article sitemaps (ordered by id, so an article
/// keeps its page) and the Google News sitemap; article entries carry lastmod and their lead image.
/// </summary>
public sealed class Sitemaps(KiosqueDb db, TimeProvider clock, IOptions<DistributionOptions> options)
{
    public const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string ImageNs = "http://www.google.com/schemas/sitemap-image/1.1";
    public const string NewsNs = "http://www.google.com/schemas/sitemap-news/0.9";

    int PageSize => Math.Clamp(options.Value.SitemapPageSize, 1, 50_000);

    IQueryable<Article> PublicArticles()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.PublishedAt != null && a.PublishedAt <= now);
    }

    public async Task<Artefact> IndexAsync(string baseUrl, CancellationToken ct)
    {
        var total = await PublicArticles().CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var lastmods = new List<DateTime?>();
        for (var page = 1; page <= pages; page++)
        {
            var slice = PublicArticles().OrderBy(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize);
            var updated = await slice.MaxAsync(a => (DateTime?)a.UpdatedAt, ct);
            var published = await slice.MaxAsync(a => a.PublishedAt, ct);
            lastmods.Add(Later(updated, published));
        }
        var latest = lastmods.Max();
        var content = FeedWriter.Write(w =>
        {
            w.WriteStartElement("sitemapindex", SitemapNs);
            Sitemap(w, baseUrl + "/sitemaps/pages.xml", null);
            for (var page = 1; page <= pages; page++) Sitemap(w, $"{baseUrl}/sitemaps/articles-{page}.xml", lastmods[page - 1]);
            Sitemap(w, baseUrl + "/sitemap-news.xml", latest);
            w.WriteEndElement();
        });
        return Artefact.Of(content, "application/xml; charset=utf-8", latest ?? DateTime.UnixEpoch);
    }

    /// <summary>Null past the last page (page 1 always exists, empty on an empty site).</summary>
    public async Task<Artefact?> ArticlesAsync(string baseUrl, int page, CancellationToken ct)
    {
        if (page < 1) return null;
        var rows = await PublicArticles().OrderBy(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new
            {
                a.Id, a.Slug, SectionSlug = a.Section.Slug, a.PublishedAt, a.UpdatedAt,
                Image = a.LeadImage != null ? a.LeadImage.Url : null,
            })
            .ToListAsync(ct);
        if (rows.Count == 0 && page > 1) return null;
        var content = FeedWriter.Write(w =>
        {
            w.WriteStartElement("urlset", SitemapNs);
            w.WriteAttributeString("xmlns", "image", null, ImageNs);
            foreach (var a in rows)
            {
                w.WriteStartElement("url", SitemapNs);
                w.WriteElementString("loc", SitemapNs, $"{baseUrl}/{a.SectionSlug}/{a.Slug}");
                w.WriteElementString("lastmod", SitemapNs, FeedWriter.W3c(Later(a.UpdatedAt, a.PublishedAt)!.Value));
                if (a.Image is not null)
                {
                    w.WriteStartElement("image", "image", ImageNs);
                    w.WriteElementString("image", "loc", ImageNs, FeedWriter.Absolute(baseUrl, a.Image));
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
        return Artefact.Of(content, "application/xml; charset=utf-8", rows.Select(a => Later(a.UpdatedAt, a.PublishedAt)).Max() ?? DateTime.UnixEpoch);
    }

    /// <summary>The front page, sections, dossiers and published static pages.</summary>
    public async Task<Artefact> PagesAsync(string baseUrl, CancellationToken ct)
    {
        var sections = await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Id).Select(s => s.Slug).ToListAsync(ct);
        var dossiers = await db.Dossiers.AsNoTracking().OrderBy(d => d.Id).Select(d => d.Slug).ToListAsync(ct);
        var pages = await db.Pages.AsNoTracking().Where(p => p.Status == PageStatus.Published).OrderBy(p => p.Id)
            .Select(p => new { p.Slug, p.UpdatedAt }).ToListAsync(ct);
        var latest = await PublicArticles().MaxAsync(a => a.PublishedAt, ct);
        var content = FeedWriter.Write(w =>
        {
            w.WriteStartElement("urlset", SitemapNs);
            Url(w, baseUrl + "/", latest);
            foreach (var s in sections) Url(w, $"{baseUrl}/{s}", null);
            Url(w, baseUrl + "/dossiers", null);
            foreach (var d in dossiers) Url(w, $"{baseUrl}/dossiers/{d}", null);
            foreach (var p in pages) Url(w, $"{baseUrl}/{p.Slug}", p.UpdatedAt);
            w.WriteEndElement();
        });
        return Artefact.Of(content, "application/xml; charset=utf-8", Later(latest, pages.Select(p => (DateTime?)p.UpdatedAt).Max()) ?? DateTime.UnixEpoch);
    }

    /// <summary>Google News: the articles of the last <see cref="DistributionOptions.NewsHours"/> hours, at most 1,000.</summary>
    public async Task<Artefact> NewsAsync(string baseUrl, string siteName, string language, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-options.Value.NewsHours);
        var rows = await PublicArticles().Where(a => a.PublishedAt >= since)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(1000)
            .Select(a => new { a.Slug, SectionSlug = a.Section.Slug, a.Headline, PublishedAt = a.PublishedAt!.Value, a.UpdatedAt })
            .ToListAsync(ct);
        var content = FeedWriter.Write(w =>
        {
            w.WriteStartElement("urlset", SitemapNs);
            w.WriteAttributeString("xmlns", "news", null, NewsNs);
            foreach (var a in rows)
            {
                w.WriteStartElement("url", SitemapNs);
                w.WriteElementString("loc", SitemapNs, $"{baseUrl}/{a.SectionSlug}/{a.Slug}");
                w.WriteStartElement("news", "news", NewsNs);
                w.WriteStartElement("news", "publication", NewsNs);
                w.WriteElementString("news", "name", NewsNs, siteName);
                w.WriteElementString("news", "language", NewsNs, language);
                w.WriteEndElement();
                w.WriteElementString("news", "publication_date", NewsNs, FeedWriter.W3c(a.PublishedAt));
                w.WriteElementString("news", "title", NewsNs, a.Headline);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
        return Artefact.Of(content, "application/xml; charset=utf-8",
            rows.Select(a => Later(a.UpdatedAt, a.PublishedAt)).Max() ?? DateTime.UnixEpoch);
    }

    static void Sitemap(System.Xml.XmlWriter w, string loc, DateTime? lastmod)
    {
        w.WriteStartElement("sitemap", SitemapNs);
        w.WriteElementString("loc", SitemapNs, loc);
        if (lastmod is { } at) w.WriteElementString("lastmod", SitemapNs, FeedWriter.W3c(at));
        w.WriteEndElement();
    }

    static void Url(System.Xml.XmlWriter w, string loc, DateTime? lastmod)
    {
        w.WriteStartElement("url", SitemapNs);
        w.WriteElementString("loc", SitemapNs, loc);
        if (lastmod is { } at) w.WriteElementString("lastmod", SitemapNs, FeedWriter.W3c(at));
        w.WriteEndElement();
    }

    static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
