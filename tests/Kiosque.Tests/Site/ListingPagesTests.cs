using System.Net;
using Kiosque.Content;
using Kiosque.Tests.Infrastructure;

namespace Kiosque.Tests.Site;

public sealed class ListingPagesFixture : IAsyncLifetime
{
    public KiosqueApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = await KiosqueApp.CreateAsync();
        await App.UpdateSettingsAsync(s => { s.Name = "L’Écho du Port"; s.Tagline = "Le quotidien de la côte"; });
        var monde = SiteData.Section("Monde", "monde", 2);
        var sports = SiteData.Section("Sports", "sports", 1);
        var videos = SiteData.Section("Vidéos", "videos", 3, SectionKind.Video);
        var podcasts = SiteData.Section("Podcasts", "podcasts", 4, SectionKind.Podcast);
        // A section and a page with the same slug: the section wins.
        var apropos = SiteData.Section("Rubrique prioritaire", "a-propos", 9);
        var dossier = new Dossier { Name = "Élections locales", Slug = "elections-locales", Description = "Tout sur le scrutin.", CreatedAt = SiteData.Published };
        var author = new Author { Name = "Inès Lefèvre", Slug = "ines-lefevre", Bio = "Journaliste au service Monde." };
        var tag = new Tag { Name = "Climat", Slug = "climat" };
        var image = SiteData.Image("/media/2026/11/port.jpg", "Le port au lever du jour");

        var entities = new List<object> { monde, sports, videos, podcasts, apropos };
        // 23 articles in Monde: two pages of 20 and 3.
        for (var i = 1; i <= 23; i++)
        {
            var a = SiteData.Article(monde, $"monde-{i:00}", $"Nouvelle du monde numéro {i:00}", SiteData.Published.AddHours(i));
            if (i <= 2) a.Dossier = dossier;
            if (i == 3) { a.Authors = [new ArticleAuthor { Author = author, Position = 1 }]; a.Tags = [tag]; }
            entities.Add(a);
        }
        var lead = SiteData.Article(sports, "victoire-au-bout-du-suspense", "Victoire au bout du suspense", SiteData.Published.AddDays(5));
        lead.LeadImage = image;
        lead.Kicker = "Football";
        entities.Add(lead);
        entities.Add(SiteData.Article(sports, "le-marathon-du-port", "Le marathon du port", SiteData.Published.AddDays(1)));
        entities.Add(SiteData.Article(sports, "match-de-demain", "Match de demain", DateTime.UtcNow.AddDays(2)));

