using Ganss.Xss;

namespace Kiosque.Content;

/// <summary>
/// The allow-list every stored HTML passes through: article bodies, pages, bios. Scripts, event handlers,
/// styles and javascript: URLs never survive; relative URLs stay relative.
/// </summary>
public sealed class HtmlSanitizing
{
    readonly HtmlSanitizer sanitizer;

    public HtmlSanitizing()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup", "mark", "small",
                "a", "ul", "ol", "li", "blockquote", "q", "cite", "figure", "figcaption", "img", "hr", "pre", "code",
                "table", "thead", "tbody", "tr", "th", "td", "caption", "abbr", "time", "span",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "title", "src", "alt", "width", "height", "lang", "datetime", "colspan", "rowspan", "scope", "cite",
                "class",
            },
            // The newsroom editor marks video embeds <figure class="embed"><a href="VIDEO_URL">…</a></figure> for the
            // reader site to turn into a player; no other class survives, so authors cannot borrow the site's styles.
            AllowedClasses = new HashSet<string>(StringComparer.Ordinal) { "embed" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "cite" },
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        // Unknown wrappers (div, section, font…) give way to their text, but what scripts, styles and embeds
        // hold is code or markup, never prose: drop it whole instead of leaving "alert(1)" in the article.
        sanitizer.RemovingTag += (_, e) =>
        {
            if (e.Tag.LocalName is "script" or "style" or "template" or "noscript" or "iframe" or "object" or "embed" or "svg" or "math" or "textarea" or "select")
                foreach (var child in e.Tag.ChildNodes.ToList()) e.Tag.RemoveChild(child);
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            // External links open in place but never leak the newsroom's referrer or opener.
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement a && a.Href.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                a.SetAttribute("rel", "noopener noreferrer");
            if (e.Node is AngleSharp.Dom.IElement element && element.HasAttribute("class")
                && (element.LocalName != "figure" || string.IsNullOrWhiteSpace(element.GetAttribute("class"))))
                element.RemoveAttribute("class");
        };
    }

    public string Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? "" : sanitizer.Sanitize(html).Trim();
}
