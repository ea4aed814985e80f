using System.Globalization;
using Kiosque.Infrastructure;
using Kiosque.Site;
using Microsoft.AspNetCore.Mvc;

namespace Kiosque.Comments.Pages;

/// <summary>The one write of the reader's flow: checks, stores, and sends the reader back to the article (PRG).</summary>
[CommentRateLimit]
public sealed class PostModel(SiteContext site, KiosqueDb db, CommentSubmission submission, CommentTokens tokens) : CommentPageModel(site)
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CommentInput input, CancellationToken ct)
    {
        var result = await submission.SubmitAsync(input, HttpContext.Connection.RemoteIpAddress?.ToString(), $"{Request.Scheme}://{Request.Host}", ct);
        var article = await submission.ArticleAsync(input.ArticleId, ct);
        switch (result.Outcome)
        {
            case SubmitOutcome.Published: return Redirect(CommentPaths.Back(article!.Path, "publie"));
            case SubmitOutcome.Held or SubmitOutcome.Dropped: return Redirect(CommentPaths.Back(article!.Path, "en-attente"));
            case SubmitOutcome.AwaitingConfirmation: return Redirect(CommentPaths.Back(article!.Path, "a-confirmer"));
        }

        await PrepareAsync(CommentText.WriteTitle, ct);
        if (result.Outcome == SubmitOutcome.Unavailable || article is null)
        {
            Message = CommentText.Unavailable;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var errors = result.Errors;
        if (result.Outcome == SubmitOutcome.RateLimited)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = Math.Ceiling(result.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            errors = new Dictionary<string, string> { [""] = CommentText.TooMany };
        }
        else Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        // Too fast or expired: a fresh stamp, so that publishing again after a moment works; the text stays.
        if (errors.ContainsKey("")) input.Stamp = tokens.FormStamp(article.Id);
        input.Website = null;
        View = new CommentFormPageView(article, Form(input, errors, await ReplyToNameAsync(db, input.ParentId, ct)), null, null);
        return Page();
    }
}
