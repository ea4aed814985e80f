using System.Globalization;
using System.Net;
using Kiosque.Api;
using Kiosque.Content.Workflow;
using Kiosque.Tests.Accounts;
using Kiosque.Tests.Infrastructure;
using Kiosque.Tests.Site;

namespace Kiosque.Tests.Newsroom;

/// <summary>"?page=" on the media library and the audit log: Razor Pages' own "page" route value must not shadow it.</summary>
public sealed class NewsroomPagingTests : IAsyncLifetime
{
    KiosqueApp app = null!;
    NewsroomSession admin = null!;

    public async ValueTask InitializeAsync()
    {
        app = await KiosqueApp.CreateAsync();
        admin = await NewsroomSession.SignedInAsync(app, "pages@example.org", Roles.Admin);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Second_page_of_the_media_library_and_journal_shows_the_rest_without_an_error()
    {
        var images = Enumerable.Range(1, 25).Select(i =>
        {
            var image = SiteData.Image($"/media/2026/11/p{i}.jpg", $"Image numéro {i}");
            image.CreatedAt = SiteData.Published.AddMinutes(i);
            return image;
        }).ToArray<object>();
        var entries = Enumerable.Range(1, 120).Select(i => new AuditEntry
        {
            At = SiteData.Published.AddMinutes(i), ActorId = "t", ActorName = "Test", Action = "section.updated",
            EntityType = "section", EntityId = i.ToString(CultureInfo.InvariantCulture), Summary = $"Entrée {i}",
        }).ToArray<object>();
        await app.AddAsync([.. images, .. entries]);

        var (status, media) = await admin.GetAsync("/newsroom/medias?page=2");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(media.QuerySelectorAll(".nr-errors li"), li => li.TextContent.Trim().Length > 0);
        Assert.Equal("Image numéro 1", Assert.Single(media.QuerySelectorAll(".nr-media-grid img")).GetAttribute("alt"));

        var (_, first) = await admin.GetAsync("/newsroom/journal");
        var (_, second) = await admin.GetAsync("/newsroom/journal?page=2");
        Assert.NotEqual(first.QuerySelector("table.nr-audit tbody")!.TextContent, second.QuerySelector("table.nr-audit tbody")!.TextContent);
    }
}
