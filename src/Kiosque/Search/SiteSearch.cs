using System.Globalization;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Search;

/// <summary>A reader's search as the page and the API receive it; every part optional but the text.</summary>
public sealed record SearchRequest(string? Q, string? Rubrique = null, string? Dossier = null, string? Du = null, string? Au = null, string? Page = null);

/// <summary>A result: the article's card data and an HTML snippet (escaped text, matches in &lt;mark&gt;).</summary>
public sealed record SearchHit(int Id, string Headline, string Kicker, string Path, string SectionName, DateTime PublishedAt, string SnippetHtml);

/// <summary>One page of results; with <paramref name="More"/>, more than <paramref name="Total"/> articles matched (only those are paged).</summary>
public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Hits, int Total, int Page, int PageCount, bool More = false);

public sealed record SearchOption(string Slug, string Name);

/// <summary>What is wrong with a request, by field, in the reader's language.</summary>
public sealed class SearchRequestErrors : Dictionary<string, string>
{
    public SearchRequestErrors() : base(StringComparer.Ordinal) { }
}

/// <summary>Reader search: checks the request, resolves filters, asks the engine, loads the cards of one page.</summary>
public sealed class SiteSearch(KiosqueDb db, ISearchEngine engine, TimeProvider clock)
{
    public const int PageSize = 10;
    public const int MaxQueryLength = 200;

    public async Task<(SearchResults? Results, SearchRequestErrors Errors)> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        var errors = new SearchRequestErrors();
        var q = (request.Q ?? "").Trim();
        if (q.Length == 0) errors["q"] = SearchText.QueryRequired;
        else if (q.Length > MaxQueryLength) errors["q"] = SearchText.QueryTooLong;
        var from = ParseDate(request.Du, "du", errors);
        var to = ParseDate(request.Au, "au", errors);
        if (from is not null && to is not null && to < from) errors["au"] = SearchText.DatesReversed;
        var page = 1;
        if (!string.IsNullOrEmpty(request.Page) && !(request.Page.Length <= 6 && request.Page.All(char.IsAsciiDigit)
                && int.TryParse(request.Page, CultureInfo.InvariantCulture, out page) && page >= 1))
            errors["page"] = SearchText.BadPage;

        int? sectionId = null, dossierId = null;
        if (!string.IsNullOrWhiteSpace(request.Rubrique))
        {
            sectionId = await db.Sections.Where(s => s.Slug == request.Rubrique).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
            if (sectionId is null) errors["rubrique"] = SearchText.UnknownSection;
        }
        if (!string.IsNullOrWhiteSpace(request.Dossier))
        {
            dossierId = await db.Dossiers.Where(d => d.Slug == request.Dossier).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
            if (dossierId is null) errors["dossier"] = SearchText.UnknownDossier;
        }
        if (errors.Count > 0) return (null, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var result = await engine.SearchAsync(new EngineQuery(q, sectionId, dossierId,
            from?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), to?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            (page - 1) * PageSize, PageSize), now, ct);
        var pageCount = Math.Max(1, (result.Total + PageSize - 1) / PageSize);
        var hits = await HitsAsync(result.Hits, ct);
        return (new SearchResults(q, hits, result.Total, page, pageCount, result.More), errors);
    }

    public Task<List<SearchOption>> SectionsAsync(CancellationToken ct) =>
        db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Id).Select(s => new SearchOption(s.Slug, s.Name)).ToListAsync(ct);

    public Task<List<SearchOption>> DossiersAsync(CancellationToken ct) =>
        db.Dossiers.AsNoTracking().OrderBy(d => d.Name).Select(d => new SearchOption(d.Slug, d.Name)).ToListAsync(ct);

    async Task<IReadOnlyList<SearchHit>> HitsAsync(IReadOnlyList<EngineHit> hits, CancellationToken ct)
    {
        if (hits.Count == 0) return [];
        var ids = hits.Select(h => h.ArticleId).ToList();
        var cards = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id, a.Headline, a.Kicker, DossierName = a.Dossier != null ? a.Dossier.Name : null, a.Slug,
                SectionSlug = a.Section.Slug, SectionName = a.Section.Name, PublishedAt = a.PublishedAt ?? a.CreatedAt,
            })
            .ToDictionaryAsync(a => a.Id, ct);
        return hits.Where(h => cards.ContainsKey(h.ArticleId)).Select(h =>
        {
            var c = cards[h.ArticleId];
            return new SearchHit(c.Id, c.Headline, Site.Kickers.Effective(c.Kicker, c.DossierName), $"/{c.SectionSlug}/{c.Slug}",
                c.SectionName, c.PublishedAt, FrenchText.HighlightToHtml(h.MarkedSnippet));
        }).ToList();
    }

    static DateOnly? ParseDate(string? raw, string field, SearchRequestErrors errors)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors[field] = SearchText.BadDate;
        return null;
    }
}

/// <summary>The search's French wording.</summary>
public static class SearchText
{
    public const string Title = "Recherche";
    public const string Label = "Rechercher";
    public const string QueryLabel = "Mots recherchés";
    public const string SectionLabel = "Rubrique";
    public const string DossierLabel = "Dossier";
    public const string AnySection = "Toutes les rubriques";
    public const string AnyDossier = "Tous les dossiers";
    public const string FromLabel = "Publié depuis le";
    public const string ToLabel = "jusqu’au";
    public const string Submit = "Rechercher";
    public const string NoResults = "Aucun résultat pour « {0} ».";
    public const string NoResultsHint = "Vérifiez l’orthographe, essayez des mots plus généraux ou retirez des filtres.";
    public const string ResultCount = "{0} résultat(s) pour « {1} »";
    public const string ResultCountMore = "Plus de {0:N0} résultats pour « {1} », les plus récents classés par pertinence";
    public const string QueryRequired = "Saisissez un ou plusieurs mots à rechercher.";
    public const string QueryTooLong = "La recherche est limitée à 200 caractères.";
    public const string BadDate = "Date attendue au format AAAA-MM-JJ.";
    public const string DatesReversed = "La date de fin précède la date de début.";
    public const string BadPage = "Numéro de page invalide.";
    public const string UnknownSection = "Rubrique inconnue.";
    public const string UnknownDossier = "Dossier inconnu.";
    public const string Results = "Résultats";
}
