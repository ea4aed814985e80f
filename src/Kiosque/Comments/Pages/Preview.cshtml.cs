using Kiosque.Infrastructure;
using Kiosque.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Comments.Pages;

/// <summary>
/// Where the article page's form posts. It stores nothing: it shows the comment as it will appear, with the
/// typed text and a fresh anti-forgery token, and the reader publishes from here (the cached article page
/// cannot carry a per-reader token). Also the page behind each comment's "Répondre" link.
/// </summary>
[IgnoreAntiforgeryToken]
[WritesNothing("shows a preview of the typed comment with an anti-forgery token; the write is POST /commentaires")]
public sealed class PreviewModel(SiteContext site, KiosqueDb db, CommentSubmission submission, CommentTokens tokens) : CommentPageModel(site)
{
    public async Task<IActionResult> OnGetAsync(int? repondre, int? article, CancellationToken ct)
    {
        await PrepareAsync(CommentText.WriteTitle, ct);
        var articleId = article ?? 0;
        if (repondre is { } parentId)
            articleId = await db.Comments.Where(c => c.Id == parentId).Select(c => c.ArticleId).FirstOrDefaultAsync(ct);
        var target = await submission.ArticleAsync(articleId, ct);
        if (target is null || target.State != CommentsState.Open)
        {
            Message = CommentText.Unavailable;
            return NotFoundPage();
        }
        var input = new CommentInput { ArticleId = target.Id, ParentId = repondre, Stamp = tokens.FormStamp(target.Id) };
        View = new CommentFormPageView(target, Form(input, new Dictionary<string, string>(), await ReplyToNameAsync(db, repondre, ct)), null, null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CommentInput input, CancellationToken ct)
    {
        await PrepareAsync(CommentText.PreviewTitle, ct);
        var target = await submission.ArticleAsync(input.ArticleId, ct);
        if (target is null || target.State != CommentsState.Open)
        {
            Message = CommentText.Unavailable;
            return NotFoundPage();
        }
        var errors = CommentSubmission.Validate(input);
        // The stamp from the article page travels on, so the time spent writing there counts.
        View = new CommentFormPageView(target, Form(input, errors, await ReplyToNameAsync(db, input.ParentId, ct)),
            input.Name?.Trim(), errors.Count == 0 ? CommentFormatting.ToHtml(input.Body ?? "") : null);
        return Page();
    }

    PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
