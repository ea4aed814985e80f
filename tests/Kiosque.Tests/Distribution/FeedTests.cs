using System.Net;
using System.ServiceModel.Syndication;
using System.Xml.Linq;
using Kiosque.Tests.Infrastructure;
using Kiosque.Tests.Site;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Distribution;

public sealed class FeedTests
{
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
    static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    static readonly XNamespace Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    const string Base = DistributionSite.PublicUrl;

    [Theory, InlineData(DatabaseKind.Sqlite), InlineData(DatabaseKind.Postgres)]
    public async Task The_site_rss_feed_parses_and_carries_what_rss_2_requires(DatabaseKind kind)
    {
        var site = await DistributionSite.CreateAsync(kind);
        await using var app = site.App;

        var feed = SyndicationFeed.Load(await site.ReaderAsync("/rss.xml"));
        Assert.Equal("La Gazette d’essai", feed.Title.Text);
        Assert.Equal("Des nouvelles, rien que des nouvelles", feed.Description.Text);
        Assert.Equal(new Uri(Base + "/"), feed.Links[0].Uri);
        // Newest first; no draft.
        Assert.Equal([$"urn:kiosque:article:{site.Episode}", $"urn:kiosque:article:{site.Main}", $"urn:kiosque:article:{site.Second}", $"urn:kiosque:article:{site.Old}"],
            feed.Items.Select(i => i.Id));
        var main = feed.Items.Single(i => i.Id == $"urn:kiosque:article:{site.Main}");
        Assert.Equal("Les thons migrent vers le nord", main.Title.Text);
        Assert.Equal(new Uri(Base + "/monde/thons"), main.Links.Single(l => l.RelationshipType == "alternate").Uri);
        Assert.Equal("Un chapô & des <chevrons>.", main.Summary.Text);
        Assert.True(main.PublishDate > DateTimeOffset.UtcNow.AddHours(-4));

        var (response, xml) = await site.GetXmlAsync("/rss.xml");
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("2.0", xml.Root!.Attribute("version")!.Value);
        var channel = xml.Root.Element("channel")!;
        foreach (var required in new[] { "title", "link", "description" }) Assert.False(string.IsNullOrWhiteSpace(channel.Element(required)?.Value), required);
        Assert.Equal(Base + "/rss.xml", channel.Element(Atom + "link")!.Attribute("href")!.Value);
        var item = channel.Elements("item").Single(i => i.Element("guid")!.Value == $"urn:kiosque:article:{site.Main}");
        Assert.Equal("false", item.Element("guid")!.Attribute("isPermaLink")!.Value);
        var enclosure = item.Element("enclosure")!;
        Assert.Equal(Base + "/media/2026/11/thon.jpg", enclosure.Attribute("url")!.Value);
        Assert.Equal("1000", enclosure.Attribute("length")!.Value);
        Assert.Equal("image/jpeg", enclosure.Attribute("type")!.Value);
        var media = item.Element(Media + "content")!;
        Assert.Equal(Base + "/media/2026/11/thon.jpg", media.Attribute("url")!.Value);
        Assert.Equal("image", media.Attribute("medium")!.Value);
        Assert.Equal("Un thon dans un filet", media.Element(Media + "description")!.Value);
        Assert.Null(item.Element(Content + "encoded"));
    }

    [Fact]
    public async Task The_atom_feed_parses_and_carries_what_atom_requires()
    {
        var site = await DistributionSite.CreateAsync();
        await using var app = site.App;

        var formatter = new Atom10FeedFormatter();
        formatter.ReadFrom(await site.ReaderAsync("/atom.xml"));
        var feed = formatter.Feed;
        Assert.Equal(Base + "/atom.xml", feed.Id);
        Assert.Equal("La Gazette d’essai", feed.Title.Text);
        Assert.NotEqual(default, feed.LastUpdatedTime);
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri == new Uri(Base + "/atom.xml"));
        Assert.Contains(feed.Authors, a => a.Name == "La Gazette d’essai");
        var main = feed.Items.Single(i => i.Id == $"urn:kiosque:article:{site.Main}");
        Assert.Equal("Les thons migrent vers le nord", main.Title.Text);
        Assert.NotEqual(default, main.LastUpdatedTime);
        Assert.Equal(new Uri(Base + "/monde/thons"), main.Links.Single(l => l.RelationshipType == "alternate").Uri);
        Assert.Equal(new Uri(Base + "/media/2026/11/thon.jpg"), main.Links.Single(l => l.RelationshipType == "enclosure").Uri);
        Assert.Equal(["Léa Roux"], main.Authors.Select(a => a.Name));

