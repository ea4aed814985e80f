using Kiosque.Infrastructure;
using Kiosque.Site;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Comments;

public sealed record CommentView(int Id, string Name, DateTime CreatedAt, IHtmlContent Body, IReadOnlyList<CommentView> Replies);

/// <summary>What a form shows: the typed values, the field errors, where it posts and whether it carries a token.</summary>
public sealed record CommentFormView(CommentInput Input, IReadOnlyDictionary<string, string> Errors, string Action, bool WithAntiforgery,
    string SubmitLabel, string? ReplyToName);

public sealed record CommentsAreaView(CommentsState State, string SuspendedMessage, bool ShowExisting, IReadOnlyList<CommentView> Comments,
    int Count, CommentFormView? Form, string? StatusMessage, string ArticlePath);

/// <summary>
/// The comments under an article. The page stays the same for every reader (cacheable): the form carries no
/// anti-forgery token and posts to the preview page, which adds one; the status after posting comes back in the query string.
/// </summary>
public sealed class CommentsAreaViewComponent(KiosqueDb db, SiteContext site, CommentTokens tokens) : ViewComponent
{
    public const string ViewPath = "/Comments/Pages/_CommentsArea.cshtml";

    public async Task<IViewComponentResult> InvokeAsync(int articleId, bool commentsEnabled, DateTime publishedAt, string articlePath)
    {
        var ct = HttpContext.RequestAborted;
        await site.LoadAsync(ct);
        var settings = site.Settings;
        var state = CommentSubmission.StateOf(settings, commentsEnabled, publishedAt, site.UtcNow);
        var showExisting = state != CommentsState.Suspended || settings.CommentsShowWhenSuspended;
        var comments = showExisting ? await ApprovedAsync(db, articleId, ct) : [];
        var form = state == CommentsState.Open
            ? new CommentFormView(new CommentInput { ArticleId = articleId, Stamp = tokens.FormStamp(articleId) },
                new Dictionary<string, string>(), CommentPaths.Preview, WithAntiforgery: false, CommentText.Preview, null)
            : null;
        var message = string.IsNullOrWhiteSpace(settings.CommentsSuspendedMessage) ? SiteText.CommentsSuspendedFallback : settings.CommentsSuspendedMessage;
        return View(ViewPath, new CommentsAreaView(state, message, showExisting, comments,
            comments.Sum(c => 1 + c.Replies.Count), form, CommentText.StatusMessage(Request.Query["commentaire"]), articlePath));
    }

    /// <summary>Approved comments, oldest first, each with its approved replies; replies to a hidden comment are hidden with it.</summary>
    public static async Task<IReadOnlyList<CommentView>> ApprovedAsync(KiosqueDb db, int articleId, CancellationToken ct)
    {
        var rows = await db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == articleId && c.Status == CommentStatus.Approved)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.ParentId, c.AuthorName, c.CreatedAt, c.Body })
            .ToListAsync(ct);
        var replies = rows.Where(r => r.ParentId is not null).ToLookup(r => r.ParentId!.Value);
        return rows.Where(r => r.ParentId is null)
            .Select(r => new CommentView(r.Id, r.AuthorName, r.CreatedAt, CommentFormatting.ToHtml(r.Body),
                replies[r.Id].Select(x => new CommentView(x.Id, x.AuthorName, x.CreatedAt, CommentFormatting.ToHtml(x.Body), [])).ToList()))
            .ToList();
    }
}

public static class CommentPaths
{
    public const string Post = "/commentaires";
    public const string Preview = "/commentaires/apercu";
    public const string Queue = "/newsroom/commentaires";
    public static string Report(int id) => $"/commentaires/signaler/{id}";
    public static string Reply(int commentId) => $"{Preview}?repondre={commentId}";
    public static string Back(string articlePath, string status) => $"{articlePath}?commentaire={status}#commentaires";
}
