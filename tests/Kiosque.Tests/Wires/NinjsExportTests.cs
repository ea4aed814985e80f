using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Json.Schema;
using Kiosque.Content;
using Kiosque.Tests.Api;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Tests.Wires;

/// <summary>The demo site, once for the class: every published article exported in both ninjs versions.</summary>
public sealed class DemoApp : IAsyncLifetime
{
    public KiosqueApp App { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;
    public HttpClient Editor { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = await KiosqueApp.CreateAsync(demoContent: true);
        Anonymous = App.CreateAnonymousClient();
        Editor = await App.CreateApiClientAsync(Kiosque.Api.Roles.Editor);
    }

    public async ValueTask DisposeAsync()
    {
        Anonymous?.Dispose();
        Editor?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}

public static class NinjsSchemas
{
    static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(() =>
    {
        var options = new BuildOptions();
        // The schemas refer to GeoJSON's for places; Kiosque writes no places, and tests fetch nothing: an open stand-in.
        options.SchemaRegistry.Register(JsonSchema.FromText(
            """{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://geojson.org/schema/GeoJSON.json","type":"object"}""", options));
        return new[] { "2.1", "3.1" }.ToDictionary(v => v,
            v => JsonSchema.FromText(File.ReadAllText(Ninjs.FixturePath("schemas", $"ninjs-schema_{v}.json")), options));
    });

    /// <summary>The schema's errors for the item, empty when it validates (formats checked too).</summary>
    public static List<string> Errors(string version, JsonElement item)
    {
        var result = Schemas.Value[version].Evaluate(item, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid) return [];
        return (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.SchemaLocation}): {e.Key} {e.Value}")).ToList();
    }
}

public sealed class NinjsExportTests(DemoApp demo) : IClassFixture<DemoApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_fixtures_themselves_validate_so_the_schemas_are_loaded_and_strict()
    {
        foreach (var name in Ninjs.Examples("3.x"))
            Assert.Empty(NinjsSchemas.Errors("3.1", JsonDocument.Parse(File.ReadAllText(Ninjs.FixturePath("examples-3.x", name))).RootElement));
        foreach (var name in Ninjs.Examples("2.x"))
            Assert.Empty(NinjsSchemas.Errors("2.1", JsonDocument.Parse(File.ReadAllText(Ninjs.FixturePath("examples-2.x", name))).RootElement));
        // A 2.x item is not a 3.1 one (lower-case names): the validator would notice an export in the wrong version.
        Assert.NotEmpty(NinjsSchemas.Errors("3.1", JsonDocument.Parse(File.ReadAllText(Ninjs.FixturePath("examples-2.x", "tt_text_image_2.json"))).RootElement));
    }

    [Fact]
    public async Task Every_published_demo_article_exports_as_ninjs_3_1_by_default_and_2_1_on_request_each_valid()
    {
        var now = DateTime.UtcNow;
        var ids = await demo.App.WithDbAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now)
            .Select(a => a.Id).ToListAsync(Ct));
        Assert.NotEmpty(ids);
        var failures = new List<string>();
        var withImage = 0;
        foreach (var id in ids)
            foreach (var (accept, version) in new[] { ("application/ninjs+json", "3.1"), ("application/ninjs+json; version=3.1", "3.1"), ("application/ninjs+json; version=2.1", "2.1") })
            {
                var (item, contentType) = await GetAsync(demo.Anonymous, id, accept);
                Assert.Equal($"application/ninjs+json; version={version}", contentType);
                failures.AddRange(NinjsSchemas.Errors(version, item).Select(e => $"article {id} as {version}: {e}"));
                Assert.Equal("text", item.GetProperty("type").GetString());
                Assert.StartsWith("http://localhost/", item.GetProperty("uri").GetString(), StringComparison.Ordinal);
                Assert.Equal("usable", item.GetProperty(version == "3.1" ? "pubStatus" : "pubstatus").GetString());
                if (item.TryGetProperty("associations", out _)) withImage++;
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.True(withImage > 0, "No demo article had a lead image: the association was never validated.");
    }

    [Fact]
    public async Task Plain_json_keeps_todays_representation_and_an_unknown_ninjs_version_answers_406()
    {
        var id = await demo.App.WithDbAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Published).Select(a => a.Id).FirstAsync(Ct));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/articles/{id}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await demo.Anonymous.SendAsync(request, Ct);
        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.TryGetProperty("headline", out _));
        Assert.False(body.TryGetProperty("headlines", out _));
        Assert.Contains("Accept", response.Headers.Vary);

        using var unknown = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/articles/{id}");
        unknown.Headers.TryAddWithoutValidation("Accept", "application/ninjs+json; version=9.0");
        await (await demo.Anonymous.SendAsync(unknown, Ct)).AssertProblemAsync(HttpStatusCode.NotAcceptable);

        // A draft stays hidden from anonymous readers in ninjs too.
        var draft = await demo.App.WithDbAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Draft).Select(a => (int?)a.Id).FirstOrDefaultAsync(Ct));
        if (draft is { } hidden)
        {
            using var hiddenRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/articles/{hidden}");
            hiddenRequest.Headers.TryAddWithoutValidation("Accept", "application/ninjs+json");
            await (await demo.Anonymous.SendAsync(hiddenRequest, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task A_published_wire_article_exports_with_the_agencys_rights_and_its_picture_valid_in_both_versions()
    {
        var item = Ninjs.Load("2.x", "tt_text_image_2.json");
        item["uri"] = "http://tt.se/media/text/export-test";
        item["copyrightnotice"] = "© TT Nyhetsbyrån 2021";
        item["usageterms"] = "Pour usage éditorial uniquement.";
        var id = (await (await demo.Editor.PostAsync(item)).AssertStatusAsync(HttpStatusCode.Created)).GetProperty("articleId").GetInt32();
        await (await demo.Editor.PostJsonAsync($"/api/v1/articles/{id}/publish", new { })).AssertStatusAsync(HttpStatusCode.OK);

        var (v3, _) = await GetAsync(demo.Anonymous, id, "application/ninjs+json; version=3.1");
        Assert.Empty(NinjsSchemas.Errors("3.1", v3));
        Assert.Equal("TT", v3.GetProperty("copyrightHolder").GetString());
        Assert.Equal("© TT Nyhetsbyrån 2021", v3.GetProperty("copyrightNotice").GetString());
        Assert.Equal("Pour usage éditorial uniquement.", v3.GetProperty("usageTerms").GetString());
        var picture = v3.GetProperty("associations")[0];
        Assert.Equal("https://beta.tt.se/media/text/210526-militarovning-a0f2d045/a001_NormalHires.jpg", picture.GetProperty("renditions")[0].GetProperty("href").GetString());
        Assert.Equal("Karl Melander/TT", picture.GetProperty("copyrightHolder").GetString());
        Assert.Contains(v3.GetProperty("subjects").EnumerateArray(), s => s.GetProperty("name").GetString() == "Krig, konflikter och oroligheter");

        var (v2, _) = await GetAsync(demo.Anonymous, id, "application/ninjs+json; version=2.1");
        Assert.Empty(NinjsSchemas.Errors("2.1", v2));
        Assert.Equal("TT", v2.GetProperty("copyrightholder").GetString());
    }

    static async Task<(JsonElement Item, string? ContentType)> GetAsync(HttpClient client, int id, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/articles/{id}");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await client.SendAsync(request, Ct);
        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        return (body, response.Content.Headers.ContentType?.ToString());
    }
}
