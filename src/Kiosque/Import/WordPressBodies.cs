using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Kiosque.Site;

namespace Kiosque.Import;

/// <summary>An attachment as bodies refer to it: its address (the copied file's when there is one), alt and caption.</summary>
public sealed record AttachmentRef(string Url, string Alt, string? Caption);

/// <summary>
/// Turns a WordPress body into the HTML our editor writes, before it goes through the sanitizer: Gutenberg block
/// comments removed, [caption], [gallery] and [embed] shortcodes and bare video URLs converted, and classic-editor
/// text given paragraphs the way wpautop does.
/// </summary>
public static partial class WordPressBodies
{
    public static string Convert(string content, IReadOnlyDictionary<long, AttachmentRef> attachments,
        IReadOnlyList<long> childAttachments, IReadOnlyDictionary<string, string> movedUrls)
    {
        if (string.IsNullOrWhiteSpace(content)) return "";
        var isBlocks = content.Contains("<!-- wp:", StringComparison.Ordinal);
        var html = BlockComment().Replace(content.Replace("\r\n", "\n", StringComparison.Ordinal), "");
        html = Caption().Replace(html, m => CaptionFigure(m.Groups["attrs"].Value, m.Groups["inner"].Value));
        html = Gallery().Replace(html, m => GalleryFigure(m.Groups["attrs"].Value, attachments, childAttachments));
        html = Embed().Replace(html, m => EmbedHtml(WebUtility.HtmlDecode(m.Groups["url"].Value.Trim())));
        html = BareUrlLine().Replace(html, m => EmbedHtml(WebUtility.HtmlDecode(m.Groups["url"].Value)));
        if (!isBlocks) html = AutoParagraphs(html);
        if (movedUrls.Count > 0)
            html = UrlAttribute().Replace(html, m => movedUrls.TryGetValue(WebUtility.HtmlDecode(m.Groups["url"].Value), out var moved)
                ? $"{m.Groups["name"].Value}=\"{WebUtility.HtmlEncode(moved)}\"" : m.Value);
        return html;
    }

    /// <summary>[caption id="…" caption="text"]&lt;img …&gt; text[/caption] → a figure with its caption.</summary>
    static string CaptionFigure(string attrs, string inner)
    {
        inner = inner.Trim();
        var image = ImageOrLinkedImage().Match(inner);
        var media = image.Success ? image.Value : "";
        var text = image.Success ? inner.Remove(image.Index, image.Length) : inner;
        if (string.IsNullOrWhiteSpace(text)) text = Attribute(attrs, "caption") ?? "";
        var caption = string.IsNullOrWhiteSpace(text) ? "" : $"<figcaption>{text.Trim()}</figcaption>";
        return $"\n\n<figure>{media}{caption}</figure>\n\n";
    }

