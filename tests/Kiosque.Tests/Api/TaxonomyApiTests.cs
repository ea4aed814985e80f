using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Api;

public sealed class TaxonomyApiTests(ApiApp api) : IClassFixture<ApiApp>
{
    static IEnumerable<string?> Slugs(JsonElement list) => list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString());

    [Fact]
    public async Task Sections_are_created_listed_in_order_read_by_slug_and_updated()
    {
        var created = await api.Editor.CreateSectionAsync("Économie", slug: null, kind: "standard");
        Assert.Equal("economie", created.GetProperty("slug").GetString());
        await (await api.Editor.PostJsonAsync("/api/v1/sections", new { name = "Podcasts", position = 0, kind = "podcast" })).AssertStatusAsync(HttpStatusCode.Created);

        var list = await (await api.Anonymous.GetPathAsync("/api/v1/sections")).AssertStatusAsync(HttpStatusCode.OK);
        var slugs = Slugs(list).ToList();
        Assert.True(slugs.IndexOf("podcasts") < slugs.IndexOf("economie"));

        var podcasts = await (await api.Anonymous.GetPathAsync("/api/v1/sections/podcasts")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("podcast", podcasts.GetProperty("kind").GetString());
        Assert.Equal("http://localhost/podcasts", podcasts.GetProperty("url").GetString());

        var updated = await (await api.Editor.PutJsonAsync("/api/v1/sections/economie", new { name = "Économie & finances", position = 7, kind = "standard" }))
            .AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Économie & finances", updated.GetProperty("name").GetString());
        Assert.Equal(7, updated.GetProperty("position").GetInt32());
        await (await api.Anonymous.GetPathAsync("/api/v1/sections/absente")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Renaming_a_section_redirects_its_published_articles_old_paths()
    {
        await api.Editor.CreateSectionAsync("Monde", "monde");
        var live = await api.Editor.CreateArticleAsync(new { section = "monde", headline = "Publié dans Monde", slug = "publie-monde", status = "published" });
        await api.Editor.CreateArticleAsync(new { section = "monde", headline = "Brouillon dans Monde", slug = "brouillon-monde" });
        await (await api.Editor.PutJsonAsync("/api/v1/sections/monde", new { name = "International", slug = "monde-international" })).AssertStatusAsync(HttpStatusCode.OK);

        var redirects = await api.App.WithDbAsync(db => db.ArticleRedirects.Where(r => r.Path.StartsWith("/monde/")).ToListAsync(Ct));
        var redirect = Assert.Single(redirects);
        Assert.Equal(("/monde/publie-monde", live), (redirect.Path, redirect.ArticleId));
        var article = await (await api.Anonymous.GetPathAsync($"/api/v1/articles/{live}")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("http://localhost/monde-international/publie-monde", article.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Section_and_page_slugs_share_the_public_url_space_and_refuse_reserved_words()
    {
        await api.Editor.CreateSectionAsync("Culture", "culture");
        await (await api.Editor.PostJsonAsync("/api/v1/pages", new { title = "Culture", slug = "culture" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await api.Editor.PostJsonAsync("/api/v1/pages", new { title = "Qui sommes-nous ?", slug = "qui-sommes-nous", status = "published" })).AssertStatusAsync(HttpStatusCode.Created);
        await (await api.Editor.PostJsonAsync("/api/v1/sections", new { name = "Qui", slug = "qui-sommes-nous" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await api.Editor.PostJsonAsync("/api/v1/sections", new { name = "Culture bis", slug = "culture" })).AssertProblemAsync(HttpStatusCode.Conflict);
        foreach (var reserved in new[] { "api", "newsroom", "recherche", "dossiers" })
        {
            await (await api.Editor.PostJsonAsync("/api/v1/sections", new { name = reserved, slug = reserved })).AssertProblemAsync(HttpStatusCode.Conflict);
            await (await api.Editor.PostJsonAsync("/api/v1/pages", new { title = reserved, slug = reserved })).AssertProblemAsync(HttpStatusCode.Conflict);
        }
        var invalid = await (await api.Editor.PostJsonAsync("/api/v1/sections", new { name = "Mauvais", slug = "Mauvais Slug!" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("slug", out _));
        Assert.Equal(0, await api.App.WithDbAsync(db => db.Sections.CountAsync(s => s.Slug == "qui-sommes-nous" || s.Slug == "api", Ct)));
        Assert.Equal(0, await api.App.WithDbAsync(db => db.Pages.CountAsync(p => p.Slug == "culture" || p.Slug == "api", Ct)));
    }

    [Fact]
    public async Task Dossiers_are_created_listed_read_and_updated_and_a_taken_slug_answers_409()
    {
        var created = await (await api.Editor.PostJsonAsync("/api/v1/dossiers", new { name = "Crise de l'énergie", description = "Tout sur la crise." }))
            .AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal("crise-de-l-energie", created.GetProperty("slug").GetString());
        Assert.Contains("crise-de-l-energie", Slugs(await (await api.Anonymous.GetPathAsync("/api/v1/dossiers")).AssertStatusAsync(HttpStatusCode.OK)));
        await (await api.Editor.PostJsonAsync("/api/v1/dossiers", new { name = "Autre", slug = "crise-de-l-energie" })).AssertProblemAsync(HttpStatusCode.Conflict);
        var updated = await (await api.Editor.PutJsonAsync("/api/v1/dossiers/crise-de-l-energie", new { name = "Crise énergétique", slug = "crise-energetique" }))
            .AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("http://localhost/dossiers/crise-energetique", updated.GetProperty("url").GetString());
        var read = await (await api.Anonymous.GetPathAsync("/api/v1/dossiers/crise-energetique")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Crise énergétique", read.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Authors_carry_a_sanitized_bio_and_an_existing_photo()
    {
        var photo = await api.Editor.UploadImageAsync("Portrait d'Inès");
        var photoId = photo.GetProperty("id").GetInt32();
        var created = await (await api.Editor.PostJsonAsync("/api/v1/authors", new
        {
            name = "Inès Lefèvre", bio = "<p>Journaliste <script>x()</script><b onclick=\"y()\">politique</b>.</p>", photoMediaId = photoId,
        })).AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal("ines-lefevre", created.GetProperty("slug").GetString());
        Assert.Equal(photoId, created.GetProperty("photoMediaId").GetInt32());
        Assert.Equal(photo.GetProperty("url").GetString(), created.GetProperty("photoUrl").GetString());
        var bio = created.GetProperty("bio").GetString()!;
        Assert.DoesNotContain("<script", bio, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", bio, StringComparison.Ordinal);

        var unknownPhoto = await (await api.Editor.PutJsonAsync("/api/v1/authors/ines-lefevre", new { name = "Inès", photoMediaId = 987_654 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(unknownPhoto.GetProperty("errors").TryGetProperty("photoMediaId", out _));
        Assert.Equal("Inès Lefèvre", await api.App.WithDbAsync(db => db.Authors.Where(a => a.Slug == "ines-lefevre").Select(a => a.Name).SingleAsync(Ct)));

        await (await api.Editor.PutJsonAsync("/api/v1/authors/ines-lefevre", new { name = "Inès Lefèvre-Dubois" })).AssertStatusAsync(HttpStatusCode.OK);
        var read = await (await api.Anonymous.GetPathAsync("/api/v1/authors/ines-lefevre")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Inès Lefèvre-Dubois", read.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("photoMediaId").ValueKind);
        Assert.Contains("ines-lefevre", Slugs(await (await api.Anonymous.GetPathAsync("/api/v1/authors")).AssertStatusAsync(HttpStatusCode.OK)));
        await (await api.Editor.PostJsonAsync("/api/v1/authors", new { name = "Homonyme", slug = "ines-lefevre" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }
}
