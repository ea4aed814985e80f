using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Kiosque.Tests.Infrastructure;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Distribution;

/// <summary>Sitemaps checked against the sitemaps.org, image and Google News formats, element by element.</summary>
public sealed partial class SitemapTests
{
    static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static readonly XNamespace Image = "http://www.google.com/schemas/sitemap-image/1.1";
    static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";
    const string Base = DistributionSite.PublicUrl;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex W3cDateTime();

    static void AssertLoc(XElement parent)
    {
        var loc = parent.Element(Sm + "loc")!.Value;
        Assert.True(Uri.TryCreate(loc, UriKind.Absolute, out var uri) && loc.StartsWith(Base + "/", StringComparison.Ordinal), loc);
        Assert.True(loc.Length < 2048);
        Assert.Equal(uri!.AbsoluteUri, loc);
    }

    static void AssertLastmod(XElement parent, bool required)
    {
        var lastmod = parent.Element(Sm + "lastmod");
        if (lastmod is null) { Assert.False(required, "lastmod missing"); return; }
        Assert.Matches(W3cDateTime(), lastmod.Value);
    }

    [Theory, InlineData(DatabaseKind.Sqlite), InlineData(DatabaseKind.Postgres)]
    public async Task The_index_names_paged_article_sitemaps_of_at_most_the_page_size(DatabaseKind kind)
    {
        var site = await DistributionSite.CreateAsync(kind, new Dictionary<string, string?> { ["Kiosque:Distribution:SitemapPageSize"] = "2" });
        await using var app = site.App;

        var (response, index) = await site.GetXmlAsync("/sitemap.xml");
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Sm + "sitemapindex", index.Root!.Name);
        var sitemaps = index.Root.Elements().ToList();
        Assert.All(sitemaps, s => Assert.Equal(Sm + "sitemap", s.Name));
        Assert.All(sitemaps, AssertLoc);
        Assert.All(sitemaps, s => AssertLastmod(s, required: false));
        Assert.Equal([Base + "/sitemaps/pages.xml", Base + "/sitemaps/articles-1.xml", Base + "/sitemaps/articles-2.xml", Base + "/sitemap-news.xml"],
            sitemaps.Select(s => s.Element(Sm + "loc")!.Value));

        // Four public articles (the draft is left out), two per page, in id order.
        var locs = new List<string>();
        foreach (var page in new[] { 1, 2 })
        {
            var (_, urlset) = await site.GetXmlAsync($"/sitemaps/articles-{page}.xml");
            Assert.Equal(Sm + "urlset", urlset.Root!.Name);
            var urls = urlset.Root.Elements().ToList();
            Assert.InRange(urls.Count, 1, 2);
            Assert.All(urls, u => Assert.Equal(Sm + "url", u.Name));
            Assert.All(urls, AssertLoc);
            Assert.All(urls, u => AssertLastmod(u, required: true));
            locs.AddRange(urls.Select(u => u.Element(Sm + "loc")!.Value));
        }
        Assert.Equal([Base + "/monde/thons", Base + "/monde/ports", Base + "/podcasts/episode-1", Base + "/monde/archives"], locs);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateAnonymousClient().GetPathAsync("/sitemaps/articles-3.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateAnonymousClient().GetPathAsync("/sitemaps/articles-0.xml")).StatusCode);
    }

    [Fact]
    public async Task Article_entries_carry_their_lead_image()
    {
        var site = await DistributionSite.CreateAsync();
        await using var app = site.App;

        var (_, urlset) = await site.GetXmlAsync("/sitemaps/articles-1.xml");
        var main = urlset.Root!.Elements(Sm + "url").Single(u => u.Element(Sm + "loc")!.Value == Base + "/monde/thons");
        Assert.Equal(Base + "/media/2026/11/thon.jpg", main.Element(Image + "image")!.Element(Image + "loc")!.Value);
        var second = urlset.Root.Elements(Sm + "url").Single(u => u.Element(Sm + "loc")!.Value == Base + "/monde/ports");
        Assert.Null(second.Element(Image + "image"));
        Assert.Equal(4, urlset.Root.Elements(Sm + "url").Count());
    }

    [Fact]
    public async Task The_pages_sitemap_lists_the_front_page_sections_dossiers_and_static_pages()
    {
        var site = await DistributionSite.CreateAsync();
        await using var app = site.App;

        var (_, urlset) = await site.GetXmlAsync("/sitemaps/pages.xml");
        Assert.Equal(Sm + "urlset", urlset.Root!.Name);
        Assert.All(urlset.Root.Elements(Sm + "url"), AssertLoc);
        Assert.All(urlset.Root.Elements(Sm + "url"), u => AssertLastmod(u, required: false));
        Assert.Equal([Base + "/", Base + "/monde", Base + "/podcasts", Base + "/dossiers", Base + "/dossiers/oceans", Base + "/qui-sommes-nous"],
            urlset.Root.Elements(Sm + "url").Select(u => u.Element(Sm + "loc")!.Value));
    }

    [Fact]
    public async Task The_news_sitemap_has_the_last_48_hours_in_google_news_format()
    {
        var site = await DistributionSite.CreateAsync();
        await using var app = site.App;

        var (_, urlset) = await site.GetXmlAsync("/sitemap-news.xml");
        Assert.Equal(Sm + "urlset", urlset.Root!.Name);
        Assert.Equal(News.NamespaceName, urlset.Root.Attributes().Single(a => a.IsNamespaceDeclaration && a.Name.LocalName == "news").Value);
        var urls = urlset.Root.Elements(Sm + "url").ToList();
        Assert.Equal([Base + "/podcasts/episode-1", Base + "/monde/thons", Base + "/monde/ports"], urls.Select(u => u.Element(Sm + "loc")!.Value));
        foreach (var url in urls)
        {
            AssertLoc(url);
            var news = url.Element(News + "news")!;
            var publication = news.Element(News + "publication")!;
            Assert.Equal("La Gazette d’essai", publication.Element(News + "name")!.Value);
            Assert.Equal("fr", publication.Element(News + "language")!.Value);
            var date = news.Element(News + "publication_date")!.Value;
            Assert.Matches(W3cDateTime(), date);
            Assert.InRange(DateTimeOffset.Parse(date, CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddHours(-48), DateTimeOffset.UtcNow);
            Assert.False(string.IsNullOrWhiteSpace(news.Element(News + "title")!.Value));
        }
        Assert.Equal("Les thons migrent vers le nord", urls[1].Element(News + "news")!.Element(News + "title")!.Value);
    }

    [Fact]
    public async Task Robots_txt_names_the_sitemaps()
    {
        var site = await DistributionSite.CreateAsync();
        await using var app = site.App;
        var robots = await (await app.CreateAnonymousClient().GetPathAsync("/robots.txt")).Content.ReadAsStringAsync(Ct);
        Assert.Contains($"Sitemap: {Base}/sitemap.xml\n", robots, StringComparison.Ordinal);
        Assert.Contains($"Sitemap: {Base}/sitemap-news.xml\n", robots, StringComparison.Ordinal);
    }
}
