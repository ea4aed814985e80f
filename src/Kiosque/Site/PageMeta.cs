using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Kiosque.Site;

public sealed record MetaImage(string Url, int Width, int Height, string Alt);

/// <summary>A feed the page announces with &lt;link rel="alternate"&gt;; Url is site-relative.</summary>
public sealed record FeedLink(string Title, string Url, string Type);

/// <summary>What the layout puts in &lt;head&gt;: title, description, canonical URL, OpenGraph/Twitter and JSON-LD.</summary>
public sealed record PageMeta
{
    public string Title { get; init; } = "";
    /// <summary>og:title and twitter:title, without the site name; the page title when null.</summary>
    public string? SocialTitle { get; init; }
    public string? Description { get; init; }
    /// <summary>Site-relative; made absolute by the layout. Null on error pages, which have no canonical URL.</summary>
    public string? CanonicalPath { get; init; }
    public string OpenGraphType { get; init; } = "website";
    public MetaImage? Image { get; init; }
    public string? PublishedTime { get; init; }
    public string? ModifiedTime { get; init; }
    public string? Section { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? JsonLd { get; init; }
    public bool NoIndex { get; init; }
    /// <summary>The feeds of what the page lists (section, dossier, author, tag), besides the site's own.</summary>
    public IReadOnlyList<FeedLink> Feeds { get; init; } = [];
}

public static class Titles
{
    /// <summary>French typography wants a no-break space before the colon.</summary>
    public const char NoBreakSpace = '\u00A0';

    public static string ForArticle(string kicker, string headline, string siteName) =>
        string.IsNullOrWhiteSpace(kicker)
            ? $"{headline} | {siteName}"
            : $"{kicker}{NoBreakSpace}: {headline} | {siteName}";

    public static string ForPage(string name, string siteName) => $"{name} | {siteName}";

    public static string ForHome(string siteName, string tagline) =>
        string.IsNullOrWhiteSpace(tagline) ? siteName : $"{siteName} — {tagline}";
}

public static class JsonLd
{
    // The default encoder escapes <, >, & and quotes as \u003C…, so "</script>" in a headline can never close
    // the script element; accented letters stay readable.
    static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(object value) => JsonSerializer.Serialize(value, Options);

    public static string NewsArticle(ArticleView article, SiteContext site)
    {
        var url = site.Absolute(article.Path);
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = SchemaType(article.WorkType),
            ["genre"] = article.WorkTypeLabel,
            ["headline"] = article.Headline,
            ["description"] = NullIfEmpty(article.SeoDescription ?? article.Standfirst),
            ["image"] = article.Image is null ? null : new[] { site.Absolute(article.Image.Url) },
            ["datePublished"] = site.Iso(article.PublishedAt),
            ["dateModified"] = site.Iso(article.ModifiedAt),
            ["author"] = article.Authors.Select(a => new Dictionary<string, object?>
            {
                ["@type"] = "Person",
                ["name"] = a.Name,
                ["url"] = site.Absolute($"/auteurs/{a.Slug}"),
            }).ToArray(),
            ["publisher"] = new Dictionary<string, object?>
            {
                ["@type"] = "NewsMediaOrganization",
                ["name"] = site.Settings.Name,
                ["url"] = site.Absolute("/"),
            },
            ["mainEntityOfPage"] = new Dictionary<string, object?> { ["@type"] = "WebPage", ["@id"] = url },
            ["url"] = url,
            ["articleSection"] = article.SectionName,
            ["keywords"] = article.Tags.Count == 0 ? null : article.Tags.Select(t => t.Name).ToArray(),
            ["inLanguage"] = site.Language,
        };
        return Serialize(data.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value));
    }

    /// <summary>schema.org's NewsArticle subtypes for the Trust Project's types of work; interviews have none.</summary>
    public static string SchemaType(Kiosque.Content.WorkType type) => type switch
    {
        Kiosque.Content.WorkType.Analysis => "AnalysisNewsArticle",
        Kiosque.Content.WorkType.Opinion => "OpinionNewsArticle",
        Kiosque.Content.WorkType.Review => "ReviewNewsArticle",
        _ => "NewsArticle",
    };

    static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
