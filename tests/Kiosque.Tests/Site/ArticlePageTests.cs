using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Kiosque.Content;
using Kiosque.Tests.Infrastructure;

namespace Kiosque.Tests.Site;

public sealed class ArticlePageFixture : IAsyncLifetime
{
    public const string SiteName = "Le Quotidien d’essai";
    public const string Path = "/international/un-sommet-regional-s-ouvre-a-niamey";
    public const string Headline = "Un sommet régional s’ouvre à Niamey sous haute surveillance";
    public const string Caption = "Les deux dirigeants se saluent devant le palais présidentiel, ce lundi.";
    public const string Alt = "Deux chefs d’État se serrent la main sur un perron.";
    public const string Credit = "©Jean DUPONT / AFP";
    public const string Standfirst = "Les chefs d’État de la région se retrouvent pour deux jours de discussions sur la sécurité.";
    public const string HostileHeadline = "Titre piégé </script><script>alert(1)</script> fin";

    public KiosqueApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = await KiosqueApp.CreateAsync(extra: new Dictionary<string, string?> { ["Kiosque:PublicUrl"] = "https://www.quotidien.test" });
        await App.UpdateSettingsAsync(s => { s.Name = SiteName; s.Tagline = "L’actualité, sans détour"; });

        var international = SiteData.Section("International", "international", 1);
        var decryptages = SiteData.Section("Décryptages", "decryptages", 2);
        var dossier = new Dossier { Name = "Crise au Sahel", Slug = "crise-au-sahel", CreatedAt = SiteData.Published };
        var claire = new Author { Name = "Claire Martin", Slug = "claire-martin" };
        var paul = new Author { Name = "Paul Durand", Slug = "paul-durand" };
        var image = SiteData.Image("/media/2026/11/sommet.jpg", "Texte alternatif de la médiathèque", 1200, 800);

        var earlier = SiteData.Article(international, "la-region-se-prepare-au-sommet", "La région se prépare au sommet", SiteData.Published.AddDays(-2));
        var draft = SiteData.Article(international, "brouillon-secret", "Brouillon à ne pas montrer", status: ArticleStatus.Draft);
        var main = SiteData.Article(international, "un-sommet-regional-s-ouvre-a-niamey", Headline);
        main.Dossier = dossier;
        main.Standfirst = Standfirst;
        main.BodyHtml = "<p>Premier paragraphe du corps.</p><p>Deuxième paragraphe, avec <strong>du gras</strong>.</p>";
        main.LeadImage = image;
        main.LeadImageAlt = Alt;
        main.LeadImageCaption = Caption;
        main.LeadImageCredit = Credit;
        main.UpdatedAt = SiteData.Published.AddHours(3);
        main.Authors = [new ArticleAuthor { Author = claire, Position = 1 }, new ArticleAuthor { Author = paul, Position = 2 }];
        main.Tags = [new Tag { Name = "Diplomatie", Slug = "diplomatie" }, new Tag { Name = "Afrique", Slug = "afrique" }];
        main.Related =
        [
            new RelatedItem { Position = 2, TargetArticle = earlier },
            new RelatedItem { Position = 1, Url = "https://www.example.org/sahel/mediation", Title = "Sahel : les enjeux d’une médiation", Source = "Le Journal du Soir" },
            new RelatedItem { Position = 3, TargetArticle = draft },
        ];

        var analysis = SiteData.Article(decryptages, "ce-que-change-le-sommet", "Ce que change le sommet");
        analysis.Kicker = "Analyse";
        analysis.CommentsEnabled = false;

        var hostile = SiteData.Article(decryptages, "titre-piege", HostileHeadline);
        hostile.BodyHtml = "<p>Un corps déjà nettoyé.</p>";

