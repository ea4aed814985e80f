using System.Net;
using Kiosque.Content;
using Kiosque.Tests.Infrastructure;

namespace Kiosque.Tests.Site;

public sealed class StatusCodeFixture : IAsyncLifetime
{
    public KiosqueApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = await KiosqueApp.CreateAsync();
        await App.UpdateSettingsAsync(s => s.Name = "La Gazette des tests");
        var politique = SiteData.Section("Politique", "politique", 1);
        var economie = SiteData.Section("Économie", "economie", 2);
        var live = SiteData.Article(politique, "le-budget-est-adopte", "Le budget est adopté");
        var draft = SiteData.Article(politique, "article-en-brouillon", "Article en brouillon", status: ArticleStatus.Draft);
        var future = SiteData.Article(politique, "article-programme", "Article programmé", DateTime.UtcNow.AddDays(1), ArticleStatus.Scheduled);
        var futurePublished = SiteData.Article(politique, "publie-demain", "Publié demain", DateTime.UtcNow.AddDays(1));
        var movedDraft = SiteData.Article(economie, "brouillon-deplace", "Brouillon déplacé", status: ArticleStatus.Draft);
        await App.AddAsync(politique, economie, live, draft, future, futurePublished, movedDraft);
        await App.AddAsync(
            new ArticleRedirect { Path = "/politique/ancien-titre-du-budget", ArticleId = live.Id },
            new ArticleRedirect { Path = "/2022/12/19/budget.html", ArticleId = live.Id },
            new ArticleRedirect { Path = "/economie/ancien-brouillon", ArticleId = movedDraft.Id },
            new RetiredPath { Path = "/politique/article-retire", RetiredAt = SiteData.Published });
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public sealed class StatusCodeTests(StatusCodeFixture fixture) : IClassFixture<StatusCodeFixture>
{
    HttpClient Client => fixture.App.CreateAnonymousClient();
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/politique/article-en-brouillon")]
    [InlineData("/politique/article-programme")]
    [InlineData("/politique/publie-demain")]
    public async Task Drafts_and_future_dated_articles_are_not_found(string path)
    {
        var doc = await Client.GetDocumentAsync(path, 404);
        Assert.Equal("Page introuvable", doc.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_article_under_the_wrong_section_answers_301_to_its_canonical_path()
    {
        using var response = await Client.GetAsync("/economie/le-budget-est-adopte", Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/politique/le-budget-est-adopte", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/politique/ancien-titre-du-budget")]
    [InlineData("/2022/12/19/budget.html")]
    public async Task An_old_path_answers_301_to_the_article_current_path(string path)
    {
        using var response = await Client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/politique/le-budget-est-adopte", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_old_path_of_an_unpublished_article_is_not_found()
    {
        using var response = await Client.GetAsync("/economie/ancien-brouillon", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_retired_path_answers_410_with_the_retired_page()
    {
        var doc = await Client.GetDocumentAsync("/politique/article-retire", 410);
        Assert.Equal("Cet article a été retiré", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Cet article a été retiré | La Gazette des tests", doc.Title);
    }

    [Theory]
    [InlineData("/rubrique-inconnue")]
    [InlineData("/politique/inconnu")]
    [InlineData("/a/b/c/d")]
    [InlineData("/dossiers/inconnu")]
    [InlineData("/auteurs/inconnu")]
    [InlineData("/tags/inconnu")]
    public async Task Unknown_reader_paths_get_the_french_404_page_in_the_site_layout(string path)
    {
        using var response = await Client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var doc = await Client.GetDocumentAsync(path, 404);
        Assert.Equal("Page introuvable | La Gazette des tests", doc.Title);
        Assert.Equal("Aller au contenu", doc.QuerySelector(".skip-link")!.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector("main h1"));
        Assert.Equal("noindex", doc.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Equal("/", doc.QuerySelector("main a[href='/']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Unknown_api_paths_keep_problem_details()
    {
        using var response = await Client.GetAsync("/api/v1/nulle-part", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/politique?page=abc")]
    [InlineData("/politique?page=0")]
    [InlineData("/politique?page=-1")]
    [InlineData("/politique?page=99")]
    [InlineData("/politique?page=99999999999999")]
    public async Task Invalid_page_numbers_are_not_found_never_an_error(string path)
    {
        using var response = await Client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Static_files_and_reserved_words_are_not_taken_for_sections()
    {
        using var css = await Client.GetAsync("/css/site.css", Ct);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
    }
}
