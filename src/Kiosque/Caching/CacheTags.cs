using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace Kiosque.Caching;

/// <summary>
/// The tags cached responses carry; evicting a tag drops every response that carries it. A page is tagged with
/// what it is (its section, author …) and with every article it shows, so that a change to an article drops
/// every page where the article appears — lists, "À lire aussi" blocks and its own page — and nothing else.
/// </summary>
public static class CacheTags
{
    /// <summary>Every cached response: a settings or navigation change evicts this.</summary>
    public const string Site = "site";
    public const string Home = "home";
    public const string Feeds = "feeds";
    public const string Sitemaps = "sitemaps";
    public const string Search = "search";

    public const string ArticlePrefix = "article:";
    public static string Article(int id) => ArticlePrefix + id.ToString(CultureInfo.InvariantCulture);
    public static string Section(int id) => "section:" + id.ToString(CultureInfo.InvariantCulture);
    public static string Dossier(int id) => "dossier:" + id.ToString(CultureInfo.InvariantCulture);
    public static string Author(int id) => "author:" + id.ToString(CultureInfo.InvariantCulture);
    /// <summary>Tags are looked up by slug on the site.</summary>
    public static string Tag(string slug) => "tag:" + slug;

    /// <summary>Adds tags to the response being cached; does nothing when output caching is off or skipped this request.</summary>
    public static void TagResponse(this HttpContext http, params IEnumerable<string> tags)
    {
        if (http.Features.Get<IOutputCacheFeature>()?.Context is not { } context) return;
        foreach (var tag in tags) context.Tags.Add(tag);
    }

    /// <summary>The page shows these articles: a change to any of them evicts it.</summary>
    public static void TagArticles(this HttpContext http, IEnumerable<int> articleIds) =>
        http.TagResponse(articleIds.Select(Article));
}
