using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Api;

/// <summary>Issue 2 point 9: bad input answers a clear 4xx problem and leaves nothing half-written.</summary>
public sealed class BadInputTests(ApiApp api) : IClassFixture<ApiApp>
{
    const string Section = "international";

    async Task EnsureSectionAsync()
    {
        if ((await api.Anonymous.GetPathAsync($"/api/v1/sections/{Section}")).StatusCode == HttpStatusCode.NotFound)
            await api.Admin.CreateSectionAsync("International", Section);
    }

    Task<(int Articles, int Tags, int Related, int Media)> CountsAsync() => api.App.WithDbAsync(async db =>
        (await db.Articles.CountAsync(Ct), await db.Tags.CountAsync(Ct), await db.RelatedItems.CountAsync(Ct), await db.Media.CountAsync(Ct)));

    async Task<HttpResponseMessage> PostRawAsync(string url, string body, string contentType)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await api.Editor.PostAsync(new Uri(url, UriKind.Relative), content, Ct);
    }

    [Fact]
    public async Task Invalid_JSON_answers_400_problem_and_writes_nothing()
    {
        await EnsureSectionAsync();
        var before = await CountsAsync();
        var problem = await (await PostRawAsync("/api/v1/articles", "{\"section\": \"international\", \"headline\": ", "application/json"))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await PostRawAsync("/api/v1/articles", "{\"section\": \"international\", \"headline\": \"x\", \"status\": \"live\"}", "application/json"))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await PostRawAsync("/api/v1/articles", "[1, 2]", "application/json")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await PostRawAsync("/api/v1/articles", "", "application/json")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Wrong_content_type_answers_415_problem()
    {
        await (await PostRawAsync("/api/v1/articles", "section=international", "application/x-www-form-urlencoded")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await PostRawAsync("/api/v1/media", "{}", "application/json")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Unknown_section_answers_400_validation_problem_naming_the_field()
    {
        var before = await CountsAsync();
        var problem = await (await api.Editor.PostJsonAsync("/api/v1/articles", new { section = "nulle-part", headline = "Perdu", tags = new[] { "Tag orphelin" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("nulle-part", errors.GetProperty("section")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Missing_and_oversized_fields_are_named_in_camel_case()
    {
        var problem = await (await api.Editor.PostJsonAsync("/api/v1/articles", new { headline = new string('a', 301), slug = "Pas Un Slug" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "section", "headline", "slug" }) Assert.True(errors.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Scripts_event_handlers_and_javascript_urls_are_stored_sanitized()
    {
        await EnsureSectionAsync();
        var body = "<p onclick=\"steal()\">Texte <a href=\"javascript:alert(1)\">lien</a> <img src=x onerror=\"alert(2)\"></p>"
            + "<script>alert(3)</script><p><a href=\"https://example.org/\" onmouseover=\"x()\">ok</a></p>";
        var id = await api.Editor.CreateArticleAsync(new { section = Section, headline = "Assaini " + Guid.NewGuid().ToString("N")[..6], bodyHtml = body });
        var stored = await api.App.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyHtml).SingleAsync(Ct));
        Assert.DoesNotContain("<script", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onmouseover", stored, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://example.org/\"", stored, StringComparison.Ordinal);
        Assert.Contains("Texte", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_slug_answers_409_problem_and_writes_nothing()
    {
        await EnsureSectionAsync();
        var slug = "doublon-" + Guid.NewGuid().ToString("N")[..6];
        await api.Editor.CreateArticleAsync(new { section = Section, headline = "Original", slug });
        var before = await CountsAsync();
        var problem = await (await api.Editor.PostJsonAsync("/api/v1/articles", new
        {
            section = Section, headline = "Copie", slug, tags = new[] { "Nouveau tag " + slug },
            related = new[] { new { url = "https://example.org/", title = "Ailleurs", source = "Exemple" } },
        })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(slug, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());

        var other = await api.Editor.CreateArticleAsync(new { section = Section, headline = "Autre " + slug });
        await (await api.Editor.PutJsonAsync($"/api/v1/articles/{other}", new { section = Section, headline = "Autre", slug })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Autre " + slug, await api.App.WithDbAsync(db => db.Articles.Where(a => a.Id == other).Select(a => a.Headline).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Non_image_upload_is_refused_by_content_whatever_its_name()
    {
        var before = await CountsAsync();
        using var form = Upload(Encoding.UTF8.GetBytes("Ceci n'est pas une image, malgré son nom."), "photo.jpg", "Une fausse photo");
        var problem = await (await api.Editor.PostAsync(new Uri("/api/v1/media", UriKind.Relative), form, Ct)).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("not", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        var mediaFolder = Path.Combine(api.App.DataPath, "media");
        Assert.Empty(Directory.Exists(mediaFolder) ? Directory.EnumerateFiles(mediaFolder, "*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public async Task Upload_without_alt_or_file_is_a_validation_problem()
    {
        using var noAlt = Upload(Jpeg(), "photo.jpg", alt: null);
        var problem = await (await api.Editor.PostAsync(new Uri("/api/v1/media", UriKind.Relative), noAlt, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("alt", out _));
        using var noFile = new MultipartFormDataContent { { new StringContent("Texte alternatif"), "alt" } };
        problem = await (await api.Editor.PostAsync(new Uri("/api/v1/media", UriKind.Relative), noFile, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Theory]
    [InlineData(120_000)]   // over the limit, within the form's room for the other fields
    [InlineData(400_000)]   // over the form reader's own limit as well
    public async Task Oversized_upload_answers_413_problem_and_stores_nothing(int size)
    {
        await using var app = await KiosqueApp.CreateAsync(extra: new Dictionary<string, string?> { ["Kiosque:MaxUploadBytes"] = "100000" });
        using var client = await app.CreateApiClientAsync();
        var image = Jpeg();
        var padded = new byte[size];
        image.CopyTo(padded, 0);
        using var form = Upload(padded, "grande.jpg", "Trop grande");
        await (await client.PostAsync(new Uri("/api/v1/media", UriKind.Relative), form, Ct)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await app.WithDbAsync(db => db.Media.CountAsync(Ct)));

        // Under the limit the same padded JPEG is accepted: the refusal above was about size.
        var fits = new byte[90_000];
        image.CopyTo(fits, 0);
        using var small = Upload(fits, "juste.jpg", "Juste assez petite");
        await (await client.PostAsync(new Uri("/api/v1/media", UriKind.Relative), small, Ct)).AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Unknown_api_route_answers_404_problem_and_wrong_method_405_problem()
    {
        await (await api.Anonymous.GetPathAsync("/api/v1/nothing-here")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await api.Anonymous.GetPathAsync("/api/unknown")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await api.Anonymous.GetPathAsync("/api/v1/articles/not-a-number")).AssertProblemAsync(HttpStatusCode.NotFound);
        using var patch = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/articles/1");
        var response = await api.Editor.SendAsync(patch, Ct);
        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["DELETE", "GET", "PUT"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Query_values_of_the_wrong_type_answer_400_problem()
    {
        await (await api.Anonymous.GetPathAsync("/api/v1/articles?page=deux")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await api.Anonymous.GetPathAsync("/api/v1/articles?pageSize=1000")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await api.Anonymous.GetPathAsync($"/api/v1/articles?page={int.MaxValue}")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Null_list_entries_are_validation_problems()
    {
        await EnsureSectionAsync();
        var problem = await (await PostRawAsync("/api/v1/articles",
            "{\"section\": \"international\", \"headline\": \"Listes\", \"related\": [null], \"tags\": [null], \"authors\": [null]}", "application/json"))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("related[0]", out _));
        Assert.True(errors.TryGetProperty("tags[0]", out _));
        Assert.True(errors.TryGetProperty("authors", out _));
    }
}
