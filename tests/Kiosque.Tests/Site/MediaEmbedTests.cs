using Kiosque.Site;

namespace Kiosque.Tests.Site;

public sealed class MediaEmbedTests
{
    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/embed/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1")]
    [InlineData("https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871?dnt=1")]
    [InlineData("https://www.dailymotion.com/video/x8abcd1", "https://geo.dailymotion.com/player.html?video=x8abcd1")]
    [InlineData("https://dai.ly/x8abcd1", "https://geo.dailymotion.com/player.html?video=x8abcd1")]
    public void Allow_listed_players_become_privacy_friendly_iframes(string url, string src)
    {
        var embed = MediaEmbeds.ForVideo(url);
        Assert.Equal(new MediaEmbed(EmbedKind.Iframe, src), embed);
    }

    [Fact]
    public void A_site_relative_mp4_becomes_a_video_element() =>
        Assert.Equal(new MediaEmbed(EmbedKind.Video, "/media/2026/11/reportage.mp4"), MediaEmbeds.ForVideo("/media/2026/11/reportage.mp4"));

    [Theory]
    [InlineData("https://evil.example/embed/abc")]
    [InlineData("javascript:alert(1)")]
    [InlineData("//evil.example/video.mp4")]
    [InlineData("https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/watch?v=%22%3E%3Cscript%3E")]
    [InlineData("https://vimeo.com/not-a-number")]
    [InlineData("/media/../../etc/passwd.mp4")]
    [InlineData("/media/clip.webm")]
    [InlineData("")]
    public void Anything_else_is_never_embedded(string url) => Assert.Null(MediaEmbeds.ForVideo(url));

    [Theory]
    [InlineData(2525, "42 min 05 s")]
    [InlineData(3725, "1 h 02 min 05 s")]
    [InlineData(59, "0 min 59 s")]
    public void Durations_read_the_french_way(int seconds, string expected) => Assert.Equal(expected, MediaEmbeds.Duration(seconds));
}
