using System.Globalization;
using System.Text;

namespace Kiosque.Content;

public static class Slugs
{
    /// <summary>Words that are routes of their own and so cannot be a section's or a page's slug.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "api", "newsroom", "openapi", "healthz", "media", "dossiers", "auteurs", "tags", "recherche", "newsletter",
        "rss.xml", "atom.xml", "sitemap.xml", "sitemap-news.xml", "robots.txt", "favicon.ico", "css", "js", "img",
        "lib", "assets", "error", "erreur", "index", "page", "feed", "comments", "commentaires", "readyz", "metrics",
    };

    /// <summary>"Guerre en Ukraine : l’OTAN s’inquiète" → "guerre-en-ukraine-l-otan-s-inquiete".</summary>
    public static string From(string text, int maxLength = 120)
    {
        var decomposed = text.Trim().ToLowerInvariant()
            .Replace("œ", "oe", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal)
            .Replace("ß", "ss", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > maxLength) slug = slug[..maxLength].TrimEnd('-');
        return slug;
    }

    public static bool IsValid(string slug) =>
        slug.Length is > 0 and <= 200 && slug == From(slug, 200);
}
