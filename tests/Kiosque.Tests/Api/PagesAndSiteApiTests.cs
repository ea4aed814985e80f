using System.Net;
using Microsoft.EntityFrameworkCore;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Api;

public sealed class PagesAndSiteApiTests(ApiApp api) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task Pages_are_created_sanitized_read_by_slug_and_updated_and_drafts_stay_private()
    {
        var created = await (await api.Editor.PostJsonAsync("/api/v1/pages", new
        {
            title = "Qui sommes-nous ?", bodyHtml = "<p>Une rédaction indépendante.<script>x()</script></p>", status = "published",
        })).AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal("qui-sommes-nous", created.GetProperty("slug").GetString());
        Assert.Equal("http://localhost/qui-sommes-nous", created.GetProperty("url").GetString());
        Assert.DoesNotContain("<script", created.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        await (await api.Contributor.PostJsonAsync("/api/v1/pages", new { title = "Mentions légales", slug = "mentions-legales" })).AssertStatusAsync(HttpStatusCode.Created);

        var anonymous = await (await api.Anonymous.GetPathAsync("/api/v1/pages")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(["qui-sommes-nous"], anonymous.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()));
        await (await api.Anonymous.GetPathAsync("/api/v1/pages/mentions-legales")).AssertProblemAsync(HttpStatusCode.NotFound);
        var withToken = await (await api.Contributor.GetPathAsync("/api/v1/pages")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(2, withToken.GetProperty("items").GetArrayLength());

        await (await api.Contributor.PutJsonAsync("/api/v1/pages/mentions-legales", new { title = "Mentions légales", bodyHtml = "<p>Éditeur : …</p>" })).AssertStatusAsync(HttpStatusCode.OK);
        await (await api.Contributor.PutJsonAsync("/api/v1/pages/qui-sommes-nous", new { title = "Vandalisme" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await api.Editor.PutJsonAsync("/api/v1/pages/mentions-legales", new { title = "Mentions légales", status = "published" })).AssertStatusAsync(HttpStatusCode.OK);
        var page = await (await api.Anonymous.GetPathAsync("/api/v1/pages/mentions-legales")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("published", page.GetProperty("status").GetString());
        Assert.Equal("Qui sommes-nous ?", await api.App.WithDbAsync(db => db.Pages.Where(p => p.Slug == "qui-sommes-nous").Select(p => p.Title).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Site_settings_are_read_by_anyone_and_replaced_by_admins()
    {
        var updated = await (await api.Admin.PutJsonAsync("/api/v1/site", new
        {
            name = "Le Petit Kiosque", tagline = "L'info sans détour", language = "fr-FR",
            commentsSuspended = true, commentsSuspendedMessage = "Les commentaires sont suspendus pour quelques jours.",
        })).AssertStatusAsync(HttpStatusCode.OK);
        Assert.True(updated.GetProperty("commentsSuspended").GetBoolean());
        var site = await (await api.Anonymous.GetPathAsync("/api/v1/site")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Le Petit Kiosque", site.GetProperty("name").GetString());
        Assert.Equal("L'info sans détour", site.GetProperty("tagline").GetString());
        Assert.Equal("fr-FR", site.GetProperty("language").GetString());
        Assert.Equal("Les commentaires sont suspendus pour quelques jours.", site.GetProperty("commentsSuspendedMessage").GetString());

        var invalid = await (await api.Admin.PutJsonAsync("/api/v1/site", new { name = "", language = "français !", commentsSuspended = true }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "language", "commentsSuspendedMessage" })
            Assert.True(invalid.GetProperty("errors").TryGetProperty(field, out _), field);
        Assert.Equal("Le Petit Kiosque", await api.App.WithDbAsync(db => db.SiteSettings.Select(s => s.Name).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Navigation_is_replaced_as_a_whole_and_keeps_its_order()
    {
        var items = new[]
        {
            new { label = "Qui sommes-nous ?", url = "/qui-sommes-nous" },
            new { label = "International", url = "/international" },
            new { label = "Partenaire", url = "https://partenaire.example.org/" },
        };
        await (await api.Admin.PutJsonAsync("/api/v1/site/navigation", items)).AssertStatusAsync(HttpStatusCode.OK);
        var nav = await (await api.Anonymous.GetPathAsync("/api/v1/site/navigation")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(items.Select(i => i.label), nav.EnumerateArray().Select(i => i.GetProperty("label").GetString()));
        Assert.Equal(items.Select(i => i.url), nav.EnumerateArray().Select(i => i.GetProperty("url").GetString()));

        await (await api.Admin.PutJsonAsync("/api/v1/site/navigation", new[] { items[1] })).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(["International"], await api.App.WithDbAsync(db => db.NavigationItems.Select(n => n.Label).ToListAsync(Ct)));

        var bad = await (await api.Admin.PutJsonAsync("/api/v1/site/navigation", new[] { new { label = "Piège", url = "javascript:alert(1)" }, new { label = "", url = "/ok" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("items[0].url", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("items[1].label", out _));
        Assert.Equal(["International"], await api.App.WithDbAsync(db => db.NavigationItems.Select(n => n.Label).ToListAsync(Ct)));
    }
}
