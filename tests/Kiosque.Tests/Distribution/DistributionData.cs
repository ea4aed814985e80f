using System.Xml;
using System.Xml.Linq;
using Kiosque.Content;
using Kiosque.Tests.Infrastructure;
using Kiosque.Tests.Site;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Distribution;

/// <summary>A small site for feed and sitemap tests: two news articles, a podcast episode, an old piece and a draft.</summary>
sealed record DistributionSite(KiosqueApp App, int Main, int Second, int Episode, int Old, int Draft)
{
    public const string PublicUrl = "https://www.kiosque.test";
    public static readonly DateTime Now = DateTime.UtcNow;

    public static async Task<DistributionSite> CreateAsync(DatabaseKind kind = DatabaseKind.Sqlite, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Kiosque:PublicUrl"] = PublicUrl,
            // Rebuilt on every request unless a test asks otherwise: direct database edits raise no event.
            ["Kiosque:OutputCache:Enabled"] = "false",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        var app = await KiosqueApp.CreateAsync(kind, extra: settings);
        await app.UpdateSettingsAsync(s => { s.Name = "La Gazette d’essai"; s.Tagline = "Des nouvelles, rien que des nouvelles"; s.Language = "fr"; });

        var monde = SiteData.Section("Monde", "monde", 1);
        var podcasts = SiteData.Section("Podcasts", "podcasts", 2, SectionKind.Podcast);
        var dossier = new Dossier { Name = "Océans", Slug = "oceans", CreatedAt = Now };
        var author = new Author { Name = "Léa Roux", Slug = "lea-roux" };
        var tag = new Tag { Name = "Pêche", Slug = "peche" };
        var image = SiteData.Image("/media/2026/11/thon.jpg", "Un thon dans un filet", 1600, 900);
        var cover = SiteData.Image("/media/2026/11/micro.jpg", "Un micro", 1400, 1400);

        var main = SiteData.Article(monde, "thons", "Les thons migrent vers le nord", Now.AddHours(-3));
        main.Dossier = dossier;
        main.Authors = [new ArticleAuthor { Author = author, Position = 1 }];
        main.Tags = [tag];
        main.LeadImage = image;
        main.Standfirst = "Un chapô & des <chevrons>.";
        main.BodyHtml = "<p>Voir <a href=\"/monde/ports\">les ports</a> et <a href=\"https://ailleurs.example/x\">ailleurs</a>.</p><p><img src=\"/media/2026/11/carte.png\" alt=\"Carte\"></p>";
        var second = SiteData.Article(monde, "ports", "Les ports bretons s’équipent", Now.AddHours(-5));
        var episode = SiteData.Article(podcasts, "episode-1", "La Loupe, épisode 1 : la mer", Now.AddHours(-1));
        episode.AudioUrl = "/media/podcasts/episode-1.mp3";
        episode.AudioLength = 12_345_678;
        episode.AudioDurationSeconds = 3725;
        episode.Transcript = "<p>Bonjour et bienvenue dans La Loupe.</p>";
        episode.LeadImage = cover;
        var old = SiteData.Article(monde, "archives", "Un article d’archives", Now.AddDays(-10));
        var draft = SiteData.Article(monde, "brouillon", "Un brouillon", Now.AddHours(-2), ArticleStatus.Draft);
        var page = new Page { Title = "Qui sommes-nous ?", Slug = "qui-sommes-nous", Status = PageStatus.Published, CreatedAt = Now, UpdatedAt = Now };
        await app.AddAsync(monde, podcasts, dossier, author, tag, image, cover, main, second, episode, old, draft, page);
        return new DistributionSite(app, main.Id, second.Id, episode.Id, old.Id, draft.Id);
    }

    public async Task<(HttpResponseMessage Response, XDocument Xml)> GetXmlAsync(string path, HttpClient? client = null)
    {
        client ??= App.CreateAnonymousClient();
        var response = await client.GetPathAsync(path);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}\n{text}");
        return (response, XDocument.Parse(text));
    }

    public async Task<XmlReader> ReaderAsync(string path)
    {
        var bytes = await (await App.CreateAnonymousClient().GetPathAsync(path)).Content.ReadAsByteArrayAsync(Ct);
        return XmlReader.Create(new MemoryStream(bytes));
    }
}
