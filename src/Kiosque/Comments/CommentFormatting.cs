using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace Kiosque.Comments;

/// <summary>
/// Comments are stored as typed and rendered here: every character HTML-encoded, blank lines become paragraphs,
/// single line breaks &lt;br&gt;, and http(s) or www. addresses the only markup readers' text can produce.
/// </summary>
public static partial class CommentFormatting
{
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""'`]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\r?\n[ \t]*\r?\n\s*")]
    private static partial Regex ParagraphBreak();

    public static IHtmlContent ToHtml(string body)
    {
        var html = new StringBuilder(body.Length + 64);
        foreach (var paragraph in ParagraphBreak().Split(body.Trim()))
        {
            if (paragraph.Length == 0) continue;
            html.Append("<p>");
            var lines = paragraph.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0) html.Append("<br>");
                AppendLine(html, lines[i]);
            }
            html.Append("</p>");
        }
        return new HtmlString(html.ToString());
    }

    static void AppendLine(StringBuilder html, string line)
    {
        var at = 0;
        foreach (var link in Links(line))
        {
            html.Append(Encoder.Encode(line[at..link.Index]));
            var href = link.Href;
            html.Append("<a href=\"").Append(Encoder.Encode(href)).Append("\" rel=\"nofollow ugc noopener\">")
                .Append(Encoder.Encode(link.Text)).Append("</a>");
            at = link.Index + link.Text.Length;
        }
        html.Append(Encoder.Encode(line[at..]));
    }

    public sealed record Link(int Index, string Text, string Href, string Host);

    /// <summary>The addresses a text links to, with trailing punctuation left out (as in "voir https://x.fr.").</summary>
    public static IEnumerable<Link> Links(string text)
    {
        foreach (Match match in LinkPattern().Matches(text))
        {
            var raw = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '»');
            var href = raw.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? "https://" + raw : raw;
            // Anything that does not parse as an absolute http(s) address stays plain text.
            if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) continue;
            yield return new Link(match.Index, raw, uri.AbsoluteUri, uri.IdnHost.ToLowerInvariant());
        }
    }
}
