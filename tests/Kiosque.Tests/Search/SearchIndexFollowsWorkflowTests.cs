using System.Net;
using Kiosque.Api;
using Kiosque.Tests.Infrastructure;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Search;

/// <summary>The index follows the workflow's events: publish, edit, unpublish, republish and delete.</summary>
public sealed class SearchIndexFollowsWorkflowTests
{
    static async Task<List<int>> IdsAsync(HttpClient client, string q)
    {
        using var response = await client.GetPathAsync("/api/v1/search?q=" + Uri.EscapeDataString(q));
        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        return body.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetInt32()).ToList();
    }

    [Theory, InlineData(DatabaseKind.Sqlite), InlineData(DatabaseKind.Postgres)]
    public async Task The_index_follows_publish_edit_unpublish_and_delete(DatabaseKind kind)
    {
        await using var app = await KiosqueApp.CreateAsync(kind);
        var admin = await app.CreateApiClientAsync(Roles.Admin);
        var reader = app.CreateAnonymousClient();
        await admin.CreateSectionAsync("Sciences", "sciences");

        var id = await admin.CreateArticleAsync(new
        {
            section = "sciences", headline = "Les glaciers alpins reculent", bodyHtml = "<p>Mesures au printemps.</p>",
        });
        Assert.Empty(await IdsAsync(reader, "glacier"));

        (await admin.PostJsonAsync($"/api/v1/articles/{id}/publish", new { })).EnsureSuccessStatusCode();
        Assert.Equal([id], await IdsAsync(reader, "glacier"));

        var article = await (await admin.GetPathAsync($"/api/v1/articles/{id}")).JsonAsync();
        (await admin.PutJsonAsync($"/api/v1/articles/{id}", new
        {
            section = "sciences", headline = "Les banquises fondent", bodyHtml = "<p>Relevés d’été.</p>",
            version = article.GetProperty("version").GetInt32(),
        })).EnsureSuccessStatusCode();
        Assert.Empty(await IdsAsync(reader, "glacier"));
        Assert.Equal([id], await IdsAsync(reader, "banquise"));

        (await admin.PostJsonAsync($"/api/v1/articles/{id}/unpublish", new { })).EnsureSuccessStatusCode();
        Assert.Empty(await IdsAsync(reader, "banquise"));

        (await admin.PostJsonAsync($"/api/v1/articles/{id}/publish", new { })).EnsureSuccessStatusCode();
        Assert.Equal([id], await IdsAsync(reader, "banquise"));

        (await admin.DeleteAsync(new Uri($"/api/v1/articles/{id}", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
        Assert.Empty(await IdsAsync(reader, "banquise"));
    }
}
