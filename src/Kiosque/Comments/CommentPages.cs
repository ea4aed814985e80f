using Kiosque.Infrastructure;
using Kiosque.Site;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Comments;

public sealed record CommentFormPageView(CommentArticle Article, CommentFormView Form, string? PreviewName, IHtmlContent? PreviewBody);

/// <summary>The reader pages of the comment flow: no index, no cache, the site's layout.</summary>
public abstract class CommentPageModel(SiteContext site) : PageModel
{
    public SiteContext Site => site;
    public CommentFormPageView? View { get; protected set; }
    public string? Message { get; protected set; }

    protected async Task PrepareAsync(string title, CancellationToken ct)
    {
        await site.LoadAsync(ct);
        site.Meta = new PageMeta { Title = Titles.ForPage(title, site.Settings.Name), NoIndex = true };
        Response.Headers.CacheControl = "no-store";
    }

    protected static CommentFormView Form(CommentInput input, IReadOnlyDictionary<string, string> errors, string? replyTo) =>
        new(input, errors, CommentPaths.Post, WithAntiforgery: true, CommentText.Send, replyTo);

    protected static async Task<string?> ReplyToNameAsync(KiosqueDb db, int? parentId, CancellationToken ct) =>
        parentId is null ? null : await db.Comments.AsNoTracking()
            .Where(c => c.Id == parentId && c.Status == CommentStatus.Approved).Select(c => c.AuthorName).FirstOrDefaultAsync(ct);
}
