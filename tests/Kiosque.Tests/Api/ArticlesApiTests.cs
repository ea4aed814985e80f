using System.Net;
using System.Text.Json;
using Kiosque.Content;
using Microsoft.EntityFrameworkCore;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Api;

public sealed class ArticlesApiTests(ApiApp api) : IClassFixture<ApiApp>
{
    static string Unique(string stem) => $"{stem}-{Guid.NewGuid():N}"[..(stem.Length + 9)];

    async Task<string> SectionAsync(string kind = "standard")
    {
        var slug = Unique("rubrique");
        await api.Admin.CreateSectionAsync("Rubrique " + slug, slug, kind);
        return slug;
    }

    [Fact]
    public async Task Created_article_answers_201_and_reads_back_every_field()
    {
        var section = await SectionAsync("video");
        var dossier = Unique("dossier");
        await (await api.Admin.PostJsonAsync("/api/v1/dossiers", new { name = "Sommet de Bruxelles", slug = dossier })).AssertStatusAsync(HttpStatusCode.Created);
        foreach (var (name, slug) in new[] { ("Claire Martin", "claire-" + dossier), ("Paul Roux", "paul-" + dossier) })
            await (await api.Admin.PostJsonAsync("/api/v1/authors", new { name, slug })).AssertStatusAsync(HttpStatusCode.Created);
        var media = await api.Admin.UploadImageAsync("Des drapeaux devant le bâtiment", "Les drapeaux au vent", "©Agence");
        var other = await api.Editor.CreateArticleAsync(new { section, headline = "Un premier article " + dossier, status = "published" });

        var response = await api.Editor.PostJsonAsync("/api/v1/articles", new
        {
            section, dossier, headline = "Les Vingt-Sept s’accordent sur le budget", slug = "accord-" + dossier,
            standfirst = "Après deux jours de discussions.", bodyHtml = "<p>Premier paragraphe.</p><p>Second.</p>",
            leadImage = new { mediaId = media.GetProperty("id").GetInt32(), caption = "Légende propre à l’article" },
            authors = new[] { "paul-" + dossier, "claire-" + dossier }, tags = new[] { "Europe", "Budget" },
            related = new object[] { new { url = "https://www.example.org/analyse", title = "L’analyse", source = "Le Quotidien" }, new { articleId = other } },
            status = "published", publishedAt = "2026-01-15T08:30:00Z", commentsEnabled = false, videoUrl = "https://www.youtube.com/watch?v=abc",
        });
        var created = await response.AssertStatusAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("accord-" + dossier, created.GetProperty("slug").GetString());
        Assert.Equal($"http://localhost/{section}/accord-{dossier}", created.GetProperty("url").GetString());
        Assert.Equal($"http://localhost/api/v1/articles/{id}", response.Headers.Location?.ToString());

        var a = await (await api.Anonymous.GetPathAsync($"/api/v1/articles/{id}")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(section, a.GetProperty("section").GetString());
        Assert.Equal(dossier, a.GetProperty("dossier").GetString());
        Assert.Equal(JsonValueKind.Null, a.GetProperty("kicker").ValueKind);
        Assert.Equal("Sommet de Bruxelles", a.GetProperty("effectiveKicker").GetString());
        Assert.Equal("Les Vingt-Sept s’accordent sur le budget", a.GetProperty("headline").GetString());
        Assert.Equal("Après deux jours de discussions.", a.GetProperty("standfirst").GetString());
        Assert.Equal("<p>Premier paragraphe.</p><p>Second.</p>", a.GetProperty("bodyHtml").GetString());
        var lead = a.GetProperty("leadImage");
        Assert.Equal(media.GetProperty("url").GetString(), lead.GetProperty("url").GetString());
        Assert.StartsWith("http://localhost/media/", lead.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("Des drapeaux devant le bâtiment", lead.GetProperty("alt").GetString());
        Assert.Equal("Légende propre à l’article", lead.GetProperty("caption").GetString());
        Assert.Equal("©Agence", lead.GetProperty("credit").GetString());
        Assert.Equal(["paul-" + dossier, "claire-" + dossier], a.GetProperty("authors").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(["Budget", "Europe"], a.GetProperty("tags").EnumerateArray().Select(x => x.GetString()));
        var related = a.GetProperty("related").EnumerateArray().ToList();
        Assert.Equal(2, related.Count);
        Assert.Equal("Le Quotidien", related[0].GetProperty("source").GetString());
        Assert.Equal("https://www.example.org/analyse", related[0].GetProperty("url").GetString());
        Assert.Equal(other, related[1].GetProperty("articleId").GetInt32());
        Assert.Equal("published", a.GetProperty("status").GetString());
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 8, 30, 0, TimeSpan.Zero), a.GetProperty("publishedAt").GetDateTimeOffset());
        Assert.False(a.GetProperty("commentsEnabled").GetBoolean());
        Assert.Equal("https://www.youtube.com/watch?v=abc", a.GetProperty("videoUrl").GetString());
        Assert.True(a.GetProperty("updatedAt").GetDateTimeOffset() >= a.GetProperty("createdAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Publishing_without_publishedAt_publishes_now_and_a_draft_has_none()
    {
        var section = await SectionAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var published = await api.Editor.CreateArticleAsync(new { section, headline = "Publié " + section, status = "published" });
        var draft = await api.Editor.CreateArticleAsync(new { section, headline = "Brouillon " + section });
        var p = await (await api.Editor.GetPathAsync($"/api/v1/articles/{published}")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.InRange(p.GetProperty("publishedAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(1));
        var d = await (await api.Editor.GetPathAsync($"/api/v1/articles/{draft}")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("draft", d.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, d.GetProperty("publishedAt").ValueKind);
    }

    [Fact]
    public async Task Anonymous_readers_see_only_published_articles_whose_time_has_come_and_tokens_see_all()
    {
        var section = await SectionAsync();
        var live = await api.Editor.CreateArticleAsync(new { section, headline = "En ligne", slug = Unique("en-ligne"), status = "published" });
        var draft = await api.Editor.CreateArticleAsync(new { section, headline = "Brouillon", slug = Unique("brouillon") });
        var embargo = await api.Editor.CreateArticleAsync(new
        {
            section, headline = "Sous embargo", slug = Unique("embargo"), status = "published", publishedAt = DateTimeOffset.UtcNow.AddDays(1),
        });
        var scheduled = await api.Editor.CreateArticleAsync(new
        {
            section, headline = "Programmé", slug = Unique("programme"), status = "scheduled", publishedAt = DateTimeOffset.UtcNow.AddHours(2),
        });

        await (await api.Anonymous.GetPathAsync($"/api/v1/articles/{live}")).AssertStatusAsync(HttpStatusCode.OK);
        foreach (var hidden in new[] { draft, embargo, scheduled })
        {
            await (await api.Anonymous.GetPathAsync($"/api/v1/articles/{hidden}")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await api.Contributor.GetPathAsync($"/api/v1/articles/{hidden}")).AssertStatusAsync(HttpStatusCode.OK);
        }
        var anonymousList = await (await api.Anonymous.GetPathAsync($"/api/v1/articles?section={section}")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal([live], anonymousList.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        var anonymousDrafts = await (await api.Anonymous.GetPathAsync($"/api/v1/articles?section={section}&status=draft")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(0, anonymousDrafts.GetProperty("total").GetInt32());
        var editorList = await (await api.Editor.GetPathAsync($"/api/v1/articles?section={section}")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(4, editorList.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Listing_filters_by_section_dossier_and_status_and_pages_through_results()
    {
        var section = await SectionAsync();
        var otherSection = await SectionAsync();
        var dossier = Unique("dossier");
        await (await api.Editor.PostJsonAsync("/api/v1/dossiers", new { name = "Dossier " + dossier, slug = dossier })).AssertStatusAsync(HttpStatusCode.Created);
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
            ids.Add(await api.Editor.CreateArticleAsync(new
            {
                section, headline = $"Article {i} {section}", status = "published", dossier = i < 2 ? dossier : null,
                publishedAt = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero).AddHours(i),
            }));
        await api.Editor.CreateArticleAsync(new { section, headline = "Brouillon " + section });
        await api.Editor.CreateArticleAsync(new { section = otherSection, headline = "Ailleurs " + section, status = "published" });

        var page1 = await (await api.Editor.GetPathAsync($"/api/v1/articles?section={section}&status=published&pageSize=2")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(5, page1.GetProperty("total").GetInt32());
        Assert.Equal(1, page1.GetProperty("page").GetInt32());
        Assert.Equal(2, page1.GetProperty("pageSize").GetInt32());
        Assert.Equal([ids[4], ids[3]], page1.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()));
        var page3 = await (await api.Editor.GetPathAsync($"/api/v1/articles?section={section}&status=published&pageSize=2&page=3")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal([ids[0]], page3.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()));
        Assert.All(page1.GetProperty("items").EnumerateArray(), x => Assert.Equal(section, x.GetProperty("section").GetString()));

        var inDossier = await (await api.Anonymous.GetPathAsync($"/api/v1/articles?dossier={dossier}")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal([ids[1], ids[0]], inDossier.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()));

        var drafts = await (await api.Editor.GetPathAsync($"/api/v1/articles?section={section}&status=draft")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(1, drafts.GetProperty("total").GetInt32());

        var badStatus = await (await api.Editor.GetPathAsync("/api/v1/articles?status=live")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badStatus.GetProperty("errors").TryGetProperty("status", out _));
        await (await api.Editor.GetPathAsync("/api/v1/articles?page=0")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Changing_the_slug_of_a_published_article_keeps_the_old_path_as_a_redirect()
    {
        var section = await SectionAsync();
        var slug = Unique("ancien");
        var id = await api.Editor.CreateArticleAsync(new { section, headline = "Titre", slug, status = "published" });
        var renamed = await api.Editor.PutJsonAsync($"/api/v1/articles/{id}", new { section, headline = "Titre corrigé", slug = slug + "-v2", status = "published" });
        var body = await renamed.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal($"http://localhost/{section}/{slug}-v2", body.GetProperty("url").GetString());

        var redirects = await api.App.WithDbAsync(db => db.ArticleRedirects.Where(r => r.ArticleId == id).ToListAsync(Ct));
        Assert.Equal($"/{section}/{slug}", Assert.Single(redirects).Path);
        var stored = await api.App.WithDbAsync(db => db.Articles.SingleAsync(a => a.Id == id, Ct));
        Assert.Equal("Titre corrigé", stored.Headline);

        // Back to the first slug: that path is live again, so its redirect goes and the second path redirects.
        await (await api.Editor.PutJsonAsync($"/api/v1/articles/{id}", new { section, headline = "Titre", slug, status = "published" })).AssertStatusAsync(HttpStatusCode.OK);
        redirects = await api.App.WithDbAsync(db => db.ArticleRedirects.Where(r => r.ArticleId == id).ToListAsync(Ct));
        Assert.Equal($"/{section}/{slug}-v2", Assert.Single(redirects).Path);
    }

    [Fact]
    public async Task Moving_a_published_article_to_another_section_redirects_its_old_path()
    {
        var section = await SectionAsync();
        var target = await SectionAsync();
        var slug = Unique("deplace");
        var id = await api.Editor.CreateArticleAsync(new { section, headline = "Déplacé", slug, status = "published" });
        await (await api.Editor.PutJsonAsync($"/api/v1/articles/{id}", new { section = target, headline = "Déplacé", slug, status = "published" })).AssertStatusAsync(HttpStatusCode.OK);
        var redirect = await api.App.WithDbAsync(db => db.ArticleRedirects.SingleAsync(r => r.ArticleId == id, Ct));
        Assert.Equal($"/{section}/{slug}", redirect.Path);
    }

    [Fact]
    public async Task Renaming_a_draft_leaves_no_redirect()
    {
        var section = await SectionAsync();
        var slug = Unique("brouillon");
        var id = await api.Contributor.CreateArticleAsync(new { section, headline = "Brouillon", slug });
        await (await api.Contributor.PutJsonAsync($"/api/v1/articles/{id}", new { section, headline = "Brouillon", slug = slug + "-2" })).AssertStatusAsync(HttpStatusCode.OK);
        Assert.False(await api.App.WithDbAsync(db => db.ArticleRedirects.AnyAsync(r => r.ArticleId == id, Ct)));
    }

    [Fact]
    public async Task Deleting_an_article_retires_its_path_and_its_redirects()
    {
        var section = await SectionAsync();
        var slug = Unique("supprime");
        var id = await api.Editor.CreateArticleAsync(new { section, headline = "À supprimer", slug, status = "published" });
        await (await api.Editor.PutJsonAsync($"/api/v1/articles/{id}", new { section, headline = "À supprimer", slug = slug + "-b", status = "published" })).AssertStatusAsync(HttpStatusCode.OK);

        var response = await api.Editor.DeleteAsync(new Uri($"/api/v1/articles/{id}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        Assert.False(await api.App.WithDbAsync(db => db.Articles.AnyAsync(a => a.Id == id, Ct)));
        Assert.False(await api.App.WithDbAsync(db => db.ArticleRedirects.AnyAsync(r => r.ArticleId == id, Ct)));
        var retired = await api.App.WithDbAsync(db => db.RetiredPaths.Where(r => r.Path.StartsWith($"/{section}/")).Select(r => r.Path).ToListAsync(Ct));
        Assert.Equal([$"/{section}/{slug}", $"/{section}/{slug}-b"], retired.Order(StringComparer.Ordinal));
        await (await api.Editor.GetPathAsync($"/api/v1/articles/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await api.Editor.DeleteAsync(new Uri($"/api/v1/articles/{id}", UriKind.Relative), Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_new_article_on_a_retired_path_takes_it_back()
    {
        var section = await SectionAsync();
        var slug = Unique("revenant");
        var id = await api.Editor.CreateArticleAsync(new { section, headline = "Revenant", slug, status = "published" });
        await api.Editor.DeleteAsync(new Uri($"/api/v1/articles/{id}", UriKind.Relative), Ct);
        await api.Editor.CreateArticleAsync(new { section, headline = "Revenant", slug, status = "published" });
        Assert.False(await api.App.WithDbAsync(db => db.RetiredPaths.AnyAsync(r => r.Path == $"/{section}/{slug}", Ct)));
    }

    [Fact]
    public async Task A_repeated_headline_gets_a_numbered_slug_while_an_explicit_duplicate_is_refused()
    {
        var section = await SectionAsync();
        var headline = "En direct " + section;
        var first = await (await api.Editor.PostJsonAsync("/api/v1/articles", new { section, headline })).AssertStatusAsync(HttpStatusCode.Created);
        var second = await (await api.Editor.PostJsonAsync("/api/v1/articles", new { section, headline })).AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal(Slugs.From(headline), first.GetProperty("slug").GetString());
        Assert.Equal(Slugs.From(headline) + "-2", second.GetProperty("slug").GetString());
        await (await api.Editor.PostJsonAsync("/api/v1/articles", new { section, headline, slug = Slugs.From(headline) }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Tags_are_created_on_the_fly_and_reused_by_slug()
    {
        var section = await SectionAsync();
        var tag = "Élection " + section;
        await api.Editor.CreateArticleAsync(new { section, headline = "Un " + section, tags = new[] { tag } });
        await api.Editor.CreateArticleAsync(new { section, headline = "Deux " + section, tags = new[] { tag.ToUpperInvariant(), tag } });
        var tagSlug = Slugs.From(tag, 100);
        var tags = await api.App.WithDbAsync(db => db.Tags.Where(t => t.Slug == tagSlug).Include(t => t.Articles).ToListAsync(Ct));
        Assert.Equal(2, Assert.Single(tags).Articles.Count);
        Assert.Equal(tag, tags[0].Name);
    }

    [Fact]
    public async Task Scheduling_needs_a_future_publishedAt()
    {
        var section = await SectionAsync();
        var past = await (await api.Editor.PostJsonAsync("/api/v1/articles", new { section, headline = "Passé", status = "scheduled", publishedAt = DateTimeOffset.UtcNow.AddHours(-1) }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(past.GetProperty("errors").TryGetProperty("publishedAt", out _));
        await (await api.Editor.PostJsonAsync("/api/v1/articles", new { section, headline = "Sans date", status = "scheduled" })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Related_items_must_point_to_an_existing_other_article_or_a_web_link()
    {
        var section = await SectionAsync();
        var id = await api.Editor.CreateArticleAsync(new { section, headline = "Lié " + section });
        var self = await (await api.Editor.PutJsonAsync($"/api/v1/articles/{id}", new { section, headline = "Lié", related = new[] { new { articleId = id } } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(self.GetProperty("errors").TryGetProperty("related[0].articleId", out _));
        var missing = await (await api.Editor.PostJsonAsync("/api/v1/articles", new { section, headline = "Lié 2", related = new[] { new { articleId = 999_999 } } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("related[0].articleId", out _));
        var script = await (await api.Editor.PostJsonAsync("/api/v1/articles", new
        {
            section, headline = "Lié 3", related = new object[] { new { url = "javascript:alert(1)", title = "x" }, new { url = "/international/ok", title = "Interne" } },
        })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = script.GetProperty("errors");
        Assert.True(errors.TryGetProperty("related[0].url", out _));
        Assert.False(errors.TryGetProperty("related[1].url", out _));
    }

    [Fact]
    public async Task Unknown_lead_image_author_or_dossier_are_validation_problems_naming_each_field()
    {
        var section = await SectionAsync();
        var problem = await (await api.Editor.PostJsonAsync("/api/v1/articles", new
        {
            section, headline = "Inconnus", dossier = "pas-de-dossier", authors = new[] { "personne" }, leadImage = new { mediaId = 424242 },
        })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "dossier", "authors", "leadImage.mediaId" })
            Assert.True(errors.TryGetProperty(field, out _), field);
    }
}
