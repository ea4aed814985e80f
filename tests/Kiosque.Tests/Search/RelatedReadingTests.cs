using System.Net;
using Kiosque.Api;
using Kiosque.Content;
using Kiosque.Search;
using Kiosque.Tests.Infrastructure;
using Kiosque.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Search;

/// <summary>"À lire aussi": the editor's picks, then the same dossier, shared tags and text similarity.</summary>
public sealed class RelatedReadingTests
{
    sealed record Corpus(int Main, int Pick, int SameDossier, int BothTags, int OneTag, int Similar);

    static async Task<Corpus> SeedAsync(KiosqueApp app)
    {
        var now = DateTime.UtcNow;
        var monde = SiteData.Section("Monde", "monde", 1);
        var dossier = new Dossier { Name = "Océans", Slug = "oceans", CreatedAt = now };
        var other = new Dossier { Name = "Villes", Slug = "villes", CreatedAt = now };
        var peche = new Tag { Name = "Pêche", Slug = "peche" };
        var climat = new Tag { Name = "Climat", Slug = "climat" };
        Article A(string slug, string headline, double daysAgo, ArticleStatus status = ArticleStatus.Published) =>
            SiteData.Article(monde, slug, headline, now.AddDays(-daysAgo), status);

        var main = A("thons-atlantique", "Les thons de l’Atlantique migrent vers le nord", 1);
        main.Dossier = dossier;
        main.Tags = [peche, climat];
        var pick = A("choix-redaction", "Le choix de la rédaction", 9);
        var sameDossier = A("coraux", "Des coraux sous surveillance", 5);
        sameDossier.Dossier = dossier;
        var draftInDossier = A("brouillon-ocean", "Brouillon océanique", 2, ArticleStatus.Draft);
        draftInDossier.Dossier = dossier;
        draftInDossier.Tags = [peche, climat];
        var bothTags = A("quotas", "Les quotas de pêche révisés", 6);
        bothTags.Tags = [peche, climat];
        bothTags.Dossier = other;
        var oneTag = A("ports", "Les ports bretons s’équipent", 3);
        oneTag.Tags = [peche];
        var similar = A("thons-mediterranee", "Les thons de Méditerranée mieux protégés", 8);
        var unrelated = A("opera", "Une saison à l’opéra", 4);
        main.Related =
        [
            new RelatedItem { Position = 1, TargetArticle = pick },
            new RelatedItem { Position = 2, Url = "https://www.example.org/thons", Title = "Le thon rouge en question", Source = "La Gazette" },
        ];
        await app.AddAsync(monde, dossier, other, peche, climat, main, pick, sameDossier, draftInDossier, bothTags, oneTag, similar, unrelated);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SearchIndexer>().ReindexAllAsync(Ct);
        return new Corpus(main.Id, pick.Id, sameDossier.Id, bothTags.Id, oneTag.Id, similar.Id);
    }

    [Theory, InlineData(DatabaseKind.Sqlite), InlineData(DatabaseKind.Postgres)]
    public async Task Suggestions_come_from_the_dossier_then_shared_tags_then_similar_text(DatabaseKind kind)
    {
        await using var app = await KiosqueApp.CreateAsync(kind);
        var c = await SeedAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var related = scope.ServiceProvider.GetRequiredService<RelatedReading>();

        var suggestions = await related.SuggestAsync(c.Main, 4, ct: Ct);

        Assert.Equal([c.SameDossier, c.BothTags, c.OneTag, c.Similar], suggestions.Select(s => s.ArticleId));
        Assert.Equal([SuggestionReason.Dossier, SuggestionReason.Tags, SuggestionReason.Tags, SuggestionReason.Text], suggestions.Select(s => s.Reason));
        Assert.Equal("/monde/coraux", suggestions[0].Path);
    }

    [Fact]
    public async Task Suggestions_never_hold_the_article_itself_a_pick_an_unpublished_article_or_a_duplicate()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var c = await SeedAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var related = scope.ServiceProvider.GetRequiredService<RelatedReading>();

        var suggestions = await related.SuggestAsync(c.Main, 20, ct: Ct);

        var ids = suggestions.Select(s => s.ArticleId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.DoesNotContain(c.Main, ids);
        Assert.DoesNotContain(c.Pick, ids);
        var publicIds = await app.WithDbAsync(db => Task.FromResult(db.Articles.Where(a => a.Status == ArticleStatus.Published).Select(a => a.Id).ToList()));
        Assert.All(ids, id => Assert.Contains(id, publicIds));
    }

    [Fact]
    public async Task The_article_page_shows_the_editors_picks_first_then_fills_up_to_four()
    {
        await using var app = await KiosqueApp.CreateAsync();
        await SeedAsync(app);
        var doc = await app.CreateAnonymousClient().GetDocumentAsync("/monde/thons-atlantique");

        var items = doc.QuerySelectorAll(".read-also li").ToList();
        Assert.Equal(4, items.Count);
        Assert.Equal("/monde/choix-redaction", items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("https://www.example.org/thons", items[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("La Gazette", items[1].QuerySelector(".source")!.TextContent);
        Assert.Equal("/monde/coraux", items[2].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("/monde/quotas", items[3].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_suggestions_api_needs_a_token_and_answers_404_for_an_unknown_article()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var c = await SeedAsync(app);

        using var anonymous = await app.CreateAnonymousClient().GetPathAsync($"/api/v1/articles/{c.Main}/suggestions");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var contributor = await app.CreateApiClientAsync(Roles.Contributor);
        var body = await (await contributor.GetPathAsync($"/api/v1/articles/{c.Main}/suggestions")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal([c.SameDossier, c.BothTags, c.OneTag, c.Similar], body.EnumerateArray().Select(s => s.GetProperty("articleId").GetInt32()));
        Assert.StartsWith("http", body[0].GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("dossier", body[0].GetProperty("reason").GetString());

        await (await contributor.GetPathAsync("/api/v1/articles/999999/suggestions")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Similar_text_suggestions_are_kept_until_an_article_changes()
    {
        await using var app = await KiosqueApp.CreateAsync(extra: new Dictionary<string, string?> { ["Kiosque:OutputCache:Enabled"] = "false" });
        var c = await SeedAsync(app);
        var editor = await app.CreateApiClientAsync(Roles.Editor);
        async Task<List<int>> SimilarAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var found = await scope.ServiceProvider.GetRequiredService<RelatedReading>().SuggestAsync(c.Main, 20, ct: Ct);
            return [.. found.Where(s => s.Reason == SuggestionReason.Text).Select(s => s.ArticleId)];
        }
        Assert.Equal([c.Similar], await SimilarAsync());

        // Written straight into the database and the index (no event): not seen while the search is kept…
        var monde = await app.WithDbAsync(db => db.Sections.SingleAsync(s => s.Slug == "monde", Ct));
        var quiet = SiteData.Article(monde, "thons-pacifique", "Les thons du Pacifique migrent aussi", DateTime.UtcNow.AddHours(-1));
        quiet.Section = null!;
        quiet.SectionId = monde.Id;
        await app.AddAsync(quiet);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RefreshAsync(quiet.Id, Ct);
        Assert.Equal([c.Similar], await SimilarAsync());

        // …and seen as soon as an article is published through the newsroom's workflow.
        var published = await editor.CreateArticleAsync(new
        {
            section = "monde", headline = "Des thons sous haute surveillance", slug = "thons-surveillance", status = "published",
            publishedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        });
        var after = await SimilarAsync();
        Assert.Contains(quiet.Id, after);
        Assert.Contains(published, after);
    }
}