        var (_, xml) = await site.GetXmlAsync("/atom.xml");
        Assert.Equal(Atom + "feed", xml.Root!.Name);
        foreach (var entry in xml.Root.Elements(Atom + "entry"))
            foreach (var required in new[] { "id", "title", "updated" })
                Assert.NotNull(entry.Element(Atom + required));
    }

    [Fact]
    public async Task Full_text_setting_puts_the_body_in_the_feeds_with_absolute_urls()
    {
        var site = await DistributionSite.CreateAsync();
        await using var app = site.App;
        var admin = await app.CreateApiClientAsync(Kiosque.Api.Roles.Admin);
        var settings = await (await admin.PutJsonAsync("/api/v1/site", new { name = "La Gazette d’essai", feedFullText = true }))
            .AssertStatusAsync(HttpStatusCode.OK);
        Assert.True(settings.GetProperty("feedFullText").GetBoolean());

        var (_, rss) = await site.GetXmlAsync("/monde/rss.xml");
        var body = rss.Descendants("item").Single(i => i.Element("guid")!.Value.EndsWith($":{site.Main}", StringComparison.Ordinal))
            .Element(Content + "encoded")!.Value;
        Assert.Contains($"href=\"{Base}/monde/ports\"", body, StringComparison.Ordinal);
        Assert.Contains("href=\"https://ailleurs.example/x\"", body, StringComparison.Ordinal);
        Assert.Contains($"src=\"{Base}/media/2026/11/carte.png\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("=\"/", body, StringComparison.Ordinal);

        var formatter = new Atom10FeedFormatter();
        formatter.ReadFrom(await site.ReaderAsync("/monde/atom.xml"));
        var content = Assert.IsType<TextSyndicationContent>(formatter.Feed.Items.Single(i => i.Id.EndsWith($":{site.Main}", StringComparison.Ordinal)).Content);
        Assert.Contains($"src=\"{Base}/media/2026/11/carte.png\"", content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Section_dossier_author_and_tag_feeds_hold_only_their_articles()
    {
        var site = await DistributionSite.CreateAsync();
        await using var app = site.App;
        async Task<List<string>> Ids(string path) => SyndicationFeed.Load(await site.ReaderAsync(path)).Items.Select(i => i.Id.Split(':')[^1]).ToList();
        string S(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal([S(site.Main), S(site.Second), S(site.Old)], await Ids("/monde/rss.xml"));
        Assert.Equal([S(site.Main), S(site.Second), S(site.Old)], await Ids("/monde/atom.xml"));
        Assert.Equal([S(site.Main)], await Ids("/dossiers/oceans/rss.xml"));
        Assert.Equal([S(site.Main)], await Ids("/auteurs/lea-roux/atom.xml"));
        Assert.Equal([S(site.Main)], await Ids("/tags/peche/rss.xml"));
        Assert.Equal("La Gazette d’essai – Océans", SyndicationFeed.Load(await site.ReaderAsync("/dossiers/oceans/rss.xml")).Title.Text);

        var client = app.CreateAnonymousClient();
        foreach (var missing in new[] { "/nulle-part/rss.xml", "/dossiers/nulle-part/atom.xml", "/auteurs/personne/rss.xml", "/tags/rien/rss.xml", "/monde/podcast.xml" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetPathAsync(missing)).StatusCode);
    }

    [Fact]
    public async Task The_podcast_feed_has_the_itunes_tags_and_a_guid_that_survives_edits()
    {
        var site = await DistributionSite.CreateAsync();
        await using var app = site.App;

        var feed = SyndicationFeed.Load(await site.ReaderAsync("/podcasts/podcast.xml"));
        Assert.Equal([$"urn:kiosque:article:{site.Episode}"], feed.Items.Select(i => i.Id));

        var (response, xml) = await site.GetXmlAsync("/podcasts/podcast.xml");
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        var channel = xml.Root!.Element("channel")!;
        Assert.Equal("La Gazette d’essai", channel.Element(Itunes + "author")!.Value);
        Assert.Equal(Base + "/media/2026/11/micro.jpg", channel.Element(Itunes + "image")!.Attribute("href")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(channel.Element(Itunes + "category")!.Attribute("text")!.Value));
        Assert.Equal("false", channel.Element(Itunes + "explicit")!.Value);
        Assert.NotNull(channel.Element(Itunes + "owner")!.Element(Itunes + "name"));
        Assert.NotNull(channel.Element(Itunes + "summary"));
        Assert.Equal("fr", channel.Element("language")!.Value);
        var item = channel.Element("item")!;
        var enclosure = item.Element("enclosure")!;
        Assert.Equal(Base + "/media/podcasts/episode-1.mp3", enclosure.Attribute("url")!.Value);
        Assert.Equal("12345678", enclosure.Attribute("length")!.Value);
        Assert.Equal("audio/mpeg", enclosure.Attribute("type")!.Value);
        Assert.Equal("01:02:05", item.Element(Itunes + "duration")!.Value);
        Assert.Equal("false", item.Element("guid")!.Attribute("isPermaLink")!.Value);
        Assert.NotNull(item.Element(Itunes + "summary"));
        Assert.NotNull(item.Element("pubDate"));
        var guid = item.Element("guid")!.Value;

        await app.WithDbAsync(async db =>
        {
            var episode = await db.Articles.FindAsync([site.Episode], Ct);
            episode!.Headline = "La Loupe, épisode 1 (corrigé)";
            episode.Slug = "episode-1-corrige";
            episode.UpdatedAt = DateTime.UtcNow;
            return await db.SaveChangesAsync(Ct);
        });
        var (_, edited) = await site.GetXmlAsync("/podcasts/podcast.xml");
        var editedItem = edited.Root!.Element("channel")!.Element("item")!;
        Assert.Equal("La Loupe, épisode 1 (corrigé)", editedItem.Element("title")!.Value);
        Assert.Equal(guid, editedItem.Element("guid")!.Value);
    }

    [Fact]
    public async Task Feeds_answer_304_to_a_current_etag_or_date_and_change_after_a_publication()
    {
        // The real cache: built once, kept until an article event.
        var site = await DistributionSite.CreateAsync(extra: new Dictionary<string, string?> { ["Kiosque:OutputCache:Enabled"] = "true" });
        await using var app = site.App;
        var client = app.CreateAnonymousClient();

        using var first = await client.GetPathAsync("/rss.xml");
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;
        Assert.False(etag.IsWeak);

        using var byTag = new HttpRequestMessage(HttpMethod.Get, "/rss.xml");
        byTag.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(byTag, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(etag, notModified.Headers.ETag);

        using var byDate = new HttpRequestMessage(HttpMethod.Get, "/rss.xml");
        byDate.Headers.IfModifiedSince = lastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate, Ct)).StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/rss.xml");
        stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"autre\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale, Ct)).StatusCode);

        var admin = await app.CreateApiClientAsync(Kiosque.Api.Roles.Admin);
        (await admin.PostJsonAsync($"/api/v1/articles/{site.Draft}/publish", new { })).EnsureSuccessStatusCode();
        using var again = new HttpRequestMessage(HttpMethod.Get, "/rss.xml");
        again.Headers.IfNoneMatch.Add(etag);
        using var fresh = await client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(etag, fresh.Headers.ETag);
        Assert.Contains($"urn:kiosque:article:{site.Draft}", await fresh.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_pages_announce_their_feeds()
    {
        var site = await DistributionSite.CreateAsync();
        await using var app = site.App;
        var client = app.CreateAnonymousClient();
        static List<string?> Feeds(AngleSharp.Html.Dom.IHtmlDocument doc) =>
            doc.QuerySelectorAll("link[rel=alternate]").Select(l => l.GetAttribute("href")).ToList();

        Assert.Equal([Base + "/rss.xml", Base + "/atom.xml"], Feeds(await client.GetDocumentAsync("/")));
        Assert.Equal([Base + "/rss.xml", Base + "/atom.xml", Base + "/monde/rss.xml", Base + "/monde/atom.xml"], Feeds(await client.GetDocumentAsync("/monde")));
        Assert.Contains(Base + "/podcasts/podcast.xml", Feeds(await client.GetDocumentAsync("/podcasts")));
        Assert.Contains(Base + "/dossiers/oceans/rss.xml", Feeds(await client.GetDocumentAsync("/dossiers/oceans")));
        Assert.Contains(Base + "/auteurs/lea-roux/atom.xml", Feeds(await client.GetDocumentAsync("/auteurs/lea-roux")));
        Assert.Contains(Base + "/tags/peche/rss.xml", Feeds(await client.GetDocumentAsync("/tags/peche")));
        Assert.Contains(Base + "/monde/rss.xml", Feeds(await client.GetDocumentAsync("/monde/thons")));
        var doc = await client.GetDocumentAsync("/monde");
        Assert.Equal("application/rss+xml", doc.QuerySelector($"link[href='{Base}/monde/rss.xml']")!.GetAttribute("type"));
    }
}
