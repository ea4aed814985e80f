using System.Net;
using System.Net.Http.Headers;
using Kiosque.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Api;

public sealed class AuthorizationTests(ApiApp api) : IClassFixture<ApiApp>
{
    const string Section = "politique";

    async Task EnsureSectionAsync()
    {
        var existing = await api.Anonymous.GetPathAsync($"/api/v1/sections/{Section}");
        if (existing.StatusCode == HttpStatusCode.NotFound) await api.Admin.CreateSectionAsync("Politique", Section);
    }

    [Fact]
    public async Task Writes_without_a_token_answer_401_problem_with_a_bearer_challenge()
    {
        await EnsureSectionAsync();
        var before = await api.App.WithDbAsync(db => db.Articles.CountAsync(Ct));
        var response = await api.Anonymous.PostJsonAsync("/api/v1/articles", new { section = Section, headline = "Anonyme" });
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(before, await api.App.WithDbAsync(db => db.Articles.CountAsync(Ct)));

        await (await api.Anonymous.PutJsonAsync("/api/v1/site", new { name = "Pirate" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await api.Anonymous.DeleteAsync(new Uri("/api/v1/articles/1", UriKind.Relative), Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var form = Upload(Jpeg(), "photo.jpg", "alt");
        await (await api.Anonymous.PostAsync(new Uri("/api/v1/media", UriKind.Relative), form, Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_and_revoked_tokens_answer_401_problem()
    {
        using var forged = api.App.CreateAnonymousClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "kq_not-a-real-token");
        var response = await forged.PostJsonAsync("/api/v1/sections", new { name = "Forgée" });
        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var token = await api.App.CreateTokenAsync(Roles.Admin);
        using var client = api.App.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await (await client.PutJsonAsync("/api/v1/site/navigation", Array.Empty<object>())).AssertStatusAsync(HttpStatusCode.OK);
        var hash = ApiTokens.Hash(token);
        await api.App.WithDbAsync(db => db.ApiTokens.Where(t => t.Hash == hash).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTime.UtcNow), Ct));
        await (await client.PutJsonAsync("/api/v1/site/navigation", Array.Empty<object>())).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_used_token_records_when_it_was_last_used()
    {
        var token = await api.App.CreateTokenAsync(Roles.Contributor);
        var hash = ApiTokens.Hash(token);
        Assert.Null(await api.App.WithDbAsync(db => db.ApiTokens.Where(t => t.Hash == hash).Select(t => t.LastUsedAt).SingleAsync(Ct)));
        using var client = api.App.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await (await client.GetPathAsync("/api/v1/articles?status=draft")).AssertStatusAsync(HttpStatusCode.OK);
        var first = await api.App.WithDbAsync(db => db.ApiTokens.Where(t => t.Hash == hash).Select(t => t.LastUsedAt).SingleAsync(Ct));
        Assert.NotNull(first);
        // Within the minute the stamp is not rewritten.
        await (await client.GetPathAsync("/api/v1/articles?status=draft")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(first, await api.App.WithDbAsync(db => db.ApiTokens.Where(t => t.Hash == hash).Select(t => t.LastUsedAt).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Contributors_write_drafts_but_cannot_publish_delete_or_touch_published_work()
    {
        await EnsureSectionAsync();
        var draft = await api.Contributor.CreateArticleAsync(new { section = Section, headline = "Brouillon de contributeur " + Guid.NewGuid().ToString("N")[..6] });
        await (await api.Contributor.PutJsonAsync($"/api/v1/articles/{draft}", new { section = Section, headline = "Brouillon relu", slug = $"relu-{draft}" }))
            .AssertStatusAsync(HttpStatusCode.OK);

        var before = await api.App.WithDbAsync(db => db.Articles.CountAsync(Ct));
        await (await api.Contributor.PostJsonAsync("/api/v1/articles", new { section = Section, headline = "Publié", status = "published" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await api.Contributor.PostJsonAsync("/api/v1/articles", new { section = Section, headline = "Programmé", status = "scheduled", publishedAt = DateTimeOffset.UtcNow.AddDays(1) }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await api.App.WithDbAsync(db => db.Articles.CountAsync(Ct)));
        await (await api.Contributor.PutJsonAsync($"/api/v1/articles/{draft}", new { section = Section, headline = "Je publie", status = "published" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await api.Contributor.DeleteAsync(new Uri($"/api/v1/articles/{draft}", UriKind.Relative), Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);

        var published = await api.Editor.CreateArticleAsync(new { section = Section, headline = "Publié par l'édition " + draft, status = "published" });
        await (await api.Contributor.PutJsonAsync($"/api/v1/articles/{published}", new { section = Section, headline = "Retouché" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var stored = await api.App.WithDbAsync(db => db.Articles.SingleAsync(a => a.Id == published, Ct));
        Assert.Equal("Publié par l'édition " + draft, stored.Headline);
        Assert.Equal(Kiosque.Content.ArticleStatus.Published, stored.Status);

        await (await api.Contributor.PostJsonAsync("/api/v1/pages", new { title = "Page publiée", status = "published" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await api.Contributor.PostJsonAsync("/api/v1/pages", new { title = "Page en brouillon " + draft })).AssertStatusAsync(HttpStatusCode.Created);
        using var form = Upload(Jpeg(), "photo.jpg", "Photo de contributeur");
        await (await api.Contributor.PostAsync(new Uri("/api/v1/media", UriKind.Relative), form, Ct)).AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Only_editors_and_admins_shape_sections_dossiers_and_authors()
    {
        await (await api.Contributor.PostJsonAsync("/api/v1/sections", new { name = "Contrib" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await api.Contributor.PostJsonAsync("/api/v1/dossiers", new { name = "Contrib" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await api.Contributor.PostJsonAsync("/api/v1/authors", new { name = "Contrib" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await api.Editor.CreateSectionAsync("Rubrique d'éditeur", "rubrique-editeur");
        Assert.False(await api.App.WithDbAsync(db => db.Sections.AnyAsync(s => s.Name == "Contrib", Ct)));
    }

    [Fact]
    public async Task Only_admins_change_site_settings_and_navigation()
    {
        foreach (var client in new[] { api.Contributor, api.Editor })
        {
            await (await client.PutJsonAsync("/api/v1/site", new { name = "Pas moi" })).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PutJsonAsync("/api/v1/site/navigation", Array.Empty<object>())).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        Assert.NotEqual("Pas moi", await api.App.WithDbAsync(db => db.SiteSettings.Select(s => s.Name).SingleAsync(Ct)));
        await (await api.Admin.PutJsonAsync("/api/v1/site", new { name = "Le Kiosque", language = "fr" })).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Editors_publish_and_delete()
    {
        await EnsureSectionAsync();
        var id = await api.Editor.CreateArticleAsync(new { section = Section, headline = "Édition " + Guid.NewGuid().ToString("N")[..6], status = "published" });
        Assert.Equal(HttpStatusCode.NoContent, (await api.Editor.DeleteAsync(new Uri($"/api/v1/articles/{id}", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public void Every_api_write_endpoint_requires_authorization()
    {
        var endpoints = api.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .ToList();
        Assert.NotEmpty(endpoints);
        var writes = endpoints.Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Any(m => m != "GET") == true).ToList();
        Assert.True(writes.Count >= 14, $"only {writes.Count} write endpoints found");
        Assert.All(writes, e => Assert.NotEmpty(e.Metadata.GetOrderedMetadata<IAuthorizeData>()));
    }
}
