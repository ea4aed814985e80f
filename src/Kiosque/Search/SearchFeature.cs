using Kiosque.Api;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kiosque.Search;

public sealed record SearchHitResponse(int Id, string Headline, string Kicker, string Url, string Section, DateTimeOffset PublishedAt, string Snippet);

/// <summary>A page of results; <c>more</c> says that more than <c>total</c> articles matched (only the newest <c>total</c> are ranked and paged).</summary>
public sealed record SearchResponse(string Query, int Total, bool More, int Page, int PageCount, IReadOnlyList<SearchHitResponse> Hits);

public sealed record SuggestionResponse(int ArticleId, string Headline, string Url, DateTimeOffset PublishedAt, SuggestionReason Reason);

public static class SearchFeature
{
    /// <summary>The engine of the configured database, the index kept by article events, "À lire aussi" suggestions.</summary>
    public static void AddSearch(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(KiosqueOptions.SectionName).Get<KiosqueOptions>() ?? new();
        if (options.Database.IsPostgres) builder.Services.AddScoped<ISearchEngine, PostgresSearchEngine>();
        else builder.Services.AddScoped<ISearchEngine, SqliteSearchEngine>();
        builder.Services.AddScoped<SearchIndexer>();
        builder.Services.AddScoped<IArticleEvents, SearchIndexEvents>();
        builder.Services.AddScoped<SiteSearch>();
        builder.Services.AddScoped<RelatedReading>();
        builder.Services.AddSingleton<SimilarArticles>();
        builder.Services.AddSingleton<Caching.IMemoryEviction>(s => s.GetRequiredService<SimilarArticles>());
        builder.Services.AddHostedService<InitialIndexing>();
    }

    /// <summary>The reader page is a Razor Page (/recherche); here the API: search, and suggestions for editors.</summary>
    public static void MapSearch(this WebApplication app)
    {
        var v1 = app.MapGroup("/api/v1").WithTags("Search")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        v1.MapGet("/search", SearchAsync).WithName("Search");
        v1.MapGet("/articles/{id:int}/suggestions", SuggestionsAsync).WithName("ListArticleSuggestions")
            .RequireAuthorization(ApiAuth.Write)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchAsync(
        [AsParameters] SearchApiRequest request, HttpContext http, SiteSearch search, CancellationToken ct)
    {
        var (results, errors) = await search.SearchAsync(request.ToSearchRequest(), ct);
        if (results is null)
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal),
                detail: "One or more query parameters are invalid.");
        return TypedResults.Ok(new SearchResponse(results.Query, results.Total, results.More, results.Page, results.PageCount,
            results.Hits.Select(h => new SearchHitResponse(h.Id, h.Headline, h.Kicker, ApiUrls.Absolute(http, h.Path), h.SectionName,
                ApiProblems.Utc(h.PublishedAt), h.SnippetHtml)).ToList()));
    }

    static async Task<Results<Ok<IReadOnlyList<SuggestionResponse>>, ProblemHttpResult>> SuggestionsAsync(
        int id, HttpContext http, KiosqueDb db, RelatedReading related, CancellationToken ct)
    {
        if (await db.Articles.FindAsync([id], ct) is null) return ApiProblems.NotFound($"article {id}");
        var suggestions = await related.SuggestAsync(id, RelatedReading.DefaultCount, ct: ct);
        return TypedResults.Ok<IReadOnlyList<SuggestionResponse>>(suggestions
            .Select(s => new SuggestionResponse(s.ArticleId, s.Headline, ApiUrls.Absolute(http, s.Path), ApiProblems.Utc(s.PublishedAt), s.Reason))
            .ToList());
    }
}

/// <summary>GET /api/v1/search?q=&amp;rubrique=&amp;dossier=&amp;du=&amp;au=&amp;page=, the reader page's parameters.</summary>
public sealed class SearchApiRequest
{
    [FromQuery(Name = "q")] public string? Q { get; init; }
    [FromQuery(Name = "rubrique")] public string? Rubrique { get; init; }
    [FromQuery(Name = "dossier")] public string? Dossier { get; init; }
    [FromQuery(Name = "du")] public string? Du { get; init; }
    [FromQuery(Name = "au")] public string? Au { get; init; }
    [FromQuery(Name = "page")] public string? Page { get; init; }

    public SearchRequest ToSearchRequest() => new(Q, Rubrique, Dossier, Du, Au, Page);
}
