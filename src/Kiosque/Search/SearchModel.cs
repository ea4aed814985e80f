namespace Kiosque.Search;

/// <summary>What the index holds for one published article: text only, the HTML already stripped.</summary>
public sealed record SearchDocument(int ArticleId, string Headline, string Kicker, string Standfirst, string Body, string Tags);

/// <summary>Every term must match (reader search), or any of them (related-article similarity).</summary>
public enum MatchMode { All, Any }

/// <summary>
/// A query for an engine: filters already resolved to ids; dates are UTC bounds, <paramref name="Before"/> exclusive.
/// <paramref name="Window"/>: how many of the newest matches are counted and ranked at most; <paramref name="Snippets"/>
/// off when the hits are only titles (suggestions).
/// </summary>
public sealed record EngineQuery(
    string Text, int? SectionId = null, int? DossierId = null, DateTime? From = null, DateTime? Before = null,
    int Skip = 0, int Take = 10, MatchMode Mode = MatchMode.All, IReadOnlyCollection<int>? ExcludeIds = null,
    int Window = ISearchEngine.RankingWindow, bool Snippets = true);

/// <summary>An engine's hit: the article and its snippet, with matches between <see cref="FrenchText.MarkStart"/> and MarkEnd.</summary>
public sealed record EngineHit(int ArticleId, string MarkedSnippet);

/// <summary>The hits of the page asked for, and how many matched: at most <see cref="ISearchEngine.RankingWindow"/>, with <paramref name="More"/> beyond.</summary>
public sealed record EngineResult(IReadOnlyList<EngineHit> Hits, int Total, bool More = false);

/// <summary>
/// The full-text index behind /recherche, the search API and "À lire aussi". Only published articles are
/// indexed; searches also check the article's status and date, so a stale entry never shows.
/// </summary>
public interface ISearchEngine
{
    /// <summary>
    /// When a query matches more articles than this (a very common word), only the newest this many matches are
    /// counted and ranked: ranking and counting all of them is what costs. Readers see "more than 2,000 results".
    /// </summary>
    const int RankingWindow = 2000;

    /// <summary>Adds or replaces the documents, all in one transaction.</summary>
    Task IndexAsync(IReadOnlyList<SearchDocument> documents, CancellationToken ct);
    Task RemoveAsync(int articleId, CancellationToken ct);
    Task<EngineResult> SearchAsync(EngineQuery query, DateTime now, CancellationToken ct);
    /// <summary>How many articles the index holds.</summary>
    Task<int> CountAsync(CancellationToken ct);
    /// <summary>The ids the index holds between <paramref name="fromId"/> and <paramref name="toId"/>, both included.</summary>
    Task<IReadOnlyList<int>> IndexedAsync(int fromId, int toId, CancellationToken ct);
}
