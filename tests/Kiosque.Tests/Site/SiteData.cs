using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Kiosque.Content;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Tests.Site;

/// <summary>Small builders for the reader-site tests; each test class inserts its own data with them.</summary>
static class SiteData
{
    /// <summary>Monday 19 December 2022, 14:05 in Paris.</summary>
    public static readonly DateTime Published = new(2022, 12, 19, 13, 5, 0, DateTimeKind.Utc);

    public static Section Section(string name, string slug, int position, SectionKind kind = SectionKind.Standard) =>
        new() { Name = name, Slug = slug, Position = position, Kind = kind };

    public static MediaItem Image(string url, string alt, int width = 1200, int height = 675) => new()
    {
        Url = url, StoragePath = url.TrimStart('/'), ContentType = "image/jpeg", Length = 1000,
        Width = width, Height = height, Alt = alt, CreatedAt = Published,
    };

    public static Article Article(Section section, string slug, string headline, DateTime? publishedAt = null,
        ArticleStatus status = ArticleStatus.Published) => new()
    {
        Section = section,
        Slug = slug,
        Headline = headline,
        Standfirst = $"Chapô de « {headline} ».",
        BodyHtml = $"<p>Corps de l’article « {headline} ».</p>",
        Status = status,
        PublishedAt = publishedAt ?? Published,
        CreatedAt = (publishedAt ?? Published).AddHours(-2),
        UpdatedAt = publishedAt ?? Published,
    };

    public static async Task UpdateSettingsAsync(this KiosqueApp app, Action<SiteSettings> change) =>
        await app.WithDbAsync(async db =>
        {
            var settings = await db.SiteSettings.SingleAsync();
            change(settings);
            await db.SaveChangesAsync();
            return 0;
        });

    public static async Task AddAsync(this KiosqueApp app, params object[] entities) =>
        await app.WithDbAsync(async db =>
        {
            db.AddRange(entities);
            await db.SaveChangesAsync();
            return 0;
        });

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url, int expectedStatus = 200)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expectedStatus == (int)response.StatusCode, $"GET {url}: expected {expectedStatus}, got {(int)response.StatusCode}\n{html}");
        return new HtmlParser().ParseDocument(html);
    }
}
