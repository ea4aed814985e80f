using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kiosque.Content;
using Kiosque.Tests.Accounts;
using Kiosque.Tests.Api;
using Kiosque.Wires;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Tests.Wires;

public sealed class NinjsIngestTests(ApiApp api) : IClassFixture<ApiApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in new[] { "2.x", "3.x" })
            foreach (var name in Ninjs.Examples(version)) data.Add(version, name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_fixture_example_lands_as_a_draft_in_the_wire_section_with_the_agency_credit(string version, string name)
    {
        var item = Ninjs.Load(version, name);
        // The 3.x fixtures are the 2.x items renamed, and the two rights examples share one uri: each file gets a uri
        // of its own, or it would count as the same item again (which the update test covers).
        item["uri"] = item["uri"]!.GetValue<string>() + "#" + version + "/" + name;
        var uri = item["uri"]!.GetValue<string>();
        var headlines = item["headlines"]!.AsArray().Select(h => h!.AsObject()).ToList();
        var headline = (headlines.FirstOrDefault(h => (string?)h["role"] == "main") ?? headlines[0])["value"]!.GetValue<string>();

        var response = await api.Editor.PostAsync(item);
        var body = await response.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal("created", body.GetProperty("outcome").GetString());
        var id = body.GetProperty("articleId").GetInt32();

        var (article, wire) = await api.App.WithDbAsync(async db => (
            await db.Articles.AsNoTracking().Include(a => a.Section).Include(a => a.LeadImage).SingleAsync(a => a.Id == id, Ct),
            await db.WireItems.AsNoTracking().SingleAsync(w => w.ArticleId == id, Ct)));
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Equal("depeches", article.Section.Slug);
        Assert.Equal(headline.Trim(), article.Headline);
        Assert.Equal(uri, wire.Uri);
        var holder = (string?)(item["copyrightholder"] ?? item["copyrightHolder"]);
        Assert.Equal(holder ?? "Agence", wire.Credit);
        Assert.Equal((string?)item["version"], wire.Version);
        Assert.NotNull(wire.VersionCreated);

        // Pictures: the item itself (picture type) or its first associated picture, pointing at an agency rendition.
        var pictureRenditions = new List<string>();
        if ((string?)item["type"] is "picture" && item["renditions"] is JsonArray own)
            pictureRenditions.AddRange(own.Select(r => (string?)r!["href"]).OfType<string>());
        else if (item["associations"] is JsonArray associations
                 && associations.FirstOrDefault(a => (string?)a!["type"] is "picture" or "graphic") is { } picture)
            pictureRenditions.AddRange(picture["renditions"]!.AsArray().Select(r => (string?)r!["href"]).OfType<string>());
        if (pictureRenditions.Count == 0) Assert.Null(article.LeadImage);
        else
        {
            Assert.NotNull(article.LeadImage);
            Assert.Contains(article.LeadImage.SourceUrl, pictureRenditions);
            Assert.Equal("", article.LeadImage.StoragePath);
            Assert.False(string.IsNullOrEmpty(article.LeadImageCredit));
        }
    }

    [Fact]
    public async Task A_text_with_a_picture_keeps_its_body_standfirst_subjects_and_the_pictures_metadata()
    {
        var item = Ninjs.Load("2.x", "tt_text_image_2.json");
        item["uri"] = "http://tt.se/media/text/detail-test";
        var id = (await (await api.Editor.PostAsync(item)).AssertStatusAsync(HttpStatusCode.Created)).GetProperty("articleId").GetInt32();

        var article = await api.App.WithDbAsync(db => db.Articles.AsNoTracking().Include(a => a.LeadImage).Include(a => a.Tags)
            .SingleAsync(a => a.Id == id, Ct));
        Assert.StartsWith("Pandemin satte stopp", article.Standfirst, StringComparison.Ordinal);
        Assert.Contains("<blockquote>", article.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1", article.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<title", article.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Militärövning i jätteformat", article.BodyHtml, StringComparison.Ordinal);
        Assert.Contains(article.Tags, t => t.Name == "Krig, konflikter och oroligheter");

        var image = article.LeadImage!;
        // The largest rendition is the source; nothing was fetched.
        Assert.Equal("https://beta.tt.se/media/text/210526-militarovning-a0f2d045/a001_NormalHires.jpg", image.SourceUrl);
        Assert.Equal((4724, 3149), (image.Width, image.Height));
        Assert.Equal("Karl Melander/TT", article.LeadImageCredit);
        Assert.StartsWith("En stor internationell försvarsövning", article.LeadImageCaption, StringComparison.Ordinal);
        Assert.StartsWith("En stor internationell försvarsövning", article.LeadImageAlt, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(api.App.DataPath, "media")) && Directory.EnumerateFiles(Path.Combine(api.App.DataPath, "media"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task The_byline_becomes_authors_and_a_plain_text_body_paragraphs()
    {
        var item = Ninjs.Load("3.x", "ninjsExSimpleText_2.json");
        item["uri"] = "http://ninjs.example.com/newsitems/byline-test";
        item["bodies"] = new JsonArray(new JsonObject { ["role"] = "text", ["contentType"] = "text/plain", ["value"] = "Premier paragraphe.\nSecond <b>paragraphe</b>." });
        var id = (await (await api.Editor.PostAsync(item)).AssertStatusAsync(HttpStatusCode.Created)).GetProperty("articleId").GetInt32();
        var article = await api.App.WithDbAsync(db => db.Articles.AsNoTracking().Include(a => a.Authors).ThenInclude(x => x.Author).SingleAsync(a => a.Id == id, Ct));
        Assert.Equal(["Paulo Santalucia", "Frances d'Emilio"], article.Authors.OrderBy(x => x.Position).Select(x => x.Author.Name));
        Assert.Equal("<p>Premier paragraphe.</p><p>Second &lt;b&gt;paragraphe&lt;/b&gt;.</p>", article.BodyHtml);
    }

    [Fact]
    public async Task A_newer_version_updates_the_draft_an_older_or_same_one_is_ignored_and_a_published_article_is_only_flagged()
    {
        const string uri = "urn:newsml:afp.com:20261124:seisme";
        var first = await (await api.Editor.PostAsync(Ninjs.Text(uri))).AssertStatusAsync(HttpStatusCode.Created);
        var id = first.GetProperty("articleId").GetInt32();
        var stored = await api.App.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id, Ct));
        Assert.DoesNotContain("script", stored.BodyHtml, StringComparison.OrdinalIgnoreCase);

        var second = await (await api.Editor.PostAsync(Ninjs.Text(uri, "2", "2026-11-24T09:00:00Z", "Séisme au Japon : le bilan s’alourdit")))
            .AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("updated", second.GetProperty("outcome").GetString());
        Assert.Equal(id, second.GetProperty("articleId").GetInt32());
        var (updated, revisions) = await api.App.WithDbAsync(async db => (
            await db.Articles.AsNoTracking().SingleAsync(a => a.Id == id, Ct),
            await db.ArticleRevisions.CountAsync(r => r.ArticleId == id, Ct)));
        Assert.Equal("Séisme au Japon : le bilan s’alourdit", updated.Headline);
        Assert.Equal(stored.Slug, updated.Slug);
        Assert.Equal(2, revisions);

        foreach (var stale in new[] { Ninjs.Text(uri, "2", "2026-11-24T09:00:00Z", "Même version"), Ninjs.Text(uri, "1", "2026-11-24T08:00:00Z", "Ancienne") })
        {
            var ignored = await (await api.Editor.PostAsync(stale)).AssertStatusAsync(HttpStatusCode.OK);
            Assert.Equal("ignored", ignored.GetProperty("outcome").GetString());
        }
        Assert.Equal("Séisme au Japon : le bilan s’alourdit", (await api.App.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id, Ct))).Headline);

        await (await api.Editor.PostJsonAsync($"/api/v1/articles/{id}/publish", new { })).AssertStatusAsync(HttpStatusCode.OK);
        var recorded = await (await api.Editor.PostAsync(Ninjs.Text(uri, "3", "2026-11-24T10:00:00Z", "Réécrit par l’agence")))
            .AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("recorded", recorded.GetProperty("outcome").GetString());
        var (published, wire) = await api.App.WithDbAsync(async db => (
            await db.Articles.AsNoTracking().SingleAsync(a => a.Id == id, Ct),
            await db.WireItems.AsNoTracking().SingleAsync(w => w.Uri == uri, Ct)));
        Assert.Equal("Séisme au Japon : le bilan s’alourdit", published.Headline);
        Assert.Equal(ArticleStatus.Published, published.Status);
        Assert.Equal(WireFlag.NewerVersionNotApplied, wire.Flag);
        Assert.Equal("3", wire.Version);
    }

    [Fact]
    public async Task A_published_wire_article_credits_its_agency_in_the_readers_byline_and_the_editor_shows_its_rights()
    {
        var item = Ninjs.Text("urn:newsml:afp.com:20261124:credit", headline: "Un séisme secoue le nord du Japon");
        item["copyrightnotice"] = "© AFP 2026";
        item["usageterms"] = "Réservé aux abonnés du service texte.";
        var id = (await (await api.Editor.PostAsync(item)).AssertStatusAsync(HttpStatusCode.Created)).GetProperty("articleId").GetInt32();
        await (await api.Editor.PostJsonAsync($"/api/v1/articles/{id}/publish", new { })).AssertStatusAsync(HttpStatusCode.OK);
        var path = await api.App.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => "/" + a.Section.Slug + "/" + a.Slug).SingleAsync(Ct));

        using var reader = api.App.CreateAnonymousClient();
        using var response = await reader.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await NewsroomSession.ParseAsync(response);
        Assert.Equal("Claire Dépêche", page.QuerySelector(".byline .authors a[rel=author]")!.TextContent);
        Assert.Equal("(AFP)", page.QuerySelector(".byline .authors .agency")!.TextContent);

        var session = await NewsroomSession.SignedInAsync(api.App, "wire-rights@example.org", Kiosque.Api.Roles.Editor);
        var (_, editor) = await session.GetAsync($"/newsroom/articles/{id}");
        var rights = editor.QuerySelector(".ar-wire-rights")!.TextContent;
        Assert.Contains("© AFP 2026", rights, StringComparison.Ordinal);
        Assert.Contains("Réservé aux abonnés du service texte.", rights, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_canceled_or_withheld_item_is_flagged_in_the_newsroom_list_and_editor()
    {
        var canceled = (await (await api.Editor.PostAsync(Ninjs.Text("urn:test:canceled", pubstatus: "canceled", headline: "Dépêche annulée")))
            .AssertStatusAsync(HttpStatusCode.Created)).GetProperty("articleId").GetInt32();
        var withheld = (await (await api.Editor.PostAsync(Ninjs.Text("urn:test:withheld", pubstatus: "withheld", headline: "Dépêche retenue")))
            .AssertStatusAsync(HttpStatusCode.Created)).GetProperty("articleId").GetInt32();
        var usable = (await (await api.Editor.PostAsync(Ninjs.Text("urn:test:usable", headline: "Dépêche utilisable")))
            .AssertStatusAsync(HttpStatusCode.Created)).GetProperty("articleId").GetInt32();

        // A later "canceled" version of a usable item flags it too.
        await (await api.Editor.PostAsync(Ninjs.Text("urn:test:usable", "2", "2026-11-24T12:00:00Z", "Dépêche utilisable", "canceled")))
            .AssertStatusAsync(HttpStatusCode.OK);

        var session = await NewsroomSession.SignedInAsync(api.App, "wire-editor@example.org", Kiosque.Api.Roles.Editor);
        var (status, list) = await session.GetAsync("/newsroom/articles");
        Assert.Equal(HttpStatusCode.OK, status);
        string? Flag(int id) => list.QuerySelector($"tr[data-article-id='{id}'] [data-wire-flag]")?.GetAttribute("data-wire-flag");
        Assert.Equal("Canceled", Flag(canceled));
        Assert.Equal("Withheld", Flag(withheld));
        Assert.Equal("Canceled", Flag(usable));
        Assert.Contains("Annulée par l’agence", list.QuerySelector($"tr[data-article-id='{canceled}']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Dépêche AFP", list.QuerySelector($"tr[data-article-id='{canceled}']")!.TextContent, StringComparison.Ordinal);

        var (_, editor) = await session.GetAsync($"/newsroom/articles/{canceled}");
        Assert.Equal("Canceled", editor.QuerySelector("[data-wire-flag]")?.GetAttribute("data-wire-flag"));
        Assert.Contains("ne pas la publier", editor.QuerySelector(".ar-wire-note")!.TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadItems() => new()
    {
        { "no uri", """{"headlines":[{"value":"Sans identifiant"}]}""", "uri" },
        { "relative uri", """{"uri":"seisme","headlines":[{"value":"x"}]}""", "uri" },
        { "no headline", """{"uri":"urn:test:bad:1","bodies":[]}""", "headlines" },
        { "unknown pubstatus", """{"uri":"urn:test:bad:2","pubstatus":"deleted","headlines":[{"value":"x"}]}""", "pubstatus" },
        { "bad date", """{"uri":"urn:test:bad:3","versioncreated":"hier","headlines":[{"value":"x"}]}""", "versioncreated" },
        { "headlines not an array", """{"uri":"urn:test:bad:4","headlines":"x"}""", "headlines" },
        { "not JSON", """{"uri": "urn:test:bad:5", """, "$" },
        { "an array", """[{"uri":"urn:test:bad:6"}]""", "$" },
        { "nested too deep", new StringBuilder().Append("{\"uri\":\"urn:test:bad:7\",\"x\":").Append('[', 200).Append(']', 200).Append('}').ToString(), "$" },
    };

    [Theory]
    [MemberData(nameof(BadItems))]
    public async Task Bad_items_answer_a_problem_naming_the_field_and_write_nothing(string why, string json, string field)
    {
        var before = await CountsAsync();
        var response = await api.Editor.PostAsync(new Uri("/api/v1/ingest/ninjs", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{why}: expected an error on {field}, got {problem}");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Oversized_bodies_wrong_types_and_weak_tokens_are_refused()
    {
        var before = await CountsAsync();
        var huge = Ninjs.Text("urn:test:huge");
        huge["bodies"] = new JsonArray(new JsonObject { ["contenttype"] = "text/plain", ["value"] = new string('a', 3 * 1024 * 1024) });
        await (await api.Editor.PostAsync(huge)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await api.Editor.PostAsync(new Uri("/api/v1/ingest/ninjs", UriKind.Relative), new StringContent("uri=x", Encoding.UTF8, "text/plain"), Ct))
            .AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await api.Contributor.PostAsync(Ninjs.Text("urn:test:contributor"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await api.Anonymous.PostAsync(Ninjs.Text("urn:test:anonymous"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(before, await CountsAsync());

        // The ninjs media type is accepted as well as plain JSON.
        var ninjsTyped = await api.Editor.PostAsync(new Uri("/api/v1/ingest/ninjs", UriKind.Relative), Ninjs.Body(Ninjs.Text("urn:test:typed"), "application/ninjs+json"), Ct);
        await ninjsTyped.AssertStatusAsync(HttpStatusCode.Created);
    }

    Task<(int Articles, int Wires, int Media, int Authors)> CountsAsync() => api.App.WithDbAsync(async db => (
        await db.Articles.CountAsync(Ct), await db.WireItems.CountAsync(Ct), await db.Media.CountAsync(Ct), await db.Authors.CountAsync(Ct)));
}
