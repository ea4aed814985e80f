using System.Net;
using Kiosque.Api;
using Kiosque.Content;
using Kiosque.Tests.Infrastructure;
using Kiosque.Tests.Site;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Distribution;

/// <summary>Episode pages: player, duration and transcript; video pages: the embedded player.</summary>
public sealed class PodcastAndVideoPageTests
{
    [Fact]
    public async Task An_episode_page_has_an_audio_player_its_duration_and_a_folded_transcript()
    {
        var site = await DistributionSite.CreateAsync();
        await using var app = site.App;
        var doc = await app.CreateAnonymousClient().GetDocumentAsync("/podcasts/episode-1");

        Assert.Equal("/media/podcasts/episode-1.mp3", doc.QuerySelector("figure.podcast audio[controls]")!.GetAttribute("src"));
        Assert.Equal("PT3725S", doc.QuerySelector("figure.podcast time")!.GetAttribute("datetime"));
        Assert.Equal("1 h 02 min 05 s", doc.QuerySelector("figure.podcast time")!.TextContent);
        var transcript = doc.QuerySelector("details.transcript")!;
        Assert.Equal("Transcription", transcript.QuerySelector("summary")!.TextContent);
        Assert.Equal("Bonjour et bienvenue dans La Loupe.", transcript.QuerySelector("p")!.TextContent);
    }

    [Fact]
    public async Task A_video_page_embeds_an_uploaded_mp4_with_the_lead_image_as_poster_or_a_privacy_friendly_player()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var videos = SiteData.Section("Vidéos", "videos", 1, SectionKind.Video);
        var mp4 = SiteData.Article(videos, "reportage", "Un reportage filmé");
        mp4.VideoUrl = "/media/videos/reportage.mp4";
        mp4.LeadImage = SiteData.Image("/media/2026/11/affiche.jpg", "Affiche");
        var youtube = SiteData.Article(videos, "entretien", "Un entretien filmé");
        youtube.VideoUrl = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
        var vimeo = SiteData.Article(videos, "vimeo", "Sur Vimeo");
        vimeo.VideoUrl = "https://vimeo.com/76979871";
        var dailymotion = SiteData.Article(videos, "dailymotion", "Sur Dailymotion");
        dailymotion.VideoUrl = "https://www.dailymotion.com/video/x8abc12";
        await app.AddAsync(videos, mp4, youtube, vimeo, dailymotion);
        var client = app.CreateAnonymousClient();

        var video = (await client.GetDocumentAsync("/videos/reportage")).QuerySelector(".video-embed video[controls]")!;
        Assert.Equal("/media/videos/reportage.mp4", video.GetAttribute("src"));
        Assert.Equal("/media/2026/11/affiche.jpg", video.GetAttribute("poster"));
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            (await client.GetDocumentAsync("/videos/entretien")).QuerySelector(".video-embed iframe")!.GetAttribute("src"));
        Assert.Equal("https://player.vimeo.com/video/76979871?dnt=1",
            (await client.GetDocumentAsync("/videos/vimeo")).QuerySelector(".video-embed iframe")!.GetAttribute("src"));
        Assert.Equal("https://geo.dailymotion.com/player.html?video=x8abc12",
            (await client.GetDocumentAsync("/videos/dailymotion")).QuerySelector(".video-embed iframe")!.GetAttribute("src"));
    }

    [Fact]
    public async Task The_api_takes_and_returns_a_sanitized_transcript()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var admin = await app.CreateApiClientAsync(Roles.Admin);
        await admin.CreateSectionAsync("Podcasts", "podcasts", "podcast");
        var id = await admin.CreateArticleAsync(new
        {
            section = "podcasts", headline = "Épisode 2", audioUrl = "/media/podcasts/2.mp3", audioLength = 1000, audioDurationSeconds = 60,
            transcript = "<p>Bonjour <script>alert(1)</script>à tous.</p>",
        });
        var article = await (await admin.GetPathAsync($"/api/v1/articles/{id}")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("<p>Bonjour à tous.</p>", article.GetProperty("transcript").GetString());
    }
}
