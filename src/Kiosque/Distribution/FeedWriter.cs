using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Kiosque.Distribution;

/// <summary>What a feed document needs besides its items; every URL in it is absolute.</summary>
public sealed record FeedContext(SiteInfo Site, string BaseUrl, string Title, string Description, string PageUrl, string SelfUrl, DateTime Updated);

/// <summary>
/// RSS 2.0, Atom 1.0 and podcast (RSS 2.0 + iTunes) documents written with XmlWriter. Content stores site-relative
/// URLs: links, images and the href/src attributes inside bodies are made absolute here, since readers have no base.
/// </summary>
public static partial class FeedWriter
{
    public const string AtomNs = "http://www.w3.org/2005/Atom";
    public const string MediaNs = "http://search.yahoo.com/mrss/";
    public const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    public const string DcNs = "http://purl.org/dc/elements/1.1/";
    public const string ItunesNs = "http://www.itunes.com/dtds/podcast-1.0.dtd";

    /// <summary>Stable across edits, slug and section changes, and domain moves: only the article's id.</summary>
    public static string ItemId(int articleId) => "urn:kiosque:article:" + articleId.ToString(CultureInfo.InvariantCulture);

    public static byte[] Rss(FeedContext feed, IReadOnlyList<FeedItem> items) => Write(w =>
    {
        w.WriteStartElement("rss");
        w.WriteAttributeString("version", "2.0");
        w.WriteAttributeString("xmlns", "atom", null, AtomNs);
        w.WriteAttributeString("xmlns", "media", null, MediaNs);
        w.WriteAttributeString("xmlns", "content", null, ContentNs);
        w.WriteAttributeString("xmlns", "dc", null, DcNs);
        w.WriteStartElement("channel");
        ChannelHead(w, feed);
        foreach (var item in items)
        {
            w.WriteStartElement("item");
            var url = Absolute(feed.BaseUrl, item.Path);
            w.WriteElementString("title", item.Headline);
            w.WriteElementString("link", url);
            w.WriteElementString("description", item.Standfirst);
            if (feed.Site.FullText)
            {
                w.WriteStartElement("encoded", ContentNs);
                w.WriteCData(AbsoluteBody(feed.BaseUrl, item.BodyHtml));
                w.WriteEndElement();
            }
            foreach (var author in item.Authors) w.WriteElementString("creator", DcNs, author);
            w.WriteElementString("category", item.SectionName);
            foreach (var tag in item.Tags) w.WriteElementString("category", tag);
            WriteGuid(w, item.Id);
            w.WriteElementString("pubDate", Rfc822(item.PublishedAt));
            if (item.Image is { } image)
            {
                w.WriteStartElement("enclosure");
                w.WriteAttributeString("url", Absolute(feed.BaseUrl, image.Url));
                w.WriteAttributeString("length", image.Length.ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("type", image.ContentType);
                w.WriteEndElement();
                MediaContent(w, feed.BaseUrl, image);
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
    });

    public static byte[] Atom(FeedContext feed, IReadOnlyList<FeedItem> items) => Write(w =>
    {
        w.WriteStartElement("feed", AtomNs);
        w.WriteAttributeString("xml", "lang", null, feed.Site.Language);
        w.WriteAttributeString("xmlns", "media", null, MediaNs);
        w.WriteElementString("id", AtomNs, feed.SelfUrl);
        w.WriteElementString("title", AtomNs, feed.Title);
        if (!string.IsNullOrWhiteSpace(feed.Description)) w.WriteElementString("subtitle", AtomNs, feed.Description);
        w.WriteElementString("updated", AtomNs, W3c(feed.Updated));
        AtomLink(w, "alternate", feed.PageUrl, "text/html");
        AtomLink(w, "self", feed.SelfUrl, "application/atom+xml");
        // Atom requires an author on the feed or on every entry; the site stands in for unsigned pieces.
        w.WriteStartElement("author", AtomNs);
        w.WriteElementString("name", AtomNs, feed.Site.Name);
        w.WriteEndElement();
        w.WriteStartElement("generator", AtomNs);
        w.WriteString("Kiosque");
        w.WriteEndElement();
        foreach (var item in items)
        {
            w.WriteStartElement("entry", AtomNs);
            w.WriteElementString("id", AtomNs, ItemId(item.Id));
            w.WriteElementString("title", AtomNs, item.Headline);
            w.WriteElementString("published", AtomNs, W3c(item.PublishedAt));
            w.WriteElementString("updated", AtomNs, W3c(item.ModifiedAt));
            AtomLink(w, "alternate", Absolute(feed.BaseUrl, item.Path), "text/html");
            foreach (var author in item.Authors)
            {
                w.WriteStartElement("author", AtomNs);
                w.WriteElementString("name", AtomNs, author);
                w.WriteEndElement();
            }
            foreach (var term in item.Tags.Prepend(item.SectionName))
            {
                w.WriteStartElement("category", AtomNs);
                w.WriteAttributeString("term", term);
                w.WriteEndElement();
            }
            if (!string.IsNullOrWhiteSpace(item.Standfirst))
            {
                w.WriteStartElement("summary", AtomNs);
                w.WriteAttributeString("type", "text");
                w.WriteString(item.Standfirst);
                w.WriteEndElement();
            }
            if (feed.Site.FullText)
            {
                w.WriteStartElement("content", AtomNs);
                w.WriteAttributeString("type", "html");
                w.WriteString(AbsoluteBody(feed.BaseUrl, item.BodyHtml));
                w.WriteEndElement();
            }
            if (item.Image is { } image)
            {
                w.WriteStartElement("link", AtomNs);
                w.WriteAttributeString("rel", "enclosure");
                w.WriteAttributeString("href", Absolute(feed.BaseUrl, image.Url));
                w.WriteAttributeString("type", image.ContentType);
                w.WriteAttributeString("length", image.Length.ToString(CultureInfo.InvariantCulture));
                w.WriteEndElement();
                MediaContent(w, feed.BaseUrl, image);
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    });

    /// <summary>An RSS 2.0 podcast with the tags Apple Podcasts and Spotify require; episodes are the items with audio.</summary>
    public static byte[] Podcast(FeedContext feed, IReadOnlyList<FeedItem> episodes, DistributionOptions options) => Write(w =>
    {
        w.WriteStartElement("rss");
        w.WriteAttributeString("version", "2.0");
        w.WriteAttributeString("xmlns", "itunes", null, ItunesNs);
        w.WriteAttributeString("xmlns", "atom", null, AtomNs);
        w.WriteAttributeString("xmlns", "content", null, ContentNs);
        w.WriteStartElement("channel");
        ChannelHead(w, feed);
        var author = string.IsNullOrWhiteSpace(options.PodcastOwnerName) ? feed.Site.Name : options.PodcastOwnerName;
        w.WriteElementString("author", ItunesNs, author);
        w.WriteElementString("summary", ItunesNs, feed.Description);
        w.WriteElementString("type", ItunesNs, "episodic");
        w.WriteStartElement("owner", ItunesNs);
        w.WriteElementString("name", ItunesNs, author);
        if (!string.IsNullOrWhiteSpace(options.PodcastOwnerEmail)) w.WriteElementString("email", ItunesNs, options.PodcastOwnerEmail);
        w.WriteEndElement();
        var artwork = options.PodcastImageUrl ?? episodes.FirstOrDefault(e => e.Image is not null)?.Image?.Url;
        if (artwork is not null)
        {
            w.WriteStartElement("image", ItunesNs);
            w.WriteAttributeString("href", Absolute(feed.BaseUrl, artwork));
            w.WriteEndElement();
        }
        w.WriteStartElement("category", ItunesNs);
        w.WriteAttributeString("text", options.PodcastCategory);
        w.WriteEndElement();
        w.WriteElementString("explicit", ItunesNs, "false");
        foreach (var episode in episodes)
        {
            w.WriteStartElement("item");
            w.WriteElementString("title", episode.Headline);
            w.WriteElementString("title", ItunesNs, episode.Headline);
            w.WriteElementString("link", Absolute(feed.BaseUrl, episode.Path));
            w.WriteElementString("description", episode.Standfirst);
            w.WriteElementString("summary", ItunesNs, episode.Standfirst);
            if (!string.IsNullOrWhiteSpace(episode.Transcript))
            {
                w.WriteStartElement("encoded", ContentNs);
                w.WriteCData(AbsoluteBody(feed.BaseUrl, episode.Transcript));
                w.WriteEndElement();
            }
            WriteGuid(w, episode.Id);
            w.WriteElementString("pubDate", Rfc822(episode.PublishedAt));
            w.WriteStartElement("enclosure");
            w.WriteAttributeString("url", Absolute(feed.BaseUrl, episode.AudioUrl!));
            w.WriteAttributeString("length", (episode.AudioLength ?? 0).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("type", AudioType(episode.AudioUrl!));
            w.WriteEndElement();
            if (episode.AudioDurationSeconds is { } seconds) w.WriteElementString("duration", ItunesNs, Duration(seconds));
            if (episode.Authors.Count > 0) w.WriteElementString("author", ItunesNs, string.Join(", ", episode.Authors));
            if (episode.Image is { } image)
            {
                w.WriteStartElement("image", ItunesNs);
                w.WriteAttributeString("href", Absolute(feed.BaseUrl, image.Url));
                w.WriteEndElement();
            }
            w.WriteElementString("explicit", ItunesNs, "false");
            w.WriteElementString("episodeType", ItunesNs, "full");
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
    });

    static void ChannelHead(XmlWriter w, FeedContext feed)
    {
        w.WriteElementString("title", feed.Title);
        w.WriteElementString("link", feed.PageUrl);
        w.WriteElementString("description", feed.Description);
        w.WriteElementString("language", feed.Site.Language);
        w.WriteElementString("lastBuildDate", Rfc822(feed.Updated));
        w.WriteElementString("generator", "Kiosque");
        w.WriteStartElement("link", AtomNs);
        w.WriteAttributeString("rel", "self");
        w.WriteAttributeString("href", feed.SelfUrl);
        w.WriteAttributeString("type", "application/rss+xml");
        w.WriteEndElement();
    }

    static void WriteGuid(XmlWriter w, int id)
    {
        w.WriteStartElement("guid");
        w.WriteAttributeString("isPermaLink", "false");
        w.WriteString(ItemId(id));
        w.WriteEndElement();
    }

    static void MediaContent(XmlWriter w, string baseUrl, FeedImage image)
    {
        w.WriteStartElement("content", MediaNs);
        w.WriteAttributeString("url", Absolute(baseUrl, image.Url));
        w.WriteAttributeString("type", image.ContentType);
        w.WriteAttributeString("medium", "image");
        if (image.Length > 0) w.WriteAttributeString("fileSize", image.Length.ToString(CultureInfo.InvariantCulture));
        if (image.Width > 0) w.WriteAttributeString("width", image.Width.ToString(CultureInfo.InvariantCulture));
        if (image.Height > 0) w.WriteAttributeString("height", image.Height.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(image.Alt))
        {
            w.WriteStartElement("description", MediaNs);
            w.WriteAttributeString("type", "plain");
            w.WriteString(image.Alt);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    static void AtomLink(XmlWriter w, string rel, string href, string type)
    {
        w.WriteStartElement("link", AtomNs);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", href);
        w.WriteAttributeString("type", type);
        w.WriteEndElement();
    }

    public static byte[] Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            w.WriteStartDocument();
            body(w);
            w.WriteEndDocument();
        }
        return stream.ToArray();
    }

    public static string Absolute(string baseUrl, string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? baseUrl + url : url;

    /// <summary>href="/…" and src="/…" (not protocol-relative "//…") get the site's address in front.</summary>
    public static string AbsoluteBody(string baseUrl, string html) =>
        RelativeUrl().Replace(html, m => m.Groups["attr"].Value + m.Groups["quote"].Value + baseUrl + "/");

    public static string Rfc822(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    /// <summary>W3C datetime (RFC 3339) in UTC, to the second: what Atom and sitemaps want.</summary>
    public static string W3c(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>iTunes durations read as HH:MM:SS.</summary>
    public static string Duration(int seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}");
    }

    public static string AudioType(string url) => Path.GetExtension(url.Split('?', '#')[0]).ToLowerInvariant() switch
    {
        ".m4a" => "audio/x-m4a",
        ".mp4" => "audio/mp4",
        ".ogg" or ".oga" => "audio/ogg",
        ".opus" => "audio/opus",
        ".wav" => "audio/wav",
        _ => "audio/mpeg",
    };

    [GeneratedRegex("""(?<attr>\b(?:href|src)\s*=\s*)(?<quote>["'])/(?!/)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeUrl();
}
