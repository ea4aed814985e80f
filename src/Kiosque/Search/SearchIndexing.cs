using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Kiosque.Site;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Search;

/// <summary>Keeps the index in step with articles: public ones in, everything else out.</summary>
public sealed class SearchIndexer(KiosqueDb db, ISearchEngine engine)
{
    public const int Batch = 200;

    /// <summary>Indexes the article when it is published (now or scheduled later), removes it otherwise.</summary>
    public async Task RefreshAsync(int articleId, CancellationToken ct)
    {
        var document = (await DocumentsAsync(db.Articles.Where(a => a.Id == articleId), ct)).SingleOrDefault();
        if (document is null) await engine.RemoveAsync(articleId, ct);
        else await engine.IndexAsync([document], ct);
    }

    /// <summary>Every published article, in batches by id; returns how many were indexed.</summary>
    public async Task<int> ReindexAllAsync(CancellationToken ct)
    {
        var count = 0;
        var after = 0;
        while (true)
        {
            var batch = await DocumentsAsync(db.Articles.Where(a => a.Id > after).OrderBy(a => a.Id).Take(Batch), ct);
            await engine.IndexAsync(batch, ct);
            count += batch.Count;
            if (batch.Count == 0) return count;
            after = batch[^1].ArticleId;
        }
    }

    /// <summary>
    /// Indexes the published articles the index lacks (an index built by an older version, a build interrupted by a
    /// stop): nothing to do when it holds as many articles as are published, else a walk by id, 1,000 at a time.
    /// Returns how many were added.
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        var published = db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.PublishedAt != null);
        if (await engine.CountAsync(ct) == await published.CountAsync(ct)) return 0;
        var added = 0;
        var after = 0;
        while (true)
        {
            var ids = await published.Where(a => a.Id > after).OrderBy(a => a.Id).Select(a => a.Id).Take(1000).ToListAsync(ct);
            if (ids.Count == 0) return added;
            var indexed = (await engine.IndexedAsync(ids[0], ids[^1], ct)).ToHashSet();
            var missing = ids.Where(id => !indexed.Contains(id)).ToList();
            await IndexAsync(missing, ct);
            added += missing.Count;
            after = ids[^1];
        }
    }

    /// <summary>The given articles that are published (imports, restores), in batches.</summary>
    public async Task IndexAsync(IReadOnlyList<int> articleIds, CancellationToken ct)
    {
        foreach (var chunk in articleIds.Chunk(Batch))
            await engine.IndexAsync(await DocumentsAsync(db.Articles.Where(a => chunk.Contains(a.Id)), ct), ct);
    }

    async Task<List<SearchDocument>> DocumentsAsync(IQueryable<Article> articles, CancellationToken ct)
    {
        var rows = await articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.PublishedAt != null)
            .Select(a => new
            {
                a.Id, a.Headline, a.Kicker, DossierName = a.Dossier != null ? a.Dossier.Name : null,
                a.Standfirst, a.BodyHtml, a.Transcript, Tags = a.Tags.Select(t => t.Name).ToList(),
            })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Id).Select(r => new SearchDocument(
            r.Id,
            FrenchText.Clean(r.Headline),
            FrenchText.Clean(Kickers.Effective(r.Kicker, r.DossierName)),
            FrenchText.Clean(r.Standfirst),
            FrenchText.PlainText(r.BodyHtml + " " + r.Transcript),
            FrenchText.Clean(string.Join(" ", r.Tags)))).ToList();
    }
}

/// <summary>The workflow's events after commit: the index follows publishing, edits, unpublishing and deletion.</summary>
public sealed class SearchIndexEvents(SearchIndexer indexer, ISearchEngine engine) : IArticleEvents
{
    public Task HandleAsync(ArticleEvent articleEvent, CancellationToken ct) => articleEvent switch
    {
        ArticleDeleted deleted => engine.RemoveAsync(deleted.ArticleId, ct),
        _ => indexer.RefreshAsync(articleEvent.ArticleId, ct),
    };
}

/// <summary>
/// Brings the index up to date with the published articles in the background (an existing database, the demo
/// content, a build that a stop interrupted), so that start-up does not wait for it.
/// </summary>
public sealed class InitialIndexing(IServiceScopeFactory scopes, ILogger<InitialIndexing> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var count = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().CatchUpAsync(stoppingToken);
            if (count > 0) log.LogInformation("Search index caught up: {Count} articles added.", count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Building the search index failed; search answers from what is indexed.");
        }
    }
}
