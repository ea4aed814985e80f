using Kiosque.Api;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Comments;

public sealed record PublicCommentResponse(int Id, int? ParentId, string AuthorName, string Body, DateTimeOffset CreatedAt);

public sealed record CommentResponse(int Id, int ArticleId, int? ParentId, string AuthorName, string AuthorEmail, string Body,
    string Status, DateTimeOffset CreatedAt, int Reports, string? HeldReason);

/// <summary>/api/v1: anyone reads an article's approved comments; editors and admins list and moderate.</summary>
public static class CommentsApi
{
    public static void MapCommentsApi(this WebApplication app)
    {
        var v1 = app.MapGroup("/api/v1").WithTags("Comments")
            .AddEndpointFilter<ValidationFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapGet("/articles/{id:int}/comments", ListPublicAsync).WithName("ListArticleComments");

        var editors = v1.MapGroup("/comments").RequireAuthorization(ApiAuth.Publish)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        editors.MapGet("", ListAsync).WithName("ListComments");
        editors.MapPost("/{id:int}/approve", (int id, HttpContext http, CommentModerator moderator, CancellationToken ct) =>
            ApplyAsync(id, ModerationAction.Approve, http, moderator, ct)).WithName("ApproveComment");
        editors.MapPost("/{id:int}/reject", (int id, HttpContext http, CommentModerator moderator, CancellationToken ct) =>
            ApplyAsync(id, ModerationAction.Reject, http, moderator, ct)).WithName("RejectComment");
        editors.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteComment");
    }

    static async Task<Results<Ok<List<PublicCommentResponse>>, ProblemHttpResult>> ListPublicAsync(int id, KiosqueDb db, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var visible = await db.Articles.AsNoTracking()
            .Where(a => a.Id == id && a.Status == ArticleStatus.Published && a.PublishedAt <= now)
            .Select(a => new { Suspended = db.SiteSettings.Any(s => s.CommentsSuspended && !s.CommentsShowWhenSuspended) })
            .FirstOrDefaultAsync(ct);
        if (visible is null) return ApiProblems.NotFound("published article with this id");
        if (visible.Suspended) return TypedResults.Ok(new List<PublicCommentResponse>());
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == id && c.Status == CommentStatus.Approved
                        && (c.ParentId == null || db.Comments.Any(p => p.Id == c.ParentId && p.Status == CommentStatus.Approved)))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.ParentId, c.AuthorName, c.Body, c.CreatedAt })
            .ToListAsync(ct);
        return TypedResults.Ok(comments.Select(c => new PublicCommentResponse(c.Id, c.ParentId, c.AuthorName, c.Body, ApiProblems.Utc(c.CreatedAt))).ToList());
    }

    static async Task<Results<Ok<List<CommentResponse>>, ValidationProblem>> ListAsync(string? status, int? articleId, CommentModerator moderator,
        CancellationToken ct)
    {
        var filter = new QueueFilter(status ?? QueueFilter.ToModerate, articleId);
        if (!QueueFilter.Statuses.Contains(filter.Status, StringComparer.OrdinalIgnoreCase))
        {
            var errors = new Errors();
            errors.Add("status", $"One of {string.Join(", ", QueueFilter.Statuses)}.");
            return errors.ToProblem();
        }
        var items = await moderator.QueueAsync(filter with { Status = filter.Status.ToLowerInvariant() }, ct);
        return TypedResults.Ok(items.Select(ToResponse).ToList());
    }

    static CommentResponse ToResponse(QueueItem c) => new(c.Id, c.ArticleId, c.ParentId, c.AuthorName, c.AuthorEmail, c.Body,
        c.Status.ToString().ToLowerInvariant(), ApiProblems.Utc(c.CreatedAt), c.Reports, c.HeldReason);

    static async Task<Results<NoContent, ProblemHttpResult>> ApplyAsync(int id, ModerationAction action, HttpContext http,
        CommentModerator moderator, CancellationToken ct)
    {
        var actor = Actor.From(http.User);
        if (actor is null) return ApiProblems.Forbidden("This token has no role.");
        var found = await moderator.ApplyAsync([id], action, actor, $"{http.Request.Scheme}://{http.Request.Host}", ct);
        return found == 0 ? ApiProblems.NotFound("comment with this id") : TypedResults.NoContent();
    }

    static Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int id, HttpContext http, CommentModerator moderator, CancellationToken ct) =>
        ApplyAsync(id, ModerationAction.Delete, http, moderator, ct);
}
