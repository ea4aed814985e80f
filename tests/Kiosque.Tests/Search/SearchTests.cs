using System.Net;
using System.Text.Json;
using Kiosque.Tests.Infrastructure;
using Kiosque.Tests.Site;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Search;

/// <summary>French-aware search on the same corpus, on SQLite FTS5 and on PostgreSQL full-text search.</summary>
public sealed class SearchTests(SearchCorpus corpus) : IClassFixture<SearchCorpus>
{
    async Task<JsonElement> SearchAsync(DatabaseKind kind, string query)
    {
        var client = (await corpus.AppAsync(kind)).CreateAnonymousClient();
        using var response = await client.GetPathAsync("/api/v1/search?" + query);
        return await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    async Task<List<string>> SlugsAsync(DatabaseKind kind, string query) =>
        (await SearchAsync(kind, query)).GetProperty("hits").EnumerateArray()
            .Select(h => h.GetProperty("url").GetString()!.Split('/')[^1]).ToList();

    [Theory, InlineData(DatabaseKind.Sqlite), InlineData(DatabaseKind.Postgres)]
    public async Task Accents_are_folded_both_ways(DatabaseKind kind)
    {
        Assert.Equal(["bielorussie-frontiere", "minsk-isolee"], await SlugsAsync(kind, "q=bielorussie"));
        Assert.Equal(["bielorussie-frontiere", "minsk-isolee"], await SlugsAsync(kind, "q=BIÉLORUSSIE"));
    }

    [Theory, InlineData(DatabaseKind.Sqlite), InlineData(DatabaseKind.Postgres)]
    public async Task Elisions_are_split_in_text_and_query(DatabaseKind kind)
    {
        Assert.Equal(["armee-radars"], await SlugsAsync(kind, "q=" + Uri.EscapeDataString("armée")));
        Assert.Equal(["armee-radars"], await SlugsAsync(kind, "q=" + Uri.EscapeDataString("l'armée")));
        Assert.Equal(["armee-radars"], await SlugsAsync(kind, "q=" + Uri.EscapeDataString("l’armee")));
    }

    [Theory, InlineData(DatabaseKind.Sqlite), InlineData(DatabaseKind.Postgres)]
    public async Task Singular_plural_and_inflections_match(DatabaseKind kind)
    {
        Assert.Equal(["negociations-geneve"], await SlugsAsync(kind, "q=" + Uri.EscapeDataString("négociation")));
        Assert.Equal(["armee-radars"], await SlugsAsync(kind, "q=radar"));
        Assert.Equal(["bielorussie-frontiere"], await SlugsAsync(kind, "q=" + Uri.EscapeDataString("frontières")));
        Assert.Equal(["minsk-isolee"], await SlugsAsync(kind, "q=" + Uri.EscapeDataString("isolée")));
    }

    [Theory, InlineData(DatabaseKind.Sqlite), InlineData(DatabaseKind.Postgres)]
    public async Task A_headline_match_outranks_a_body_match(DatabaseKind kind) =>
        Assert.Equal(["budget-etat", "soiree-opera"], await SlugsAsync(kind, "q=budget"));

    [Theory, InlineData(DatabaseKind.Sqlite), InlineData(DatabaseKind.Postgres)]
    public async Task Among_equally_relevant_articles_the_recent_one_comes_first(DatabaseKind kind) =>
        Assert.Equal(["retraites-nouveau", "retraites-ancien"], await SlugsAsync(kind, "q=" + Uri.EscapeDataString("réforme retraites")));

    [Theory, InlineData(DatabaseKind.Sqlite), InlineData(DatabaseKind.Postgres)]
    public async Task Drafts_and_future_articles_are_never_found(DatabaseKind kind)
    {
        var slugs = await SlugsAsync(kind, "q=" + Uri.EscapeDataString("Biélorussie"));
        Assert.DoesNotContain("brouillon", slugs);
        Assert.DoesNotContain("futur", slugs);
    }

    [Theory, InlineData(DatabaseKind.Sqlite), InlineData(DatabaseKind.Postgres)]
    public async Task Filters_by_section_dossier_and_dates(DatabaseKind kind)
    {
        var reforme = "q=" + Uri.EscapeDataString("réforme");
        Assert.Equal(2, (await SlugsAsync(kind, reforme + "&rubrique=politique")).Count);
        Assert.Empty(await SlugsAsync(kind, reforme + "&rubrique=economie"));
        Assert.Equal(["bielorussie-frontiere"], await SlugsAsync(kind, "q=bielorussie&dossier=frontieres"));
        var since = DateOnly.FromDateTime(SearchCorpus.Now.AddDays(-7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var until = DateOnly.FromDateTime(SearchCorpus.Now.AddDays(-7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["bielorussie-frontiere"], await SlugsAsync(kind, $"q=bielorussie&du={since}"));
        Assert.Equal(["minsk-isolee"], await SlugsAsync(kind, $"q=bielorussie&au={until}"));
    }

    [Theory, InlineData(DatabaseKind.Sqlite), InlineData(DatabaseKind.Postgres)]
    public async Task Results_are_paginated_ten_at_a_time(DatabaseKind kind)
    {
        var first = await SearchAsync(kind, "q=" + Uri.EscapeDataString("marchés"));
        Assert.Equal(12, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("pageCount").GetInt32());
        Assert.Equal(10, first.GetProperty("hits").GetArrayLength());
        var second = await SlugsAsync(kind, "q=" + Uri.EscapeDataString("marchés") + "&page=2");
        Assert.Equal(2, second.Count);
        var all = (await SlugsAsync(kind, "q=" + Uri.EscapeDataString("marchés"))).Concat(second).ToList();
        Assert.Equal(12, all.Distinct().Count());
    }

    [Theory, InlineData(DatabaseKind.Sqlite), InlineData(DatabaseKind.Postgres)]
    public async Task Snippets_mark_matches_and_escape_everything_else(DatabaseKind kind)
    {
        var client = (await corpus.AppAsync(kind)).CreateAnonymousClient();
        var doc = await client.GetDocumentAsync("/recherche?q=" + Uri.EscapeDataString("piégé"));
        var snippet = doc.QuerySelector(".search-hit .search-snippet")!;
        Assert.Contains(snippet.QuerySelectorAll("mark"), m => m.TextContent.StartsWith("pi", StringComparison.Ordinal));
        Assert.Contains("<script>alert('x')</script>", snippet.TextContent, StringComparison.Ordinal);
        Assert.Empty(snippet.QuerySelectorAll("script, b"));
        Assert.Empty(doc.QuerySelectorAll("main script"));
    }

    [Theory, InlineData(DatabaseKind.Sqlite), InlineData(DatabaseKind.Postgres)]
    public async Task Hostile_or_odd_queries_answer_without_error(DatabaseKind kind)
    {
        var client = (await corpus.AppAsync(kind)).CreateAnonymousClient();
        foreach (var q in new[] { "<script>alert(1)</script>", "\"NEAR(a b) * OR", "'; DROP TABLE \"Articles\"; --", "l'", "a AND OR NOT", "***" })
        {
            var doc = await client.GetDocumentAsync("/recherche?q=" + Uri.EscapeDataString(q));
            Assert.Empty(doc.QuerySelectorAll("main script"));
            using var api = await client.GetPathAsync("/api/v1/search?q=" + Uri.EscapeDataString(q));
            Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        }
        var none = await client.GetDocumentAsync("/recherche?q=" + Uri.EscapeDataString("<b>zzzzqqq</b>"));
        Assert.Contains("Aucun résultat pour « <b>zzzzqqq</b> »", none.QuerySelector(".search-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(none.QuerySelectorAll(".search-summary b"));
    }

    [Fact]
    public async Task An_empty_or_malformed_api_query_is_a_400_problem()
    {
        var client = (await corpus.AppAsync(DatabaseKind.Sqlite)).CreateAnonymousClient();
        (await (await client.GetPathAsync("/api/v1/search?q=")).AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("q");
        (await (await client.GetPathAsync("/api/v1/search")).AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("q");
        (await (await client.GetPathAsync("/api/v1/search?q=x&du=hier")).AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("du");
        (await (await client.GetPathAsync("/api/v1/search?q=x&page=0")).AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("page");
        (await (await client.GetPathAsync("/api/v1/search?q=x&rubrique=nulle-part")).AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("rubrique");
    }

    [Fact]
    public async Task The_search_page_has_a_labelled_form_keeps_the_query_and_says_when_nothing_matches()
    {
        var client = (await corpus.AppAsync(DatabaseKind.Sqlite)).CreateAnonymousClient();
        var blank = await client.GetDocumentAsync("/recherche");
        foreach (var input in blank.QuerySelectorAll(".search-form input, .search-form select"))
            Assert.NotNull(blank.QuerySelector($"label[for='{input.Id}']"));
        Assert.Null(blank.QuerySelector(".search-results"));
        Assert.NotNull(blank.QuerySelector("header form[action='/recherche'][method='get'] input[name='q']"));

        var none = await client.GetDocumentAsync("/recherche?q=introuvable");
        Assert.Equal("introuvable", none.QuerySelector("#recherche-q")!.GetAttribute("value"));
        Assert.NotNull(none.QuerySelector(".search-empty"));

        var paged = await client.GetDocumentAsync("/recherche?q=march%C3%A9&rubrique=economie");
        Assert.Equal(10, paged.QuerySelectorAll(".search-hit").Length);
        Assert.Equal("/recherche?q=march%C3%A9&rubrique=economie&page=2", paged.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("economie", paged.QuerySelector("#recherche-rubrique option[selected]")!.GetAttribute("value"));

        var empty = await client.GetDocumentAsync("/recherche?q=", 400);
        Assert.NotNull(empty.QuerySelector(".field-error"));
    }
}
