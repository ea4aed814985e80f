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
/// Fills an empty index (an existing database, the demo content) in the background, so that start-up does not
/// wait for it; a filled index is left alone.
/// </summary>
public sealed class InitialIndexing(IServiceScopeFactory scopes, ILogger<InitialIndexing> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<ISearchEngine>().IsEmptyAsync(stoppingToken)) return;
            var count = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().ReindexAllAsync(stoppingToken);
            if (count > 0) log.LogInformation("Search index built: {Count} articles.", count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Building the search index failed; search answers from what is indexed.");
        }
    }
}

