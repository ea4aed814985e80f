using System.Net;
using Kiosque.Api;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Api;

/// <summary>The API's key paths on each provider: what SQLite lets through, PostgreSQL may not (UTC kinds, constraints).</summary>
public sealed class ApiOnBothDatabasesTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Article_life_cycle_create_read_rename_delete(DatabaseKind kind)
    {
        await using var app = await KiosqueApp.CreateAsync(kind);
        using var editor = await app.CreateApiClientAsync(Roles.Editor);
        using var anonymous = app.CreateAnonymousClient();
        await editor.CreateSectionAsync("International", "international");
        await (await editor.PostJsonAsync("/api/v1/dossiers", new { name = "Guerre en Europe", slug = "guerre-en-europe" })).AssertStatusAsync(HttpStatusCode.Created);
        await (await editor.PostJsonAsync("/api/v1/authors", new { name = "Léa Garnier" })).AssertStatusAsync(HttpStatusCode.Created);
        var media = await editor.UploadImageAsync("Une délégation descend d'avion", "Arrivée de la délégation", "©Photographe / Agence");
        var first = await editor.CreateArticleAsync(new { section = "international", headline = "Premier article", status = "published" });

        var id = await editor.CreateArticleAsync(new
        {
            section = "international", dossier = "guerre-en-europe", headline = "Une visite sous haute surveillance", slug = "visite",
            standfirst = "Chapô.", bodyHtml = "<p>Corps.</p>", leadImage = new { mediaId = media.GetProperty("id").GetInt32() },
            authors = new[] { "lea-garnier" }, tags = new[] { "Diplomatie" },
            related = new object[] { new { url = "https://journal.example.org/analyse", title = "Analyse", source = "Le Journal" }, new { articleId = first } },
            status = "published", publishedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        });
        var article = await (await anonymous.GetPathAsync($"/api/v1/articles/{id}")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Guerre en Europe", article.GetProperty("effectiveKicker").GetString());
        Assert.Equal("©Photographe / Agence", article.GetProperty("leadImage").GetProperty("credit").GetString());
        Assert.Equal(["lea-garnier"], article.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(2, article.GetProperty("related").GetArrayLength());
        var list = await (await anonymous.GetPathAsync("/api/v1/articles?section=international&dossier=guerre-en-europe")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(1, list.GetProperty("total").GetInt32());

        await (await editor.PutJsonAsync($"/api/v1/articles/{id}", new
        {
            section = "international", dossier = "guerre-en-europe", headline = "Une visite sous haute surveillance", slug = "visite-surveillee",
            authors = new[] { "lea-garnier" }, tags = new[] { "Diplomatie", "Europe" }, status = "published",
        })).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("/international/visite", await app.WithDbAsync(db => db.ArticleRedirects.Where(r => r.ArticleId == id).Select(r => r.Path).SingleAsync(Ct)));

        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync(new Uri($"/api/v1/articles/{id}", UriKind.Relative), Ct)).StatusCode);
        var retired = await app.WithDbAsync(db => db.RetiredPaths.Select(r => r.Path).OrderBy(p => p).ToListAsync(Ct));
        Assert.Equal(["/international/visite", "/international/visite-surveillee"], retired);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Bad_input_answers_problems_and_writes_nothing(DatabaseKind kind)
    {
        await using var app = await KiosqueApp.CreateAsync(kind);
        using var editor = await app.CreateApiClientAsync(Roles.Editor);
        using var contributor = await app.CreateApiClientAsync(Roles.Contributor);
        using var anonymous = app.CreateAnonymousClient();
        await editor.CreateSectionAsync("Politique", "politique");
        await editor.CreateArticleAsync(new { section = "politique", headline = "Original", slug = "original" });

        await (await editor.PostJsonAsync("/api/v1/articles", new { section = "politique", headline = "Copie", slug = "original", tags = new[] { "Neuf" } }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        var unknown = await (await editor.PostJsonAsync("/api/v1/articles", new { section = "absente", headline = "Perdu", tags = new[] { "Neuf" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("section", out _));
        await (await anonymous.PostJsonAsync("/api/v1/articles", new { section = "politique", headline = "Anonyme" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await contributor.PostJsonAsync("/api/v1/articles", new { section = "politique", headline = "Publié", status = "published" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        // PostgreSQL refuses NUL characters in text; that is the client's input, not a server error.
        var nul = await editor.PostJsonAsync("/api/v1/articles", new { section = "politique", headline = "Nul\u0000caractère", slug = "nul", standfirst = "a\u0000b" });
        Assert.True(nul.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest, $"{(int)nul.StatusCode}: {await nul.Content.ReadAsStringAsync(Ct)}");
        if (kind == DatabaseKind.Postgres)
        {
            await nul.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(1, await app.WithDbAsync(db => db.Articles.CountAsync(Ct)));
        }
        else
        {
            await nul.AssertStatusAsync(HttpStatusCode.Created);
            await (await editor.DeleteAsync(new Uri($"/api/v1/articles/{(await nul.JsonAsync()).GetProperty("id").GetInt32()}", UriKind.Relative), Ct))
                .AssertStatusAsync(HttpStatusCode.NoContent);
        }
        var nulFilter = await editor.GetPathAsync("/api/v1/articles?section=a%00b");
        if (kind == DatabaseKind.Postgres) await nulFilter.AssertProblemAsync(HttpStatusCode.BadRequest);
        else Assert.Equal(0, (await nulFilter.AssertStatusAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());

        Assert.Equal(1, await app.WithDbAsync(db => db.Articles.CountAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Tags.CountAsync(Ct)));
    }
}
