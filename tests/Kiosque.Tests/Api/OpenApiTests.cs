using System.Net;

namespace Kiosque.Tests.Api;

public sealed class OpenApiTests(ApiApp api) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task OpenApi_document_describes_the_api_and_its_bearer_scheme()
    {
        var document = await (await api.Anonymous.GetPathAsync("/openapi/v1.json")).AssertStatusAsync(HttpStatusCode.OK);
        var paths = document.GetProperty("paths");
        var articles = paths.GetProperty("/api/v1/articles");
        Assert.True(articles.TryGetProperty("get", out _));
        Assert.True(articles.TryGetProperty("post", out _));
        foreach (var path in new[] { "/api/v1/articles/{id}", "/api/v1/media", "/api/v1/sections", "/api/v1/dossiers", "/api/v1/authors", "/api/v1/pages", "/api/v1/site", "/api/v1/site/navigation" })
            Assert.True(paths.TryGetProperty(path, out _), path);
        Assert.False(paths.TryGetProperty("/healthz", out _));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(articles.GetProperty("post").TryGetProperty("security", out var postSecurity));
        Assert.True(postSecurity[0].TryGetProperty("Bearer", out _));
        Assert.False(articles.GetProperty("get").TryGetProperty("security", out _));
        var statuses = document.GetProperty("components").GetProperty("schemas").GetProperty("ArticleStatus").GetProperty("enum");
        Assert.Equal(["draft", "in-review", "scheduled", "published", "unpublished"], statuses.EnumerateArray().Select(s => s.GetString()));
    }
}
