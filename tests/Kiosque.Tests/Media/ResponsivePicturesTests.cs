using AngleSharp.Dom;
using Kiosque.Content;
using Kiosque.Media;
using Kiosque.Tests.Infrastructure;
using Kiosque.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosque.Tests.Media;

public sealed class ResponsivePicturesFixture : IAsyncLifetime
{
    public const string StoredPath = "/monde/une-photo-avec-ses-declinaisons";
    public const string LegacyPath = "/monde/une-photo-d-une-ancienne-version";
    public const string SectionPath = "/monde";

    public KiosqueApp App { get; private set; } = null!;
    public MediaItem Stored { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = await KiosqueApp.CreateAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            using var jpeg = new MemoryStream(TestImages.Jpeg(2000, 1125));
            Stored = await scope.ServiceProvider.GetRequiredService<MediaStore>()
                .SaveImageAsync(jpeg, "Une place au petit matin", null, null, TestContext.Current.CancellationToken);
        }
        var section = SiteData.Section("Monde", "monde", 1);
        var withRenditions = SiteData.Article(section, "une-photo-avec-ses-declinaisons", "Une photo avec ses déclinaisons");
        withRenditions.LeadImageId = Stored.Id;
        // A row whose file predates renditions: nothing but the original exists for it.
        var legacy = SiteData.Article(section, "une-photo-d-une-ancienne-version", "Une photo d’une ancienne version", SiteData.Published.AddHours(-1));
        legacy.LeadImage = SiteData.Image("/media/2020/01/ancienne.jpg", "Une photo ancienne", 1800, 1000);
        var others = Enumerable.Range(1, 3).Select(i =>
        {
            var a = SiteData.Article(section, $"suite-{i}", $"Suite numéro {i}", SiteData.Published.AddHours(-1 - i));
            a.LeadImageId = Stored.Id;
            return a;
        });
        await App.AddAsync([section, withRenditions, legacy, .. others]);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public sealed class ResponsivePicturesTests(ResponsivePicturesFixture fixture) : IClassFixture<ResponsivePicturesFixture>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static List<(string Url, int Width)> Candidates(string? srcset) =>
        [.. (srcset ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.Split(' ')).Select(p => (p[0], int.Parse(p[1].TrimEnd('w'))))];

    [Fact]
    public async Task Article_lead_picture_lists_the_existing_renditions_and_every_candidate_answers_with_its_type()
    {
        using var client = fixture.App.CreateAnonymousClient();
        var doc = await client.GetDocumentAsync(ResponsivePicturesFixture.StoredPath);

        var picture = doc.QuerySelector("article figure.lead-figure picture") ?? throw new Xunit.Sdk.XunitException("no <picture>");
        var source = Assert.Single(picture.QuerySelectorAll("source"));
        var img = picture.QuerySelector("img")!;
        var stem = fixture.Stored.Url[..^".jpg".Length];

        Assert.Equal("image/webp", source.GetAttribute("type"));
        Assert.Equal([($"{stem}-480.webp", 480), ($"{stem}-960.webp", 960), ($"{stem}-1600.webp", 1600)], Candidates(source.GetAttribute("srcset")));
        Assert.Equal([($"{stem}-480.jpg", 480), ($"{stem}-960.jpg", 960), ($"{stem}-1600.jpg", 1600), (fixture.Stored.Url, 2000)],
            Candidates(img.GetAttribute("srcset")));
        Assert.Equal(fixture.Stored.Url, img.GetAttribute("src"));
        Assert.Equal(source.GetAttribute("sizes"), img.GetAttribute("sizes"));
        Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("sizes")));
        Assert.Equal(("2000", "1125"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal("Une place au petit matin", img.GetAttribute("alt"));
        // The lead image is the page's largest paint: fetched first, never lazily.
        Assert.Null(img.GetAttribute("loading"));
        Assert.Equal("high", img.GetAttribute("fetchpriority"));
        Assert.Equal("async", img.GetAttribute("decoding"));

        foreach (var (url, type) in Candidates(source.GetAttribute("srcset")).Select(c => (c.Url, "image/webp"))
            .Concat(Candidates(img.GetAttribute("srcset")).Select(c => (c.Url, "image/jpeg"))))
        {
            using var response = await client.GetAsync(url, Ct);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task An_image_without_renditions_on_disk_is_offered_as_its_original_only()
    {
        using var client = fixture.App.CreateAnonymousClient();
        var doc = await client.GetDocumentAsync(ResponsivePicturesFixture.LegacyPath);

        Assert.Null(doc.QuerySelector("article figure picture"));
        var img = doc.QuerySelector("article figure.lead-figure img")!;
        Assert.Equal("/media/2020/01/ancienne.jpg", img.GetAttribute("src"));
        Assert.Null(img.GetAttribute("srcset"));
        Assert.Equal(("1800", "1000"), (img.GetAttribute("width"), img.GetAttribute("height")));
    }

    [Fact]
    public async Task Listing_cards_use_pictures_the_first_loaded_at_once_and_the_others_lazily()
    {
        using var client = fixture.App.CreateAnonymousClient();
        var doc = await client.GetDocumentAsync(ResponsivePicturesFixture.SectionPath);

        var images = doc.QuerySelectorAll(".cards .card img.card-image").ToList();
        Assert.Equal(5, images.Count);
        Assert.Null(images[0].GetAttribute("loading"));
        Assert.All(images.Skip(1), i => Assert.Equal("lazy", i.GetAttribute("loading")));
        Assert.All(images, i => Assert.Null(i.GetAttribute("fetchpriority")));

        var pictures = images.Where(i => i.ParentElement is { LocalName: "picture" }).ToList();
        Assert.Equal(4, pictures.Count); // all but the one whose renditions do not exist
        Assert.All(pictures, i =>
        {
            Assert.Equal("image/webp", i.ParentElement!.QuerySelector("source")!.GetAttribute("type"));
            Assert.Equal(4, Candidates(i.GetAttribute("srcset")).Count);
        });
    }

    [Fact]
    public async Task Home_lead_is_a_priority_picture_and_its_section_cards_are_lazy()
    {
        using var client = fixture.App.CreateAnonymousClient();
        var doc = await client.GetDocumentAsync("/");

        var lead = doc.QuerySelector(".lead-story picture img.lead-image") ?? throw new Xunit.Sdk.XunitException("no lead picture");
        Assert.Equal("high", lead.GetAttribute("fetchpriority"));
        Assert.Null(lead.GetAttribute("loading"));
        IEnumerable<IElement> cards = doc.QuerySelectorAll(".home-section img.card-image");
        Assert.NotEmpty(cards);
        Assert.All(cards, i => Assert.Equal("lazy", i.GetAttribute("loading")));
    }

    [Fact]
    public async Task Social_image_stays_the_absolute_url_of_the_original()
    {
        using var client = fixture.App.CreateAnonymousClient();
        var doc = await client.GetDocumentAsync(ResponsivePicturesFixture.StoredPath);

        var og = doc.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!;
        Assert.True(Uri.IsWellFormedUriString(og, UriKind.Absolute), og);
        Assert.EndsWith(fixture.Stored.Url, og, StringComparison.Ordinal);
    }
}
