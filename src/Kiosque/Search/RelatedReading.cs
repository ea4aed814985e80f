using Kiosque.Content;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Search;

public enum SuggestionReason { Dossier, Tags, Text }

public sealed record Suggestion(int ArticleId, string Headline, string Path, DateTime PublishedAt, SuggestionReason Reason);

/// <summary>What suggestions are drawn from: the article's dossier, headline, tags and the editor's internal picks.</summary>
public sealed record RelatedSource(int ArticleId, int? DossierId, string Headline, IReadOnlyList<int> TagIds,
    IReadOnlyList<string> TagNames, IReadOnlyList<int> Picks);

/// <summary>
/// Automatic "À lire aussi" candidates after the editor's picks: the same dossier, then shared tags (among the
/// 200 newest articles sharing one), then text similarity through the search engine. Only public articles, never the article itself nor a pick, no duplicates.
/// </summary>
public sealed class RelatedReading(KiosqueDb db, ISearchEngine engine, SimilarArticles similarArticles, TimeProvider clock)
{
    public const int DefaultCount = 4;
    const int TagCandidates = 200;
    const int TextCandidates = 200;
    const int TextSpare = 8;

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(int articleId, int count = DefaultCount,
        IReadOnlyCollection<int>? exclude = null, CancellationToken ct = default)
    {
        if (count <= 0) return [];
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId)
            .Select(a => new RelatedSource(a.Id, a.DossierId, a.Headline,
                a.Tags.Select(t => t.Id).ToList(),
                a.Tags.Select(t => t.Name).ToList(),
                a.Related.Where(r => r.TargetArticleId != null).Select(r => r.TargetArticleId!.Value).ToList()))
            .FirstOrDefaultAsync(ct);
        return article is null ? [] : await SuggestAsync(article, count, exclude, ct);
    }

    /// <summary>For a caller that has already read the article (its page): no query for what it knows.</summary>
    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(RelatedSource article, int count = DefaultCount,
        IReadOnlyCollection<int>? exclude = null, CancellationToken ct = default)
    {
        if (count <= 0) return [];
        var articleId = article.ArticleId;
        var now = clock.GetUtcNow().UtcDateTime;
        var taken = new HashSet<int>(article.Picks) { articleId };
        if (exclude is not null) taken.UnionWith(exclude);
        var chosen = new List<(int Id, SuggestionReason Reason)>();

        void Take(IEnumerable<int> ids, SuggestionReason reason)
        {
            foreach (var id in ids)
            {
                if (chosen.Count >= count) return;
                if (taken.Add(id)) chosen.Add((id, reason));
            }
        }

        var publicArticles = db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt != null && a.PublishedAt <= now);
        if (article.DossierId is { } dossierId)
        {
            var excluded = taken.ToList();
            Take(await publicArticles.Where(a => a.DossierId == dossierId && !excluded.Contains(a.Id))
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Select(a => a.Id).Take(count).ToListAsync(ct),
                SuggestionReason.Dossier);
        }
        if (chosen.Count < count && article.TagIds.Count > 0)
        {
            var excluded = taken.ToList();
            var tagIds = article.TagIds.ToList();
            // Among the newest articles sharing a tag (walking the date index stops early), the most tags shared
            // first; ordering the whole archive by shared tags would read every article of a popular tag.
            var recent = await publicArticles.Where(a => !excluded.Contains(a.Id) && a.Tags.Any(t => tagIds.Contains(t.Id)))
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(TagCandidates)
                .Select(a => new { a.Id, Shared = a.Tags.Count(t => tagIds.Contains(t.Id)) }).ToListAsync(ct);
            Take(recent.OrderByDescending(r => r.Shared).Select(r => r.Id), SuggestionReason.Tags);
        }
        if (chosen.Count < count)
        {
            var text = string.Join(' ', article.TagNames.Prepend(article.Headline));
            // Among the newest 200 articles sharing a word, titles only: suggestions are about current news. Kept a
            // while, with more than needed so that the picks and the other suggestions can be left out.
            var similar = await similarArticles.GetAsync(articleId, async () =>
                [.. (await engine.SearchAsync(new EngineQuery(text, Take: DefaultCount + TextSpare, Mode: MatchMode.Any, ExcludeIds: [articleId],
                    Window: TextCandidates, Snippets: false), now, ct)).Hits.Select(h => h.ArticleId)]);
            Take(similar, SuggestionReason.Text);
        }
        if (chosen.Count == 0) return [];

        var ids = chosen.Select(c => c.Id).ToList();
        var cards = await publicArticles.Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Headline, a.Slug, SectionSlug = a.Section.Slug, PublishedAt = a.PublishedAt ?? a.CreatedAt })
            .ToDictionaryAsync(a => a.Id, ct);
        return chosen.Where(c => cards.ContainsKey(c.Id)).Select(c =>
        {
            var card = cards[c.Id];
            return new Suggestion(c.Id, card.Headline, $"/{card.SectionSlug}/{card.Slug}", card.PublishedAt, c.Reason);
        }).ToList();
    }
}
