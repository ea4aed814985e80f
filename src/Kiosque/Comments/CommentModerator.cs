using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Comments;

public enum ModerationAction { Approve, Reject, Spam, Delete }

/// <summary>The queue's filters: "a-moderer" is what needs an editor (held, or published but reported).</summary>
public sealed record QueueFilter(string Status, int? ArticleId)
{
    public const string ToModerate = "a-moderer";
    public static readonly string[] Statuses = [ToModerate, "pending", "approved", "rejected", "spam", "deleted", "unconfirmed", "all"];
}

public sealed record QueueItem(int Id, int ArticleId, string ArticleHeadline, string ArticlePath, int? ParentId, string AuthorName,
    string AuthorEmail, string Body, CommentStatus Status, DateTime CreatedAt, int Reports, string? HeldReason, DateTime? EditedAt);

/// <summary>Editors' writes on comments, shared by the newsroom queue and the API; each is one transaction with its audit entries.</summary>
public sealed class CommentModerator(KiosqueDb db, TimeProvider clock, CommentNotifications notifications)
{
    public const int QueuePageSize = 100;

    public IQueryable<Comment> Filtered(QueueFilter filter)
    {
        var query = db.Comments.AsNoTracking();
        if (filter.ArticleId is { } articleId) query = query.Where(c => c.ArticleId == articleId);
        return filter.Status switch
        {
            QueueFilter.ToModerate => query.Where(c => c.Status == CommentStatus.Pending || c.Status == CommentStatus.Approved && c.Reports > 0),
            "all" => query,
            _ when Enum.TryParse<CommentStatus>(filter.Status, ignoreCase: true, out var status) => query.Where(c => c.Status == status),
            _ => query.Where(_ => false),
        };
    }

    public async Task<IReadOnlyList<QueueItem>> QueueAsync(QueueFilter filter, CancellationToken ct) =>
        await Filtered(filter)
            .OrderByDescending(c => c.Reports > 0).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Take(QueuePageSize)
            .Join(db.Articles, c => c.ArticleId, a => a.Id, (c, a) => new QueueItem(c.Id, a.Id, a.Headline, "/" + a.Section.Slug + "/" + a.Slug,
                c.ParentId, c.AuthorName, c.AuthorEmail, c.Body, c.Status, c.CreatedAt, c.Reports, c.HeldReason, c.EditedAt))
            .ToListAsync(ct);

    public static CommentStatus StatusOf(ModerationAction action) => action switch
    {
        ModerationAction.Approve => CommentStatus.Approved,
        ModerationAction.Reject => CommentStatus.Rejected,
        ModerationAction.Spam => CommentStatus.Spam,
        _ => CommentStatus.Deleted,
    };

    /// <summary>Applies one decision to every given comment; returns how many existed.</summary>
    public async Task<int> ApplyAsync(IReadOnlyCollection<int> ids, ModerationAction action, Actor actor, string baseUrl, CancellationToken ct)
    {
        var comments = await db.Comments.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var status = StatusOf(action);
        var approved = new List<int>();
        foreach (var comment in comments)
        {
            var was = comment.Status;
            if (status == CommentStatus.Approved && was != CommentStatus.Approved) approved.Add(comment.Id);
            comment.Status = status;
            comment.ModeratedAt = now;
            comment.ModeratedBy = actor.Name.Length <= 200 ? actor.Name : actor.Name[..200];
            // An editor has looked at it: reports so far are dealt with.
            comment.Reports = 0;
            db.Record(actor, "comment." + status.ToString().ToLowerInvariant(), "comment", comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{was} → {status} : {comment.AuthorName} — {Excerpt(comment.Body)}", now);
        }
        await db.SaveChangesAsync(ct);
        foreach (var id in approved) await notifications.ReplyApprovedAsync(id, baseUrl, ct);
        return comments.Count;
    }

    /// <summary>An editor's correction of a comment's text; the audit entry keeps what it said before.</summary>
    public async Task<bool> EditAsync(int id, string body, Actor actor, CancellationToken ct)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (comment is null) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        db.Record(actor, "comment.edited", "comment", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{comment.Status}, texte précédent : {Excerpt(comment.Body, 900)}", now);
        comment.Body = body.Trim();
        comment.EditedAt = now;
        comment.EditedBy = actor.Name.Length <= 200 ? actor.Name : actor.Name[..200];
        await db.SaveChangesAsync(ct);
        return true;
    }

    static string Excerpt(string body, int max = 200) => body.Length <= max ? body : body[..max] + "…";
}
