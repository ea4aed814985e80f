using Kiosque.Infrastructure;
using Kiosque.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Comments.Pages;

[CommentRateLimit]
public sealed class ReportModel(SiteContext site, KiosqueDb db, CommentSubmission submission) : CommentPageModel(site)
{
    public CommentView? Comment { get; private set; }
    public string ArticlePath { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        await PrepareAsync(CommentText.ReportTitle, ct);
        var row = await db.Comments.AsNoTracking().Where(c => c.Id == id && c.Status == CommentStatus.Approved)
            .Select(c => new { c.Id, c.AuthorName, c.CreatedAt, c.Body, c.ArticleId }).FirstOrDefaultAsync(ct);
        var article = row is null ? null : await submission.ArticleAsync(row.ArticleId, ct);
        if (row is null || article is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Comment = new CommentView(row.Id, row.AuthorName, row.CreatedAt, CommentFormatting.ToHtml(row.Body), []);
        ArticlePath = article.Path;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var path = await submission.ReportAsync(id, ct);
        if (path is not null) return Redirect(CommentPaths.Back(path, "signale"));
        return await OnGetAsync(id, ct);
    }
}
