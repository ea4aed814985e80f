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
        var filters = new StringBuilder();
        if (query.SectionId is { } section) { filters.Append(""" AND a."SectionId" = @section"""); parameters["section"] = section; }
        if (query.DossierId is { } dossier) { filters.Append(""" AND a."DossierId" = @dossier"""); parameters["dossier"] = dossier; }
        if (query.From is { } from) { filters.Append(""" AND a."PublishedAt" >= @from"""); parameters["from"] = DateTime.SpecifyKind(from, DateTimeKind.Utc); }
        if (query.Before is { } before) { filters.Append(""" AND a."PublishedAt" < @before"""); parameters["before"] = DateTime.SpecifyKind(before, DateTimeKind.Utc); }
        if (query.ExcludeIds is { Count: > 0 } exclude)
            filters.Append(""" AND a."Id" <> ALL(ARRAY[""").Append(string.Join(",", exclude.Select(id => id.ToString(CultureInfo.InvariantCulture)))).Append("]::integer[])");
        parameters["window"] = query.Window;
        parameters["cap"] = query.Window + 1;
        var headline = query.Snippets ? $"""ts_headline({Config}, s."Standfirst" || ' ' || s."Body", q.query, @options)""" : "NULL";
        // One round trip, in steps the planner cannot reorder (MATERIALIZED):
        // - matched: every match's id from the GIN index (a bitmap scan). Left to itself the planner walks the
        //   primary key backwards and tests each row's tsvector, detoasting tens of thousands of them for a common word;
        // - newest: the newest matches that are published and pass the filters, one more than the window to tell "more";
        // - ranked: ts_rank on the window's rows only (up to 2× for a fresh article, fading over about a month, so
        //   recent news wins among equally relevant ones), then the page;
        // - ts_headline, the costliest, on the page's rows only. The first row (no id) carries the count.
        var sql = $"""
            WITH q AS (SELECT websearch_to_tsquery({Config}, @q) AS query),
            matched AS MATERIALIZED (SELECT s."ArticleId" FROM "ArticleSearch" s, q WHERE s."Document" @@ q.query),
            newest AS MATERIALIZED (
                SELECT m."ArticleId", a."PublishedAt"
                FROM (SELECT "ArticleId" FROM matched ORDER BY "ArticleId" DESC) m JOIN "Articles" a ON a."Id" = m."ArticleId"
                WHERE a."Status" = 'Published' AND a."PublishedAt" <= @now{filters}
                ORDER BY m."ArticleId" DESC LIMIT @cap),
            ranked AS (
                SELECT w."ArticleId",
                       ts_rank(s."Document", q.query)
                         * (1.0 + 1.0 / (1.0 + greatest(0.0, extract(epoch FROM (@now - w."PublishedAt")) / 86400.0) / 30.0)) AS rank
                FROM (SELECT * FROM newest ORDER BY "ArticleId" DESC LIMIT @window) w
                     JOIN "ArticleSearch" s ON s."ArticleId" = w."ArticleId", q
                ORDER BY rank DESC, w."ArticleId" DESC
                LIMIT @take OFFSET @skip)
            SELECT NULL::integer, NULL::text, (SELECT count(*) FROM newest), NULL::double precision
            UNION ALL
            SELECT r."ArticleId", {headline}, NULL, r.rank
            FROM ranked r JOIN "ArticleSearch" s ON s."ArticleId" = r."ArticleId", q
            ORDER BY 4 DESC NULLS FIRST, 1 DESC
            """;
        var rows = await SqlCommands.QueryAsync(db, sql, parameters, r => r.IsDBNull(0)
            ? (Count: (int)r.GetInt64(2), Hit: null)
            : (Count: 0, Hit: new EngineHit(r.GetInt32(0), r.IsDBNull(1) ? "" : FrenchText.RestoreAngles(r.GetString(1)))), ct);
        var counted = rows[0].Count;
        var hits = rows.Skip(1).Select(row => row.Hit!).ToList();
        return new EngineResult(hits, Math.Min(counted, query.Window), counted > query.Window);
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
