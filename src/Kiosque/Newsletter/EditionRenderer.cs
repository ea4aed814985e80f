using System.Text;
using Kiosque.Content;
using Kiosque.Infrastructure;
using Kiosque.Media;
using Microsoft.EntityFrameworkCore;
using static System.Net.WebUtility;

namespace Kiosque.Newsletter;

public sealed record EditionArticle(int Id, string? Kicker, string Headline, string Standfirst, string Path, string? ImageUrl, string? ImageAlt,
    DateTime? PublishedAt);

/// <summary>
/// An edition rendered once, with markers where each recipient's own links go: the HTML part (tables and inline
/// styles, as mail clients want, absolute URLs, images with alt text) and the plain-text part.
/// </summary>
public sealed class RenderedEdition(int editionId, int listId, string listName, string listSlug, string subject, string baseUrl, string html,
    string text, string marker)
{
    public string BaseUrl => baseUrl;
    public int EditionId => editionId;
    public int ListId => listId;
    public string ListName => listName;
    public string ListSlug => listSlug;
    public string Subject => subject;

    public (string Html, string Text) For(string unsubscribeUrl, string preferencesUrl) =>
        (html.Replace(marker + "U", HtmlEncode(unsubscribeUrl), StringComparison.Ordinal).Replace(marker + "P", HtmlEncode(preferencesUrl), StringComparison.Ordinal),
         text.Replace(marker + "U", unsubscribeUrl, StringComparison.Ordinal).Replace(marker + "P", preferencesUrl, StringComparison.Ordinal));
}

public sealed class EditionRenderer(KiosqueDb db, TimeProvider clock, ResponsiveImages images)
{
    /// <summary>The e-mail shows images 552 pixels wide: the 960-pixel copy is sharp on dense screens and far lighter than a camera's original.</summary>
    const int EmailImageWidth = 960;