        await App.AddAsync(international, decryptages, main, earlier, draft, analysis, hostile,
            new NavigationItem { Position = 3, Label = "International", Url = "/international" },
            new NavigationItem { Position = 1, Label = "Qui sommes-nous ?", Url = "/qui-sommes-nous" },
            new NavigationItem { Position = 2, Label = "Newsletter", Url = "/newsletter" });
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public sealed class ArticlePageTests(ArticlePageFixture fixture) : IClassFixture<ArticlePageFixture>
{
    Task<IHtmlDocument> GetAsync(string path, int status = 200) =>
        fixture.App.CreateAnonymousClient().GetDocumentAsync(path, status);

    [Fact]
    public async Task Article_page_renders_every_seed_element_in_the_seed_order()
    {
        var doc = await GetAsync(ArticlePageFixture.Path);
        var all = doc.All.ToList();
        IElement One(string selector) => doc.QuerySelector(selector) ?? throw new Xunit.Sdk.XunitException($"missing {selector}");

        var nav = One("header nav");
        var section = One("article .article-section a");
        var img = One("article figure img");
        var caption = One("article figure figcaption .caption");
        var credit = One("article figure figcaption .credit");
        var kicker = One("article .kicker");
        var h1 = One("h1");
        var standfirst = One("article .standfirst");
        var body = One("article .article-body");
        var related = One("article .read-also li");
        var comments = One("article .comments");
        var share = One("article .share a");
        var newsletter = One("article .newsletter-cta a");

        Assert.Equal(["Qui sommes-nous ?", "Newsletter", "International"], nav.QuerySelectorAll("a").Select(a => a.TextContent.Trim()));
        Assert.Equal("International", section.TextContent.Trim());
        Assert.Equal("/international", section.GetAttribute("href"));
        Assert.Equal(ArticlePageFixture.Alt, img.GetAttribute("alt"));
        Assert.Equal("/media/2026/11/sommet.jpg", img.GetAttribute("src"));
        Assert.Equal("1200", img.GetAttribute("width"));
        Assert.Equal("800", img.GetAttribute("height"));
        Assert.Equal(ArticlePageFixture.Caption, caption.TextContent.Trim());
        Assert.Equal(ArticlePageFixture.Credit, credit.TextContent.Trim());
        Assert.Equal("Crise au Sahel", kicker.TextContent.Trim());
        Assert.Equal(ArticlePageFixture.Headline, h1.TextContent.Trim());
        Assert.Equal(ArticlePageFixture.Standfirst, standfirst.TextContent.Trim());
        Assert.Contains("Deuxième paragraphe", body.TextContent, StringComparison.Ordinal);
        Assert.NotNull(body.QuerySelector("strong"));
        Assert.Equal("Sahel : les enjeux d’une médiation", related.QuerySelector("a")!.TextContent.Trim());
        Assert.Equal("Le Journal du Soir", related.QuerySelector(".source")!.TextContent.Trim());
        Assert.Contains("Aucun commentaire pour le moment.", comments.TextContent, StringComparison.Ordinal);
        // The comment form is the same for every reader: no anti-forgery token, so the page stays cacheable.
        Assert.Equal("/commentaires/apercu", comments.QuerySelector("form.comment-form")!.GetAttribute("action"));
        Assert.Null(comments.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.StartsWith("mailto:", share.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("/newsletter", newsletter.GetAttribute("href"));

        var order = new[] { nav, section, img, caption, credit, kicker, h1, standfirst, body, related, comments, share, newsletter }
            .Select(e => all.IndexOf(e)).ToList();
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public async Task Title_is_kicker_colon_headline_with_a_no_break_space_then_the_site_name()
    {
        var doc = await GetAsync(ArticlePageFixture.Path);
        Assert.Equal($"Crise au Sahel\u00A0: {ArticlePageFixture.Headline} | {ArticlePageFixture.SiteName}", doc.Title);
    }

    [Fact]
    public async Task An_explicit_kicker_wins_over_the_dossier_and_no_kicker_means_headline_and_site_name()
    {
        var analysis = await GetAsync("/decryptages/ce-que-change-le-sommet");
        Assert.Equal($"Analyse\u00A0: Ce que change le sommet | {ArticlePageFixture.SiteName}", analysis.Title);
        Assert.Equal("Analyse", analysis.QuerySelector("article .kicker")!.TextContent.Trim());
        Assert.Null(analysis.QuerySelector("article .kicker a"));

        var plain = await GetAsync("/international/la-region-se-prepare-au-sommet");
        Assert.Equal($"La région se prépare au sommet | {ArticlePageFixture.SiteName}", plain.Title);
        Assert.Null(plain.QuerySelector("article .kicker"));
    }

    [Fact]
    public async Task Kicker_falls_back_to_the_dossier_name_and_links_to_the_dossier()
    {
        var doc = await GetAsync(ArticlePageFixture.Path);
        var link = doc.QuerySelector("article .kicker a")!;
        Assert.Equal("Crise au Sahel", link.TextContent.Trim());
        Assert.Equal("/dossiers/crise-au-sahel", link.GetAttribute("href"));
    }

    [Fact]
    public async Task Byline_links_authors_in_order_and_shows_french_dates_with_time_elements()
    {
        var doc = await GetAsync(ArticlePageFixture.Path);
        var authors = doc.QuerySelectorAll(".byline a[rel=author]");
        Assert.Equal(["/auteurs/claire-martin", "/auteurs/paul-durand"], authors.Select(a => a.GetAttribute("href")));
        Assert.Contains("Par Claire Martin et Paul Durand", Normalize(doc.QuerySelector(".byline .authors")!.TextContent), StringComparison.Ordinal);

        var published = doc.QuerySelector(".byline .published time")!;
        Assert.Equal("lundi 19 décembre 2022 à 14 h 05", published.TextContent.Trim());
        Assert.Equal("2022-12-19T14:05:00+01:00", published.GetAttribute("datetime"));
        var updated = doc.QuerySelector(".byline .updated")!;
        Assert.Equal("Mis à jour le lundi 19 décembre 2022 à 17 h 05", Normalize(updated.TextContent));
    }

    [Fact]
    public async Task Read_also_lists_items_by_position_and_hides_unpublished_internal_articles()
    {
        var doc = await GetAsync(ArticlePageFixture.Path);
        Assert.Equal("À lire aussi", doc.QuerySelector(".read-also h2")!.TextContent.Trim());
        var links = doc.QuerySelectorAll(".read-also li a");
        Assert.Equal(["https://www.example.org/sahel/mediation", "/international/la-region-se-prepare-au-sommet"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal("noopener", links[0].GetAttribute("rel"));
        Assert.Equal("La région se prépare au sommet", links[1].TextContent.Trim());
        Assert.DoesNotContain("Brouillon", doc.QuerySelector(".read-also")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_links_are_plain_links_with_the_encoded_absolute_url_and_no_scripts()
    {
        var doc = await GetAsync(ArticlePageFixture.Path);
        var url = Uri.EscapeDataString("https://www.quotidien.test" + ArticlePageFixture.Path);
        var hrefs = doc.QuerySelectorAll(".share a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(7, hrefs.Count);
        Assert.Contains(hrefs, h => h.StartsWith("mailto:?subject=", StringComparison.Ordinal) && h.Contains("&body=", StringComparison.Ordinal) && h.Contains(url, StringComparison.Ordinal));
        Assert.Contains(hrefs, h => h.StartsWith("https://wa.me/?text=", StringComparison.Ordinal) && h.Contains(url, StringComparison.Ordinal));
        Assert.Contains($"https://t.me/share/url?url={url}&text={Uri.EscapeDataString(ArticlePageFixture.Headline)}", hrefs);
        Assert.Contains(hrefs, h => h.StartsWith("sms:?&body=", StringComparison.Ordinal) && h.Contains(url, StringComparison.Ordinal));
        Assert.Contains($"https://www.facebook.com/sharer/sharer.php?u={url}", hrefs);
        Assert.Contains($"https://x.com/intent/post?url={url}&text={Uri.EscapeDataString(ArticlePageFixture.Headline)}", hrefs);
        Assert.Contains($"https://www.linkedin.com/sharing/share-offsite/?url={url}", hrefs);
        Assert.All(doc.Scripts, s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
    }

    [Fact]
    public async Task Comments_closed_on_one_article_say_so_without_a_form()
    {
        var doc = await GetAsync("/decryptages/ce-que-change-le-sommet");
        var comments = doc.QuerySelector(".comments")!;
        Assert.Equal("Les commentaires sont fermés pour cet article.", comments.QuerySelector("p")!.TextContent.Trim());
        // The header's search form and the newsletter sign-up are the page's only forms.
        Assert.Equal(["/recherche", "/newsletter"], doc.Forms.Select(f => f.GetAttribute("action")));
    }

    [Fact]
    public async Task Canonical_opengraph_and_twitter_tags_are_absolute_and_complete()
    {
        var doc = await GetAsync(ArticlePageFixture.Path);
        string? Meta(string key) =>
            doc.QuerySelector($"meta[property='{key}']")?.GetAttribute("content")
            ?? doc.QuerySelector($"meta[name='{key}']")?.GetAttribute("content");

        var absolute = "https://www.quotidien.test" + ArticlePageFixture.Path;
        Assert.Equal(absolute, doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(ArticlePageFixture.Standfirst, Meta("description"));
        Assert.Equal("article", Meta("og:type"));
        Assert.Equal(ArticlePageFixture.Headline, Meta("og:title"));
        Assert.Equal(ArticlePageFixture.Standfirst, Meta("og:description"));
        Assert.Equal(absolute, Meta("og:url"));
        Assert.Equal("https://www.quotidien.test/media/2026/11/sommet.jpg", Meta("og:image"));
        Assert.Equal(ArticlePageFixture.SiteName, Meta("og:site_name"));
        Assert.Equal("fr_FR", Meta("og:locale"));
        Assert.Equal("2022-12-19T14:05:00+01:00", Meta("article:published_time"));
        Assert.Equal("2022-12-19T17:05:00+01:00", Meta("article:modified_time"));
        Assert.Equal("International", Meta("article:section"));
        Assert.Equal(["Afrique", "Diplomatie"], doc.QuerySelectorAll("meta[property='article:tag']").Select(m => m.GetAttribute("content")));
        Assert.Equal("summary_large_image", Meta("twitter:card"));
        Assert.Equal("https://www.quotidien.test/media/2026/11/sommet.jpg", Meta("twitter:image"));
        Assert.Equal("fr", doc.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Json_ld_is_a_news_article_with_absolute_urls_and_iso_dates()
    {
        var doc = await GetAsync(ArticlePageFixture.Path);
        var script = Assert.Single(doc.QuerySelectorAll("script[type='application/ld+json']"));
        using var json = JsonDocument.Parse(script.TextContent);
        var root = json.RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("NewsArticle", root.GetProperty("@type").GetString());
        Assert.Equal(ArticlePageFixture.Headline, root.GetProperty("headline").GetString());
        Assert.Equal(ArticlePageFixture.Standfirst, root.GetProperty("description").GetString());
        Assert.Equal("https://www.quotidien.test/media/2026/11/sommet.jpg", root.GetProperty("image")[0].GetString());
        Assert.Equal("2022-12-19T14:05:00+01:00", root.GetProperty("datePublished").GetString());
        Assert.Equal("2022-12-19T17:05:00+01:00", root.GetProperty("dateModified").GetString());
        var author = root.GetProperty("author")[0];
        Assert.Equal("Person", author.GetProperty("@type").GetString());
        Assert.Equal("Claire Martin", author.GetProperty("name").GetString());
        Assert.Equal("https://www.quotidien.test/auteurs/claire-martin", author.GetProperty("url").GetString());
        Assert.Equal(2, root.GetProperty("author").GetArrayLength());
        Assert.Equal("NewsMediaOrganization", root.GetProperty("publisher").GetProperty("@type").GetString());
        Assert.Equal(ArticlePageFixture.SiteName, root.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal("https://www.quotidien.test" + ArticlePageFixture.Path, root.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());
        Assert.Equal("International", root.GetProperty("articleSection").GetString());
        Assert.Equal(["Afrique", "Diplomatie"], root.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task A_headline_that_closes_the_script_element_stays_inside_the_json()
    {
        var client = fixture.App.CreateAnonymousClient();
        var html = await client.GetStringAsync("/decryptages/titre-piege", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);

        var doc = await GetAsync("/decryptages/titre-piege");
        var script = Assert.Single(doc.Scripts);
        Assert.Equal("application/ld+json", script.GetAttribute("type"));
        using var json = JsonDocument.Parse(script.TextContent);
        Assert.Equal(ArticlePageFixture.HostileHeadline, json.RootElement.GetProperty("headline").GetString());
        Assert.Equal(ArticlePageFixture.HostileHeadline, doc.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Layout_has_skip_link_landmarks_one_h1_and_headings_in_order()
    {
        var doc = await GetAsync(ArticlePageFixture.Path);
        var skip = doc.QuerySelector("body > a.skip-link")!;
        Assert.Equal("Aller au contenu", skip.TextContent.Trim());
        Assert.Equal("#contenu", skip.GetAttribute("href"));
        Assert.Same(doc.Body!.FirstElementChild, skip);
        Assert.Equal("main", doc.GetElementById("contenu")!.LocalName);
        Assert.Single(doc.QuerySelectorAll("body > header"));
        Assert.Single(doc.QuerySelectorAll("main"));
        Assert.Single(doc.QuerySelectorAll("body > footer"));
        Assert.NotNull(doc.QuerySelector("header nav[aria-label]"));
        Assert.Equal("/", doc.QuerySelector("header a.site-name")!.GetAttribute("href"));
        Assert.Single(doc.QuerySelectorAll("h1"));
        Assert.All(doc.Images, img => Assert.NotNull(img.GetAttribute("alt")));

        var levels = doc.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
        Assert.Equal(1, levels[0]);
        for (var i = 1; i < levels.Count; i++) Assert.True(levels[i] <= levels[i - 1] + 1, $"heading jumps from h{levels[i - 1]} to h{levels[i]}");
    }

    [Fact]
    public async Task No_third_party_resources_are_loaded()
    {
        var doc = await GetAsync(ArticlePageFixture.Path);
        var sources = doc.QuerySelectorAll("script[src], link[rel=stylesheet], img, iframe, link[rel=preconnect]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href") ?? "");
        Assert.All(sources, s => Assert.StartsWith("/", s, StringComparison.Ordinal));
    }

    static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
