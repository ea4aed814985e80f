using System.Globalization;
using System.Text;
using Kiosque.Infrastructure;

namespace Kiosque.Search;

/// <summary>
/// PostgreSQL full-text search on "ArticleSearch"."Document", a weighted tsvector the application maintains in
/// the kiosque_french configuration (unaccent, then the French Snowball stemmer: see the Distribution migration),
/// behind a GIN index. websearch_to_tsquery reads the reader's query; ts_headline quotes the original text.
/// </summary>
public sealed class PostgresSearchEngine(KiosqueDb db) : ISearchEngine
{
    const string Config = "'kiosque_french'::regconfig";

    public Task IndexAsync(IReadOnlyList<SearchDocument> documents, CancellationToken ct) =>
        SqlCommands.ExecuteAsync(db, documents.Select(Statement).ToList(), ct);

    static (string, IReadOnlyDictionary<string, object?>) Statement(SearchDocument document) =>
        ($"""
         INSERT INTO "ArticleSearch" ("ArticleId", "Headline", "Standfirst", "Body", "Document")
         VALUES (@id, @headline, @standfirstText, @bodyText,
             setweight(to_tsvector({Config}, @headline), 'A')
             || setweight(to_tsvector({Config}, @kicker || ' ' || @tags), 'B')
             || setweight(to_tsvector({Config}, @standfirst), 'B')
             || setweight(to_tsvector({Config}, @body), 'C'))
         ON CONFLICT ("ArticleId") DO UPDATE SET "Headline" = EXCLUDED."Headline", "Standfirst" = EXCLUDED."Standfirst",
             "Body" = EXCLUDED."Body", "Document" = EXCLUDED."Document"
         """,
         new Dictionary<string, object?>
         {
             ["id"] = document.ArticleId, ["headline"] = document.Headline, ["kicker"] = document.Kicker,
             ["standfirst"] = document.Standfirst, ["body"] = document.Body, ["tags"] = document.Tags,
             // ts_headline's parser drops anything shaped like a tag; the quoted copies keep "<b>" as text.
             ["standfirstText"] = FrenchText.HideAngles(document.Standfirst), ["bodyText"] = FrenchText.HideAngles(document.Body),
         });

    public Task RemoveAsync(int articleId, CancellationToken ct) => SqlCommands.ExecuteAsync(db,
        [("""DELETE FROM "ArticleSearch" WHERE "ArticleId" = @id""", new Dictionary<string, object?> { ["id"] = articleId })], ct);

    public async Task<int> CountAsync(CancellationToken ct) =>
        (int)await SqlCommands.ScalarAsync(db, "SELECT count(*) FROM \"ArticleSearch\"", new Dictionary<string, object?>(), ct);

    public async Task<IReadOnlyList<int>> IndexedAsync(int fromId, int toId, CancellationToken ct) =>
        await SqlCommands.QueryAsync(db, """SELECT "ArticleId" FROM "ArticleSearch" WHERE "ArticleId" BETWEEN @from AND @to""",
            new Dictionary<string, object?> { ["from"] = fromId, ["to"] = toId }, r => r.GetInt32(0), ct);

    public async Task<EngineResult> SearchAsync(EngineQuery query, DateTime now, CancellationToken ct)
    {
        var text = QueryText(query.Text, query.Mode);
        if (text is null) return new EngineResult([], 0);
        var parameters = new Dictionary<string, object?>
        {
            ["q"] = text,
            ["now"] = DateTime.SpecifyKind(now, DateTimeKind.Utc),
            ["take"] = query.Take,
            ["skip"] = query.Skip,
            ["options"] = $"StartSel={FrenchText.MarkStart}, StopSel={FrenchText.MarkEnd}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"",
        };
        var where = new StringBuilder("""s."Document" @@ q.query AND a."Status" = 'Published' AND a."PublishedAt" <= @now""");
        if (query.SectionId is { } section) { where.Append(""" AND a."SectionId" = @section"""); parameters["section"] = section; }
        if (query.DossierId is { } dossier) { where.Append(""" AND a."DossierId" = @dossier"""); parameters["dossier"] = dossier; }
        if (query.From is { } from) { where.Append(""" AND a."PublishedAt" >= @from"""); parameters["from"] = DateTime.SpecifyKind(from, DateTimeKind.Utc); }
        if (query.Before is { } before) { where.Append(""" AND a."PublishedAt" < @before"""); parameters["before"] = DateTime.SpecifyKind(before, DateTimeKind.Utc); }
        if (query.ExcludeIds is { Count: > 0 } exclude)
            where.Append(""" AND a."Id" <> ALL(ARRAY[""").Append(string.Join(",", exclude.Select(id => id.ToString(CultureInfo.InvariantCulture)))).Append("]::integer[])");

        var from_ = $"""
            FROM "ArticleSearch" s JOIN "Articles" a ON a."Id" = s."ArticleId",
                 (SELECT websearch_to_tsquery({Config}, @q) AS query) q
            WHERE {where}
            """;
        parameters["cap"] = query.Window + 1;
        var counted = (int)await SqlCommands.ScalarAsync(db, "SELECT count(*) FROM (SELECT 1 " + from_ + " LIMIT @cap) c", parameters, ct);
        if (counted == 0) return new EngineResult([], 0);
        var more = counted > query.Window;
        if (more)
        {
            parameters["floor"] = await SqlCommands.ScalarAsync(db, $"""
                SELECT s."ArticleId" FROM "ArticleSearch" s, (SELECT websearch_to_tsquery({Config}, @q) AS query) q
                WHERE s."Document" @@ q.query ORDER BY s."ArticleId" DESC OFFSET @window LIMIT 1
                """, new Dictionary<string, object?> { ["q"] = text, ["window"] = query.Window - 1 }, ct);
            from_ += """ AND s."ArticleId" >= @floor""";
        }
        var headline = query.Snippets ? $"""ts_headline({Config}, page."Standfirst" || ' ' || page."Body", page.query, @options)""" : "NULL";
        // ts_headline is costly: it runs on the page's rows only, after ranking. The rank (up to 2× for a fresh
        // article, fading over about a month) favours recent news among equally relevant ones.
        var sql = $"""
            SELECT page."ArticleId", {headline}
            FROM (
                SELECT s."ArticleId", s."Standfirst", s."Body", q.query,
                       ts_rank(s."Document", q.query)
                         * (1.0 + 1.0 / (1.0 + greatest(0.0, extract(epoch FROM (@now - a."PublishedAt")) / 86400.0) / 30.0)) AS rank,
                       a."Id"
                {from_}
                ORDER BY rank DESC, a."Id" DESC
                LIMIT @take OFFSET @skip
            ) page
            ORDER BY page.rank DESC, page."Id" DESC
            """;
        var hits = await SqlCommands.QueryAsync(db, sql, parameters, r => new EngineHit(r.GetInt32(0), r.IsDBNull(1) ? "" : FrenchText.RestoreAngles(r.GetString(1))), ct);
        return new EngineResult(hits, Math.Min(counted, query.Window), more);
    }

    /// <summary>
    /// Elisions split off (the French parser would keep "l" as a word the document may not have next to "armée");
    /// in Any mode the words are joined with "or", which websearch_to_tsquery reads as OR.
    /// </summary>
    static string? QueryText(string text, MatchMode mode)
    {
        if (mode == MatchMode.Any)
        {
            var words = FrenchText.ContentWords(text, 24);
            return words.Count == 0 ? null : string.Join(" or ", words);
        }
        var cleaned = FrenchText.Clean(FrenchText.WithoutElisions(text));
        return cleaned.Length == 0 ? null : cleaned;
    }
}
