using System.Text.RegularExpressions;

namespace Kiosque.Site;

public enum EmbedKind { Iframe, Video }

public sealed record MediaEmbed(EmbedKind Kind, string Src);

/// <summary>
/// Turns an article's video URL into something safe to embed: an iframe only for the allow-listed players
/// (in their privacy-friendly forms), a &lt;video&gt; element for a site-relative MP4, nothing otherwise.
/// </summary>
public static partial class MediaEmbeds
{
    public static MediaEmbed? ForVideo(string? videoUrl)
    {
        if (string.IsNullOrWhiteSpace(videoUrl)) return null;
        var url = videoUrl.Trim();
        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        {
            var path = url.Split('?', '#')[0];
            return path.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase) && !path.Contains("..", StringComparison.Ordinal)
                ? new MediaEmbed(EmbedKind.Video, url)
                : null;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")) return null;
        var host = uri.Host.ToLowerInvariant();
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);

        string? id;
        switch (host)
        {
            case "youtube.com" or "www.youtube.com" or "m.youtube.com" or "youtube-nocookie.com" or "www.youtube-nocookie.com":
                id = segments is ["watch"] ? QueryValue(uri.Query, "v")
                    : segments is ["embed" or "shorts" or "live", var s, ..] ? s : null;
                return id is not null && YouTubeId().IsMatch(id)
                    ? new MediaEmbed(EmbedKind.Iframe, $"https://www.youtube-nocookie.com/embed/{id}") : null;
            case "youtu.be":
                id = segments.FirstOrDefault();
                return id is not null && YouTubeId().IsMatch(id)
                    ? new MediaEmbed(EmbedKind.Iframe, $"https://www.youtube-nocookie.com/embed/{id}") : null;
            case "vimeo.com" or "www.vimeo.com" or "player.vimeo.com":
                id = segments is ["video", var v, ..] ? v : segments.LastOrDefault();
                return id is not null && Digits().IsMatch(id)
                    ? new MediaEmbed(EmbedKind.Iframe, $"https://player.vimeo.com/video/{id}?dnt=1") : null;
            case "dailymotion.com" or "www.dailymotion.com" or "dai.ly" or "geo.dailymotion.com":
                id = host == "dai.ly" ? segments.FirstOrDefault()
                    : segments is ["video" or "embed", ..] ? segments[^1]
                    : QueryValue(uri.Query, "video");
                return id is not null && DailymotionId().IsMatch(id)
                    ? new MediaEmbed(EmbedKind.Iframe, $"https://geo.dailymotion.com/player.html?video={id}") : null;
            default:
                return null;
        }
    }

    /// <summary>2525 → "42 min 05 s"; 3725 → "1 h 02 min 05 s".</summary>
    public static string Duration(int seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return t.TotalHours >= 1
            ? $"{(int)t.TotalHours} h {t.Minutes:00} min {t.Seconds:00} s"
            : $"{t.Minutes} min {t.Seconds:00} s";
    }

    static string? QueryValue(string query, string name)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0] == name) return Uri.UnescapeDataString(parts[1]);
        }
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YouTubeId();

    [GeneratedRegex("^[0-9]{1,12}$")]
    private static partial Regex Digits();

    [GeneratedRegex("^[A-Za-z0-9]{1,20}$")]
    private static partial Regex DailymotionId();
}
