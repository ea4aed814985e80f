using Kiosque.Caching;
using Kiosque.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Site.Pages;

public sealed class ArticleModel(SiteContext site, SiteQueries queries, RelatedReading relatedReading) : PageModel
{
    public SiteContext Site => site;
    public ArticleView Article { get; private set; } = null!;
    public IReadOnlyList<RelatedLink> Related { get; private set; } = [];
    public MediaEmbed? Video { get; private set; }
    public IReadOnlyList<ShareLink> ShareLinks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string section, string slug, CancellationToken ct)
    {
        var article = await queries.ArticleAsync(slug, ct);
        // Unknown here: the 404 page looks for a moved (301) or retired (410) path.
        if (article is null) return NotFound();
        if (!string.Equals(article.SectionSlug, section, StringComparison.Ordinal))
            return RedirectPermanent(article.Path);

        await site.LoadAsync(ct);
        Article = article;
        var picks = queries.RelatedLinks(article);
        // The editor's picks first, then automatic suggestions up to the usual number of items.
        var suggestions = await relatedReading.SuggestAsync(SourceFor(article), RelatedReading.DefaultCount - picks.Count, ct: ct);
        Related = [.. picks, .. suggestions.Select(s => new RelatedLink(s.Headline, s.Path, null, false))];
        // Its own tag, and those of the articles its "À lire aussi" block lists (picks even while unpublished: they appear when published).
        HttpContext.TagArticles([article.Id, .. article.RelatedRows.Where(r => r.TargetId is not null).Select(r => r.TargetId!.Value),
            .. suggestions.Select(s => s.ArticleId)]);
        Video = article.SectionKind == Kiosque.Content.SectionKind.Video ? MediaEmbeds.ForVideo(article.VideoUrl) : null;
        var url = site.Absolute(article.Path);
        ShareLinks = Share.Links(url, article.Headline);
        site.Meta = MetaFor(article, site);
        return Page();
    }

    /// <summary>What the page has already read, so that the suggestions need not read it again.</summary>
    static RelatedSource SourceFor(ArticleView article) => new(article.Id, article.DossierId, article.Headline,
        [.. article.Tags.Select(t => t.Id)], [.. article.Tags.Select(t => t.Name)],
        [.. article.RelatedRows.Where(r => r.TargetId is not null).Select(r => r.TargetId!.Value)]);

    /// <summary>The reader's tags for an article; the newsroom's preview uses them too, marked noindex.</summary>
    public static PageMeta MetaFor(ArticleView article, SiteContext site) => new PageMeta
    {
        Title = article.SeoTitle is { } seoTitle
            ? Titles.ForPage(seoTitle, site.Settings.Name)
            : Titles.ForArticle(article.Kicker, article.Headline, site.Settings.Name),
        SocialTitle = article.SeoTitle ?? article.Headline,
        Description = article.SeoDescription ?? (string.IsNullOrWhiteSpace(article.Standfirst) ? null : article.Standfirst),
        CanonicalPath = article.Path,
        OpenGraphType = "article",
        Image = article.Image is { } image ? new MetaImage(image.Url, image.Width, image.Height, image.Alt) : null,
        PublishedTime = site.Iso(article.PublishedAt),
        ModifiedTime = site.Iso(article.ModifiedAt),
        Section = article.SectionName,
        Tags = article.Tags.Select(t => t.Name).ToList(),
        JsonLd = JsonLd.NewsArticle(article, site),
        Feeds = article.SectionKind == Kiosque.Content.SectionKind.Podcast
            ? [new FeedLink($"{site.Settings.Name} – {article.SectionName} (podcast)", $"/{article.SectionSlug}/podcast.xml", "application/rss+xml")]
            : [new FeedLink($"{site.Settings.Name} – {article.SectionName} (RSS)", $"/{article.SectionSlug}/rss.xml", "application/rss+xml")],
    };
}
