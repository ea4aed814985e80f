using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Caching;

/// <summary>
/// After an article write: evicts the pages that show the article (every cached page is tagged with the articles
/// it shows: its own page, lists, "À lire aussi" blocks), the lists it now belongs to (its section, dossier,
/// authors and tags, where it may be new or have moved), feeds, sitemaps and search results; the home page when
/// it is published or moved to another section. A draft's edits evict its own tag only.
/// </summary>
public sealed class ArticleCacheEviction(KiosqueDb db, PageCache cache, TimeProvider clock) : IArticleEvents
{
    public async Task HandleAsync(ArticleEvent articleEvent, CancellationToken ct)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal) { CacheTags.Article(articleEvent.ArticleId) };
        var paths = new List<string> { articleEvent.Path };
        if (articleEvent is ArticleChanged { PreviousPath: { } previous }) paths.Add(previous);

        var now = clock.GetUtcNow().UtcDateTime;
        var id = articleEvent.ArticleId;
        var article = articleEvent is ArticleDeleted ? null : await db.Articles.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new
            {
                Public = a.Status == ArticleStatus.Published && a.PublishedAt != null && a.PublishedAt <= now,
                a.SectionId,
                a.DossierId,
            })
            .FirstOrDefaultAsync(ct);

        // A draft changed: no list shows it. Anything else changes what readers see beyond its own page.
        var visibleChange = articleEvent is ArticlePublished or ArticleUnpublished or ArticleDeleted || article?.Public == true;
        if (visibleChange)
        {
            tags.UnionWith([CacheTags.Feeds, CacheTags.Sitemaps, CacheTags.Search]);
            if (articleEvent is ArticlePublished || articleEvent is ArticleChanged { PreviousPath: not null }) tags.Add(CacheTags.Home);
            if (article is not null)
            {
                tags.Add(CacheTags.Section(article.SectionId));
                if (article.DossierId is { } dossier) tags.Add(CacheTags.Dossier(dossier));
                // Its author and tag lists only now: a draft's save (wire ingest, autosave) needs neither.
                tags.UnionWith((await db.Articles.Where(a => a.Id == id).SelectMany(a => a.Authors).Select(x => x.AuthorId).ToListAsync(ct)).Select(CacheTags.Author));
                tags.UnionWith((await db.Articles.Where(a => a.Id == id).SelectMany(a => a.Tags).Select(t => t.Slug).ToListAsync(ct)).Select(CacheTags.Tag));
            }
        }
        await cache.EvictAsync(tags, paths, ct);
    }
}
