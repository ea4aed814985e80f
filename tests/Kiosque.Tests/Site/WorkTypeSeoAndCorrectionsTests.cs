using System.Text.Json;
using AngleSharp.Html.Dom;
using Kiosque.Content;
using Kiosque.Tests.Infrastructure;

namespace Kiosque.Tests.Site;

public sealed class WorkTypeSeoAndCorrectionsFixture : IAsyncLifetime
{
    public KiosqueApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = await KiosqueApp.CreateAsync();
        await App.UpdateSettingsAsync(s => s.Name = "Le Quotidien d’essai");
        var section = SiteData.Section("Décryptages", "decryptages", 1);
        Article Of(string slug, WorkType type)
        {
            var article = SiteData.Article(section, slug, "Titre " + slug);
            article.WorkType = type;
            article.Kicker = "Économie";
            return article;
        }
        var seo = Of("avec-seo", WorkType.News);
        seo.SeoTitle = "Titre pour les moteurs";
        seo.SeoDescription = "Description pour les moteurs et les réseaux.";
        var corrected = Of("corrige", WorkType.News);
        corrected.Corrections =
        [
            new ArticleCorrection { At = SiteData.Published.AddHours(5), Text = "Le chiffre du chômage a été corrigé." },
            new ArticleCorrection { At = SiteData.Published.AddHours(1), Text = "Le nom du ministre a été rectifié." },
        ];
        await App.AddAsync(section, Of("nouvelle", WorkType.News), Of("decryptage", WorkType.Analysis), Of("tribune", WorkType.Opinion),
            Of("entretien", WorkType.Interview), Of("critique", WorkType.Review), seo, corrected);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public sealed class WorkTypeSeoAndCorrectionsTests(WorkTypeSeoAndCorrectionsFixture fixture) : IClassFixture<WorkTypeSeoAndCorrectionsFixture>
{
    async Task<IHtmlDocument> PageAsync(string slug)
    {
        using var client = fixture.App.CreateAnonymousClient();
        return await client.GetDocumentAsync($"/decryptages/{slug}");
    }

    static JsonElement JsonLd(IHtmlDocument page) =>
        JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement.Clone();

    [Theory]
    [InlineData("decryptage", "Décryptage", "AnalysisNewsArticle")]
    [InlineData("tribune", "Opinion", "OpinionNewsArticle")]
    [InlineData("entretien", "Entretien", "NewsArticle")]
    [InlineData("critique", "Critique", "ReviewNewsArticle")]
    public async Task A_labelled_work_type_shows_above_the_kicker_and_types_the_json_ld(string slug, string label, string schemaType)
    {
        var page = await PageAsync(slug);
        var header = page.QuerySelector(".article-header")!;
        var workType = header.QuerySelector(".work-type")!;
        Assert.EndsWith(label, workType.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Same(workType.NextElementSibling, header.QuerySelector(".kicker"));
        var ld = JsonLd(page);
        Assert.Equal(schemaType, ld.GetProperty("@type").GetString());
        Assert.Equal(label, ld.GetProperty("genre").GetString());
        Assert.Equal("Décryptages", ld.GetProperty("articleSection").GetString());
    }

    [Fact]
    public async Task Plain_news_carries_no_label_and_is_a_news_article()
    {
        var page = await PageAsync("nouvelle");
        Assert.Null(page.QuerySelector(".work-type"));
        var ld = JsonLd(page);
        Assert.Equal("NewsArticle", ld.GetProperty("@type").GetString());
        Assert.False(ld.TryGetProperty("genre", out _));
    }

    [Fact]
    public async Task Seo_overrides_replace_the_title_description_and_social_cards_but_not_the_headline()
    {
        var page = await PageAsync("avec-seo");
        Assert.Equal("Titre pour les moteurs | Le Quotidien d’essai", page.Title);
        Assert.Equal("Description pour les moteurs et les réseaux.", page.QuerySelector("meta[name='description']")!.GetAttribute("content"));
        Assert.Equal("Titre pour les moteurs", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal("Description pour les moteurs et les réseaux.", page.QuerySelector("meta[property='og:description']")!.GetAttribute("content"));
        Assert.Equal("Titre avec-seo", page.QuerySelector("h1")!.TextContent.Trim());

        var plain = await PageAsync("nouvelle");
        Assert.Equal("Économie\u00A0: Titre nouvelle | Le Quotidien d’essai", plain.Title);
        Assert.Equal("Chapô de « Titre nouvelle ».", plain.QuerySelector("meta[name='description']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Correction_notes_are_shown_in_order_with_their_date()
    {
        var page = await PageAsync("corrige");
        var notes = page.QuerySelectorAll(".corrections .correction").Select(p => string.Join(' ', p.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(
            ["Mis à jour le lundi 19 décembre 2022 à 15 h 05 : Le nom du ministre a été rectifié.",
             "Mis à jour le lundi 19 décembre 2022 à 19 h 05 : Le chiffre du chômage a été corrigé."],
            notes);
        Assert.Empty((await PageAsync("nouvelle")).QuerySelectorAll(".corrections"));
    }
}
