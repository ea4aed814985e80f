using System.Globalization;
using System.Text;
using Kiosque.Infrastructure;

namespace Kiosque.Search;

/// <summary>
/// SQLite FTS5 (table "ArticleSearch", rowid = article id, tokenizer unicode61 with diacritics removed). The index
/// keeps the original text so that snippet() quotes it; French inflections are matched on the query side: each
/// word becomes the prefix query of its light stem ("négociation" → negoci*), which also forgives a missing ending.
/// </summary>
public sealed class SqliteSearchEngine(KiosqueDb db) : ISearchEngine
{
    // Headline, kicker, standfirst, body, tags.
    const string Rank = "bm25(ArticleSearch, 10.0, 4.0, 3.0, 1.0, 5.0)";

    public Task IndexAsync(IReadOnlyList<SearchDocument> documents, CancellationToken ct) =>
        SqlCommands.ExecuteAsync(db, documents.SelectMany(Statements).ToList(), ct);

    static IEnumerable<(string, IReadOnlyDictionary<string, object?>)> Statements(SearchDocument document) =>
    [
        ("DELETE FROM ArticleSearch WHERE rowid = @id", new Dictionary<string, object?> { ["@id"] = document.ArticleId }),
        ("INSERT INTO ArticleSearch (rowid, Headline, Kicker, Standfirst, Body, Tags) VALUES (@id, @headline, @kicker, @standfirst, @body, @tags)",
            new Dictionary<string, object?>
            {
                ["@id"] = document.ArticleId, ["@headline"] = document.Headline, ["@kicker"] = document.Kicker,
                ["@standfirst"] = document.Standfirst, ["@body"] = document.Body, ["@tags"] = document.Tags,
            }),
    ];

    /// <summary>
    /// A delete only when the article is indexed: every save of a draft ends here, and a write transaction for nothing
    /// would queue behind the other writers for SQLite's one write lock.
    /// </summary>
    public async Task RemoveAsync(int articleId, CancellationToken ct)
    {
        var id = new Dictionary<string, object?> { ["@id"] = articleId };
        if (await SqlCommands.ScalarAsync(db, "SELECT EXISTS (SELECT 1 FROM ArticleSearch WHERE rowid = @id)", id, ct) == 0) return;
        await SqlCommands.ExecuteAsync(db, [("DELETE FROM ArticleSearch WHERE rowid = @id", id)], ct);
    }

    public async Task<int> CountAsync(CancellationToken ct) =>
        (int)await SqlCommands.ScalarAsync(db, "SELECT count(*) FROM ArticleSearch", new Dictionary<string, object?>(), ct);

    public async Task<IReadOnlyList<int>> IndexedAsync(int fromId, int toId, CancellationToken ct) =>
        await SqlCommands.QueryAsync(db, "SELECT rowid FROM ArticleSearch WHERE rowid BETWEEN @from AND @to",
            new Dictionary<string, object?> { ["@from"] = fromId, ["@to"] = toId }, r => (int)r.GetInt64(0), ct);

    public async Task<EngineResult> SearchAsync(EngineQuery query, DateTime now, CancellationToken ct)
    {
        var match = MatchExpression(query.Text, query.Mode);
        if (match is null) return new EngineResult([], 0);
        var parameters = new Dictionary<string, object?>
        {
            ["@match"] = match,
            ["@now"] = SqliteDate(now),
            ["@take"] = query.Take,
            ["@skip"] = query.Skip,
            ["@start"] = FrenchText.MarkStart.ToString(),
            ["@end"] = FrenchText.MarkEnd.ToString(),
        };
        var where = new StringBuilder("ArticleSearch MATCH @match AND a.Status = 'Published' AND a.PublishedAt <= @now");
        if (query.SectionId is { } section) { where.Append(" AND a.SectionId = @section"); parameters["@section"] = section; }
        if (query.DossierId is { } dossier) { where.Append(" AND a.DossierId = @dossier"); parameters["@dossier"] = dossier; }
        if (query.From is { } from) { where.Append(" AND a.PublishedAt >= @from"); parameters["@from"] = SqliteDate(from); }
        if (query.Before is { } before) { where.Append(" AND a.PublishedAt < @before"); parameters["@before"] = SqliteDate(before); }
        if (query.ExcludeIds is { Count: > 0 } exclude)
            where.Append(" AND a.Id NOT IN (").Append(string.Join(",", exclude.Select(id => id.ToString(CultureInfo.InvariantCulture)))).Append(')');

        var from_ = "FROM ArticleSearch JOIN Articles a ON a.Id = ArticleSearch.rowid WHERE " + where;
        parameters["@cap"] = query.Window + 1;
        var counted = (int)await SqlCommands.ScalarAsync(db, "SELECT count(*) FROM (SELECT 1 " + from_ + " LIMIT @cap)", parameters, ct);
        if (counted == 0) return new EngineResult([], 0);
        var more = counted > query.Window;
        if (more)
        {
            // FTS5 walks its doclists by rowid cheaply: the newest matches are the last ones.
            parameters["@floor"] = await SqlCommands.ScalarAsync(db,
                "SELECT rowid FROM ArticleSearch WHERE ArticleSearch MATCH @match ORDER BY rowid DESC LIMIT 1 OFFSET @window",
                new Dictionary<string, object?> { ["@match"] = match, ["@window"] = query.Window - 1 }, ct);
            from_ += " AND ArticleSearch.rowid >= @floor";
        }
        // Relevance (bm25 is negative: lower is better) scaled by up to 2 for a fresh article, fading over about a month.
        var snippets = query.Snippets
            ? "snippet(ArticleSearch, 3, @start, @end, '…', 24), snippet(ArticleSearch, 2, @start, @end, '…', 24)"
            : "NULL, NULL";
        var sql = $"""
            SELECT ArticleSearch.rowid, {snippets}
            {from_}
            ORDER BY {Rank} * (1.0 + 1.0 / (1.0 + max(0.0, julianday(@now) - julianday(a.PublishedAt)) / 30.0)), a.Id DESC
            LIMIT @take OFFSET @skip
            """;
        var hits = await SqlCommands.QueryAsync(db, sql, parameters, r =>
        {
            var body = r.IsDBNull(1) ? "" : r.GetString(1);
            var standfirst = r.IsDBNull(2) ? "" : r.GetString(2);
            // The body's snippet when the match is there, else the standfirst's, else the start of the body.
            var snippet = body.Contains(FrenchText.MarkStart) || string.IsNullOrEmpty(standfirst) ? body : standfirst;
            return new EngineHit((int)r.GetInt64(0), snippet);
        }, ct);
        return new EngineResult(hits, Math.Min(counted, query.Window), more);
    }

    /// <summary>
    /// The FTS5 expression, built only from folded letters and digits (so reader input never reaches FTS5 syntax):
    /// a stem of four letters or more becomes a prefix query, a shorter word matches itself or its stem exactly.
    /// </summary>
    public static string? MatchExpression(string text, MatchMode mode)
    {
        var terms = FrenchText.ContentWords(text).Select(word =>
        {
            var stem = FrenchText.Stem(word);
            return stem.Length >= 4 ? $"\"{stem}\"*"
                : stem == word ? $"\"{word}\"" : $"(\"{word}\" OR \"{stem}\")";
        }).ToList();
        return terms.Count == 0 ? null : string.Join(mode == MatchMode.All ? " AND " : " OR ", terms);
    }

    /// <summary>The text form EF Core's SQLite provider stores DateTime in, so that comparisons are textual and exact.</summary>
    static string SqliteDate(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');
}
