using Kiosque.Content;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Comments;

/// <summary>
/// Unconfirmed: the first comment of an address, waiting for its owner to open the link sent to it.
/// Deleted keeps the row (replies, reports and the audit trail still point at it); readers never see it.
/// </summary>
public enum CommentStatus { Pending, Approved, Rejected, Spam, Deleted, Unconfirmed }

public sealed class Comment
{
    public const int MaxName = 100;
    public const int MaxEmail = 254;
    public const int MaxBody = 5000;

    public int Id { get; set; }
    public int ArticleId { get; set; }
    /// <summary>Replies are one level deep: a reply's parent is always a top-level comment.</summary>
    public int? ParentId { get; set; }
    public string AuthorName { get; set; } = "";
    /// <summary>Never shown to readers or in the public API.</summary>
    public string AuthorEmail { get; set; } = "";
    /// <summary>Plain text as typed; rendered with escaping, auto-links and paragraph breaks.</summary>
    public string Body { get; set; } = "";
    public CommentStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Keyed SHA-256 of the sender's IP: enough to spot repeats, not to find the person.</summary>
    public string IpHash { get; set; } = "";
    public int Reports { get; set; }
    /// <summary>Why the spam checks held it (banned word, first comment …), for the moderator.</summary>
    public string? HeldReason { get; set; }
    public bool NotifyOnReply { get; set; }
    public DateTime? ModeratedAt { get; set; }
    public string? ModeratedBy { get; set; }
    public DateTime? EditedAt { get; set; }
    public string? EditedBy { get; set; }
    /// <summary>Where an imported comment came from: re-imports skip it.</summary>
    public string? SourceId { get; set; }
}

/// <summary>A once-a-day job's row: instances race with a conditional update and only the winner runs.</summary>
public sealed class CommentJobLease
{
    public string Name { get; set; } = "";
    public DateOnly LastRunOn { get; set; }
    public string? Holder { get; set; }
    public DateTime? HeldAt { get; set; }
}

public static class CommentsModel
{
    public static void ConfigureComments(this ModelBuilder b)
    {
        b.Entity<Comment>(e =>
        {
            e.HasIndex(x => new { x.ArticleId, x.Status, x.CreatedAt });
            e.HasIndex(x => new { x.Status, x.CreatedAt });
            e.HasIndex(x => new { x.AuthorEmail, x.Status });
            e.Property(x => x.AuthorName).HasMaxLength(Comment.MaxName);
            e.Property(x => x.AuthorEmail).HasMaxLength(Comment.MaxEmail);
            e.Property(x => x.Body).HasMaxLength(Comment.MaxBody);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.IpHash).HasMaxLength(64);
            e.Property(x => x.HeldReason).HasMaxLength(200);
            e.Property(x => x.ModeratedBy).HasMaxLength(200);
            e.Property(x => x.EditedBy).HasMaxLength(200);
            e.Property(x => x.SourceId).HasMaxLength(300);
            e.HasIndex(x => x.SourceId);
            e.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Comment>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CommentJobLease>(e =>
        {
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.Holder).HasMaxLength(100);
        });
        b.Entity<SiteSettings>(e =>
        {
            e.Property(x => x.CommentModeration).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.CommentsBannedWords).HasMaxLength(4000);
            e.Property(x => x.CommentsBannedDomains).HasMaxLength(4000);
        });
    }
}