    /// <summary>The edition's articles in order: published ones only (one unpublished since composing is left out).</summary>
    public async Task<List<EditionArticle>> ArticlesAsync(int editionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.NewsletterEditionItems.AsNoTracking()
            .Where(i => i.EditionId == editionId && i.Article.Status == ArticleStatus.Published && i.Article.PublishedAt <= now)
            .OrderBy(i => i.Position).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.Article.Id, i.Article.Kicker, i.Article.Headline, i.Article.Standfirst, SectionSlug = i.Article.Section.Slug, i.Article.Slug,
                ImageUrl = i.Article.LeadImage != null ? i.Article.LeadImage.Url : null,
                ImageWidth = i.Article.LeadImage != null ? i.Article.LeadImage.Width : 0,
                ImageHeight = i.Article.LeadImage != null ? i.Article.LeadImage.Height : 0,
                ImageAlt = i.Article.LeadImageAlt ?? (i.Article.LeadImage != null ? i.Article.LeadImage.Alt : null),
                i.Article.PublishedAt,
            })
            .ToListAsync(ct);
        return rows.Select(a => new EditionArticle(a.Id, a.Kicker, a.Headline, a.Standfirst, $"/{a.SectionSlug}/{a.Slug}",
                a.ImageUrl is null ? null : EmailImage(a.ImageUrl, a.ImageWidth, a.ImageHeight), a.ImageAlt, a.PublishedAt))
            .ToList();
    }

    /// <summary>The JPEG copy (every mail client shows JPEG) at least as wide as the e-mail needs, or the original when it is no wider or has no copies.</summary>
    string EmailImage(string url, int width, int height) =>
        images.Find(url, width, height)?.Jpeg.FirstOrDefault(r => r.Width >= EmailImageWidth)?.Url ?? url;

    public async Task<RenderedEdition?> RenderAsync(int editionId, string? baseUrlOverride, CancellationToken ct)
    {
        var edition = await db.NewsletterEditions.AsNoTracking().Include(e => e.List).FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null) return null;
        var siteName = await db.SiteSettings.AsNoTracking().Where(s => s.Id == SiteSettings.SingletonId).Select(s => s.Name).FirstOrDefaultAsync(ct) ?? "Kiosque";
        var articles = await ArticlesAsync(editionId, ct);
        var baseUrl = (string.IsNullOrEmpty(baseUrlOverride) ? edition.BaseUrl : baseUrlOverride).TrimEnd('/');
        string Abs(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? url : baseUrl + (url.StartsWith('/') ? url : "/" + url);
        var marker = $"%%{Guid.NewGuid():N}%%";
        var archive = $"{baseUrl}{NewsletterPaths.Archive(editionId)}";
        var paragraphs = Paragraphs(edition.Intro);

        var h = new StringBuilder(16 * 1024);
        h.Append("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
         .Append("<title>").Append(HtmlEncode(edition.Subject)).Append("</title></head>\n")
         .Append("<body style=\"margin:0;padding:0;background-color:#f2f0eb;\">\n")
         .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background-color:#f2f0eb;\"><tr><td align=\"center\" style=\"padding:16px 8px;\">\n")
         .Append("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;max-width:600px;background-color:#ffffff;font-family:Georgia,'Times New Roman',serif;color:#1a1a1a;\">\n")
         .Append("<tr><td style=\"padding:24px 24px 8px;border-top:4px solid #b3001b;\"><a href=\"").Append(HtmlEncode(baseUrl + "/")).Append("\" style=\"color:#1a1a1a;text-decoration:none;font-size:24px;font-weight:bold;\">")
         .Append(HtmlEncode(siteName)).Append("</a><br><span style=\"font-family:Arial,sans-serif;font-size:13px;color:#666666;text-transform:uppercase;letter-spacing:1px;\">")
         .Append(HtmlEncode(edition.List.Name)).Append("</span></td></tr>\n")
         .Append("<tr><td style=\"padding:8px 24px;\"><h1 style=\"margin:0;font-size:22px;line-height:1.3;\">").Append(HtmlEncode(edition.Subject)).Append("</h1></td></tr>\n");
        foreach (var p in paragraphs)
            h.Append("<tr><td style=\"padding:4px 24px;font-size:16px;line-height:1.5;\"><p style=\"margin:0 0 8px;\">").Append(HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p></td></tr>\n");
        foreach (var a in articles)
        {
            var url = HtmlEncode(Abs(a.Path));
            h.Append("<tr><td style=\"padding:16px 24px;border-top:1px solid #e2ded6;\">");
            if (a.ImageUrl is not null)
                h.Append("<a href=\"").Append(url).Append("\"><img src=\"").Append(HtmlEncode(Abs(a.ImageUrl))).Append("\" alt=\"").Append(HtmlEncode(a.ImageAlt ?? a.Headline))
                 .Append("\" width=\"552\" style=\"display:block;width:100%;max-width:552px;height:auto;border:0;margin:0 0 8px;\"></a>");
            if (!string.IsNullOrWhiteSpace(a.Kicker))
                h.Append("<p style=\"margin:0 0 4px;font-family:Arial,sans-serif;font-size:12px;color:#b3001b;text-transform:uppercase;\">").Append(HtmlEncode(a.Kicker)).Append("</p>");
            h.Append("<h2 style=\"margin:0 0 6px;font-size:20px;line-height:1.3;\"><a href=\"").Append(url).Append("\" style=\"color:#1a1a1a;text-decoration:none;\">")
             .Append(HtmlEncode(a.Headline)).Append("</a></h2>");
            if (!string.IsNullOrWhiteSpace(a.Standfirst))
                h.Append("<p style=\"margin:0 0 8px;font-size:15px;line-height:1.5;color:#333333;\">").Append(HtmlEncode(a.Standfirst)).Append("</p>");
            h.Append("<p style=\"margin:0;font-family:Arial,sans-serif;font-size:14px;\"><a href=\"").Append(url).Append("\" style=\"color:#b3001b;\">")
             .Append(NewsletterText.ReadArticle).Append("</a></p></td></tr>\n");
        }
        h.Append("<tr><td style=\"padding:16px 24px 24px;border-top:1px solid #e2ded6;font-family:Arial,sans-serif;font-size:12px;line-height:1.5;color:#666666;\">")
         .Append(HtmlEncode(NewsletterText.Footer(edition.List.Name, siteName))).Append("<br>")
         .Append("<a href=\"").Append(marker).Append("U\" style=\"color:#666666;\">").Append(NewsletterText.UnsubscribeLink).Append("</a> · ")
         .Append("<a href=\"").Append(marker).Append("P\" style=\"color:#666666;\">").Append(NewsletterText.PreferencesLink).Append("</a> · ")
         .Append("<a href=\"").Append(HtmlEncode(archive)).Append("\" style=\"color:#666666;\">").Append(NewsletterText.WebVersion).Append("</a>")
         .Append("</td></tr>\n</table>\n</td></tr></table>\n</body></html>\n");

        var t = new StringBuilder(4 * 1024);
        t.Append(siteName).Append(" — ").Append(edition.List.Name).Append("\n\n").Append(edition.Subject).Append("\n\n");
        foreach (var p in paragraphs) t.Append(p).Append("\n\n");
        foreach (var a in articles)
        {
            t.Append("----\n");
            if (!string.IsNullOrWhiteSpace(a.Kicker)) t.Append(a.Kicker.ToUpperInvariant()).Append('\n');
            t.Append(a.Headline).Append('\n');
            if (!string.IsNullOrWhiteSpace(a.Standfirst)) t.Append(a.Standfirst).Append('\n');
            t.Append(NewsletterText.ReadArticle).Append(" : ").Append(Abs(a.Path)).Append("\n\n");
        }
        t.Append("----\n").Append(NewsletterText.Footer(edition.List.Name, siteName)).Append('\n')
         .Append(NewsletterText.UnsubscribeLink).Append(" : ").Append(marker).Append("U\n")
         .Append(NewsletterText.PreferencesLink).Append(" : ").Append(marker).Append("P\n")
         .Append(NewsletterText.WebVersion).Append(" : ").Append(archive).Append('\n');
        return new RenderedEdition(edition.Id, edition.ListId, edition.List.Name, edition.List.Slug, edition.Subject, baseUrl, h.ToString(), t.ToString(), marker);
    }

    public static List<string> Paragraphs(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