        var youtube = SiteData.Article(videos, "reportage-sur-les-quais", "Reportage sur les quais", SiteData.Published.AddDays(-1));
        youtube.VideoUrl = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
        youtube.LeadImage = SiteData.Image("/media/2026/11/quais.jpg", "Les quais");
        var mp4 = SiteData.Article(videos, "la-criee-en-images", "La criée en images", SiteData.Published.AddDays(-1));
        mp4.VideoUrl = "/media/2026/11/criee.mp4";
        var hostileVideo = SiteData.Article(videos, "video-douteuse", "Vidéo douteuse", SiteData.Published.AddDays(-1));
        hostileVideo.VideoUrl = "https://evil.example/embed/x";
        var episode = SiteData.Article(podcasts, "episode-12", "Épisode 12 : la marée", SiteData.Published.AddDays(-1));
        episode.AudioUrl = "/media/2026/11/episode-12.mp3";
        episode.AudioDurationSeconds = 2525;
        entities.AddRange([youtube, mp4, hostileVideo, episode,
            new Page { Title = "Qui sommes-nous ?", Slug = "qui-sommes-nous", BodyHtml = "<p>Une rédaction indépendante.</p>", Status = PageStatus.Published, CreatedAt = SiteData.Published, UpdatedAt = SiteData.Published },
            new Page { Title = "Page cachée", Slug = "page-cachee", BodyHtml = "<p>Brouillon.</p>", Status = PageStatus.Draft, CreatedAt = SiteData.Published, UpdatedAt = SiteData.Published },
            new Page { Title = "À propos (page)", Slug = "a-propos", BodyHtml = "<p>Masquée par la rubrique.</p>", Status = PageStatus.Published, CreatedAt = SiteData.Published, UpdatedAt = SiteData.Published },
            new Dossier { Name = "Dossier vide", Slug = "dossier-vide", CreatedAt = SiteData.Published.AddDays(-10) }]);
        await App.AddAsync([.. entities]);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public sealed class ListingPagesTests(ListingPagesFixture fixture) : IClassFixture<ListingPagesFixture>
{
    HttpClient Client => fixture.App.CreateAnonymousClient();

    [Fact]
    public async Task Home_shows_the_latest_story_as_lead_then_sections_in_order()
    {
        var doc = await Client.GetDocumentAsync("/");
        Assert.Equal("L’Écho du Port — Le quotidien de la côte", doc.Title);
        Assert.Equal("À la une", doc.QuerySelector("h1")!.TextContent.Trim());
        var lead = doc.QuerySelector(".lead-story")!;
        Assert.Equal("Victoire au bout du suspense", lead.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal("/sports/victoire-au-bout-du-suspense", lead.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("Le port au lever du jour", lead.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal("Football", lead.QuerySelector(".kicker")!.TextContent.Trim());

        var sections = doc.QuerySelectorAll(".home-section h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Sports", "Monde", "Vidéos", "Podcasts"], sections);
        var sports = doc.QuerySelectorAll(".home-section")[0];
        Assert.Equal(["Le marathon du port"], sports.QuerySelectorAll(".card-title").Select(h => h.TextContent.Trim()));
        var monde = doc.QuerySelectorAll(".home-section")[1];
        Assert.Equal(4, monde.QuerySelectorAll(".card").Length);
        Assert.Equal("Nouvelle du monde numéro 23", monde.QuerySelector(".card-title")!.TextContent.Trim());
        Assert.DoesNotContain("Match de demain", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Section_pages_are_paginated_newest_first()
    {
        var first = await Client.GetDocumentAsync("/monde");
        Assert.Equal("Monde | L’Écho du Port", first.Title);
        Assert.Equal("Monde", first.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(20, first.QuerySelectorAll(".card").Length);
        Assert.Equal("Nouvelle du monde numéro 23", first.QuerySelector(".card-title")!.TextContent.Trim());
        Assert.Equal("/monde?page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.EndsWith("/monde", first.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);

        var second = await Client.GetDocumentAsync("/monde?page=2");
        Assert.Equal(3, second.QuerySelectorAll(".card").Length);
        Assert.Equal("Nouvelle du monde numéro 01", second.QuerySelectorAll(".card-title")[^1].TextContent.Trim());
        Assert.Equal("/monde", second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.EndsWith("/monde?page=2", second.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teasers_show_french_dates_in_time_elements()
    {
        var doc = await Client.GetDocumentAsync("/monde?page=2");
        var time = doc.QuerySelectorAll(".card time")[^1];
        Assert.Equal("lundi 19 décembre 2022", time.TextContent.Trim());
        Assert.Equal("2022-12-19T15:05:00+01:00", time.GetAttribute("datetime"));
    }

    [Fact]
    public async Task Dossiers_list_and_dossier_page_show_their_articles()
    {
        var list = await Client.GetDocumentAsync("/dossiers");
        Assert.Equal("Dossiers | L’Écho du Port", list.Title);
        Assert.Equal(["/dossiers/elections-locales", "/dossiers/dossier-vide"], list.QuerySelectorAll(".dossiers h2 a").Select(a => a.GetAttribute("href")));

        var dossier = await Client.GetDocumentAsync("/dossiers/elections-locales");
        Assert.Equal("Élections locales", dossier.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Tout sur le scrutin.", dossier.QuerySelector(".listing-intro")!.TextContent.Trim());
        Assert.Equal(2, dossier.QuerySelectorAll(".card").Length);
        Assert.All(dossier.QuerySelectorAll(".card .kicker"), k => Assert.Equal("Élections locales", k.TextContent.Trim()));
    }

    [Fact]
    public async Task Author_and_tag_pages_list_their_articles()
    {
        var author = await Client.GetDocumentAsync("/auteurs/ines-lefevre");
        Assert.Equal("Inès Lefèvre | L’Écho du Port", author.Title);
        Assert.Equal("Journaliste au service Monde.", author.QuerySelector(".listing-intro")!.TextContent.Trim());
        Assert.Equal(["Nouvelle du monde numéro 03"], author.QuerySelectorAll(".card-title").Select(h => h.TextContent.Trim()));

        var tag = await Client.GetDocumentAsync("/tags/climat");
        Assert.Equal("Climat", tag.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(["Nouvelle du monde numéro 03"], tag.QuerySelectorAll(".card-title").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task Static_pages_are_served_at_their_slug_and_sections_win_over_pages()
    {
        var page = await Client.GetDocumentAsync("/qui-sommes-nous");
        Assert.Equal("Qui sommes-nous ? | L’Écho du Port", page.Title);
        Assert.Equal("Une rédaction indépendante.", page.QuerySelector("main .article-body p")!.TextContent.Trim());

        var shadowed = await Client.GetDocumentAsync("/a-propos");
        Assert.Equal("Rubrique prioritaire", shadowed.QuerySelector("h1")!.TextContent.Trim());

        await Client.GetDocumentAsync("/page-cachee", 404);
    }

    [Fact]
    public async Task Newsletter_page_offers_the_sign_up_form_and_the_archive()
    {
        var doc = await Client.GetDocumentAsync("/newsletter");
        Assert.Equal("La newsletter | L’Écho du Port", doc.Title);
        var form = doc.QuerySelector("main form.newsletter-form")!;
        Assert.Equal("/newsletter", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[type=email][name=email][autocomplete=email]"));
        Assert.NotNull(doc.QuerySelector("main label[for=nl-email]"));
        Assert.NotNull(doc.QuerySelector("main a[href='/newsletter/archives']"));
    }

    [Fact]
    public async Task Robots_txt_allows_all_but_the_newsroom_and_api_and_names_the_sitemap()
    {
        using var response = await Client.GetAsync("/robots.txt", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n');
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Allow: /", lines);
        Assert.Contains("Disallow: /newsroom", lines);
        Assert.Contains("Disallow: /api", lines);
        Assert.Contains(lines, l => l.StartsWith("Sitemap: http", StringComparison.Ordinal) && l.EndsWith("/sitemap.xml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Video_articles_embed_allow_listed_players_only()
    {
        var youtube = await Client.GetDocumentAsync("/videos/reportage-sur-les-quais");
        var iframe = Assert.Single(youtube.QuerySelectorAll("iframe"));
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", iframe.GetAttribute("src"));
        Assert.False(string.IsNullOrWhiteSpace(iframe.GetAttribute("title")));

        var mp4 = await Client.GetDocumentAsync("/videos/la-criee-en-images");
        var video = Assert.Single(mp4.QuerySelectorAll("video"));
        Assert.Equal("/media/2026/11/criee.mp4", video.GetAttribute("src"));
        Assert.True(video.HasAttribute("controls"));

        var hostile = await Client.GetDocumentAsync("/videos/video-douteuse");
        Assert.Empty(hostile.QuerySelectorAll("iframe"));
        Assert.DoesNotContain("evil.example", hostile.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Podcast_articles_have_an_audio_player_with_the_duration()
    {
        var doc = await Client.GetDocumentAsync("/podcasts/episode-12");
        var audio = Assert.Single(doc.QuerySelectorAll("audio"));
        Assert.Equal("/media/2026/11/episode-12.mp3", audio.GetAttribute("src"));
        Assert.Equal("none", audio.GetAttribute("preload"));
        Assert.True(audio.HasAttribute("controls"));
        Assert.Equal("42 min 05 s", doc.QuerySelector(".podcast .duration time")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/monde")]
    [InlineData("/dossiers")]
    [InlineData("/dossiers/elections-locales")]
    [InlineData("/auteurs/ines-lefevre")]
    [InlineData("/tags/climat")]
    [InlineData("/qui-sommes-nous")]
    [InlineData("/newsletter")]
    public async Task Every_page_has_one_h1_landmarks_a_skip_link_and_a_canonical_url(string path)
    {
        var doc = await Client.GetDocumentAsync(path);
        Assert.Single(doc.QuerySelectorAll("h1"));
        Assert.Equal("fr", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("#contenu", doc.QuerySelector(".skip-link")!.GetAttribute("href"));
        Assert.NotNull(doc.QuerySelector("body > header"));
        Assert.NotNull(doc.QuerySelector("main#contenu"));
        Assert.NotNull(doc.QuerySelector("body > footer"));
        Assert.StartsWith("http", doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("meta[property='og:title']"));
        Assert.EndsWith("| L’Écho du Port", doc.Title!.Replace("L’Écho du Port — Le quotidien de la côte", "| L’Écho du Port", StringComparison.Ordinal), StringComparison.Ordinal);
        var levels = doc.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
        for (var i = 1; i < levels.Count; i++) Assert.True(levels[i] <= levels[i - 1] + 1, $"{path}: heading jumps from h{levels[i - 1]} to h{levels[i]}");
    }
}
