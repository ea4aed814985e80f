using Kiosque.Content;
using Kiosque.Tests.Infrastructure;

namespace Kiosque.Tests.Site;

/// <summary>The reader queries (UNION ALL per section, split queries, redirects) on PostgreSQL too.</summary>
public sealed class PostgresSiteTests
{
    [Fact]
    public async Task Home_section_article_and_redirect_work_on_postgres()
    {
        await using var app = await KiosqueApp.CreateAsync(DatabaseKind.Postgres);
        var monde = SiteData.Section("Monde", "monde", 1);
        var culture = SiteData.Section("Culture", "culture", 2);
        var dossier = new Dossier { Name = "Grand format", Slug = "grand-format", CreatedAt = SiteData.Published };
        var first = SiteData.Article(monde, "premier", "Premier article", SiteData.Published);
        first.Dossier = dossier;
        first.Authors = [new ArticleAuthor { Author = new Author { Name = "Ana Roux", Slug = "ana-roux" }, Position = 1 }];
        first.Tags = [new Tag { Name = "Musique", Slug = "musique" }];
        var second = SiteData.Article(culture, "second", "Second article", SiteData.Published.AddHours(1));
        first.Related = [new RelatedItem { Position = 1, TargetArticle = second }];
        await app.AddAsync(monde, culture, first, second);
        await app.AddAsync(new ArticleRedirect { Path = "/monde/ancien", ArticleId = first.Id });

        var client = app.CreateAnonymousClient();
        var home = await client.GetDocumentAsync("/");
        Assert.Equal("Second article", home.QuerySelector(".lead-story h2")!.TextContent.Trim());
        Assert.Equal(["Monde"], home.QuerySelectorAll(".home-section h2").Select(h => h.TextContent.Trim()));

        var article = await client.GetDocumentAsync("/monde/premier");
        Assert.Equal("Grand format\u00A0: Premier article | Kiosque", article.Title);
        Assert.Equal("/culture/second", article.QuerySelector(".read-also a")!.GetAttribute("href"));
        Assert.Equal("/auteurs/ana-roux", article.QuerySelector(".byline a")!.GetAttribute("href"));

        await client.GetDocumentAsync("/monde", 200);
        using var moved = await client.GetAsync("/monde/ancien", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/monde/premier", moved.Headers.Location!.OriginalString);
    }
}