    /// <summary>[gallery ids="1,2"] (or the post's own attachments) → a figure of images, each with its caption.</summary>
    static string GalleryFigure(string attrs, IReadOnlyDictionary<long, AttachmentRef> attachments, IReadOnlyList<long> children)
    {
        var ids = Attribute(attrs, "ids") is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => long.TryParse(s, out var id) ? id : 0).Where(id => id > 0).ToList()
            : (IReadOnlyList<long>)children;
        if (Attribute(attrs, "exclude") is { } excluded)
        {
            var skip = excluded.Split(',', StringSplitOptions.TrimEntries).ToHashSet();
            ids = [.. ids.Where(id => !skip.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        }
        var sb = new StringBuilder();
        foreach (var id in ids)
        {
            if (!attachments.TryGetValue(id, out var a) || !IsImage(a.Url)) continue;
            sb.Append("<figure><img src=\"").Append(WebUtility.HtmlEncode(a.Url)).Append("\" alt=\"")
                .Append(WebUtility.HtmlEncode(a.Alt)).Append("\">");
            if (!string.IsNullOrWhiteSpace(a.Caption)) sb.Append("<figcaption>").Append(WebUtility.HtmlEncode(a.Caption)).Append("</figcaption>");
            sb.Append("</figure>");
        }
        return sb.Length == 0 ? "" : $"\n\n{sb}\n\n";
    }

    /// <summary>A YouTube, Vimeo or Dailymotion address becomes the editor's video embed; any other a plain link.</summary>
    static string EmbedHtml(string url)
    {
        var encoded = WebUtility.HtmlEncode(url);
        return MediaEmbeds.ForVideo(url) is { Kind: EmbedKind.Iframe }
            ? $"\n\n<figure class=\"embed\"><a href=\"{encoded}\">{encoded}</a></figure>\n\n"
            : $"\n\n<p><a href=\"{encoded}\">{encoded}</a></p>\n\n";
    }

    /// <summary>
    /// wpautop in short: every block-level tag stands apart from the text around it, blank lines separate
    /// paragraphs, single newlines inside a paragraph become &lt;br&gt;; block elements (lists, quotes, tables…) are
    /// left as written, &lt;pre&gt; keeps its line breaks and a figure stays whole.
    /// </summary>
    static string AutoParagraphs(string html)
    {
        // Comments (<!--more--> above all) would leave a stray line break where they stood; the sanitizer drops them anyway.
        html = HtmlComment().Replace(html, "");
        var kept = new List<string>();
        html = Preformatted().Replace(html, m =>
        {
            kept.Add(m.Value);
            return $"\n\n{Placeholder}{kept.Count - 1}{Placeholder}\n\n";
        });
        html = BlockOpening().Replace(html, "\n\n$0");
        html = BlockClosing().Replace(html, "$0\n\n");
        var sb = new StringBuilder(html.Length + 64);
        foreach (var chunk in ParagraphBreak().Split(html))
        {
            var text = chunk.Trim();
            if (text.Length == 0) continue;
            if (text[0] == Placeholder)
                sb.Append(kept[int.Parse(text.Trim(Placeholder), System.Globalization.CultureInfo.InvariantCulture)]);
            else if (BlockOpening().Match(text) is { Success: true, Index: 0 } || BlockClosing().Match(text) is { Success: true, Index: 0 })
                sb.Append(text);
            else
            {
                // Text, perhaps ending with the closing tag of the block that holds it ("…</blockquote>").
                var closing = TrailingClosings().Match(text);
                var inner = closing.Success ? text[..closing.Index].TrimEnd() : text;
                if (inner.Length > 0) sb.Append("<p>").Append(LineBreak().Replace(inner, "<br>\n")).Append("</p>");
                if (closing.Success) sb.Append(closing.Value.Trim());
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Marks where a &lt;pre&gt; or a figure was set aside; a control character that XML forbids, so no export holds it.</summary>
    const char Placeholder = '\u0001';

    const string BlockTags = "address|article|aside|blockquote|caption|col|colgroup|dd|details|div|dl|dt|fieldset|figcaption|figure|footer|form|"
        + "h[1-6]|header|hgroup|hr|iframe|legend|li|main|menu|nav|ol|p|pre|script|section|style|summary|table|tbody|td|tfoot|th|thead|tr|ul";

    static string? Attribute(string attrs, string name)
    {
        var m = Regex.Match(attrs, $"""\b{name}\s*=\s*(?:"(?<v>[^"]*)"|'(?<v>[^']*)'|(?<v>[^\s\]]+))""", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return m.Success ? m.Groups["v"].Value : null;
    }

    static bool IsImage(string url)
    {
        var path = url.Split('?', '#')[0];
        return path.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".gif", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".webp", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"<!--\s*/?wp:.*?-->", RegexOptions.Singleline, 1000)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"\[caption(?<attrs>[^\]]*)\](?<inner>.*?)\[/caption\]", RegexOptions.Singleline | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Caption();

    [GeneratedRegex(@"\[gallery(?<attrs>[^\]]*)\]", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Gallery();

    [GeneratedRegex(@"\[embed[^\]]*\](?<url>.*?)\[/embed\]", RegexOptions.Singleline | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Embed();

    [GeneratedRegex(@"^[ \t]*(?<url>https?://[^\s<>""]+)[ \t]*$", RegexOptions.Multiline, 1000)]
    private static partial Regex BareUrlLine();

    [GeneratedRegex(@"^(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex ImageOrLinkedImage();

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline, 1000)]
    private static partial Regex HtmlComment();

    /// <summary>Set aside whole: &lt;pre&gt; keeps its lines, a figure (the shortcodes' among them) stays one piece.</summary>
    [GeneratedRegex(@"<(pre|figure)\b.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Preformatted();

    [GeneratedRegex(@"<(?:" + BlockTags + @")\b[^>]*>", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex BlockOpening();

    /// <summary>A closing block tag, or &lt;hr&gt;, which closes nothing but ends a paragraph all the same.</summary>
    [GeneratedRegex(@"</(?:" + BlockTags + @")\s*>|<hr\b[^>]*>", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex BlockClosing();

    [GeneratedRegex(@"(?:\s*</(?:" + BlockTags + @")\s*>)+$", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex TrailingClosings();

    /// <summary>A newline with the spaces around it.</summary>
    [GeneratedRegex(@"[ \t]*\n[ \t]*")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"(?<name>src|href)=""(?<url>[^""]+)""", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex UrlAttribute();
}
