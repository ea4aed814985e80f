using Kiosque.Content;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Newsletter;

/// <summary>One newsletter readers can subscribe to ("La quotidienne", "L'hebdo").</summary>
public sealed class NewsletterList
{
    public const int MaxName = 100;
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>Offered on the sign-up forms; a closed list keeps its subscribers but takes no new ones.</summary>
    public bool Open { get; set; } = true;
    public int Position { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One address. Erasing (GDPR) deletes the row and its subscriptions; deliveries keep no address once erased.</summary>
public sealed class Subscriber
{
    public const int MaxEmail = 254;
    public int Id { get; set; }
    /// <summary>Trimmed and lower-cased: one row per address.</summary>
    public string Email { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>Set when the owner first opened a confirmation link: the address is proven to be theirs.</summary>
    public DateTime? ConfirmedAt { get; set; }
    /// <summary>A permanent (5xx) refusal from the mail server: nothing is sent until the owner confirms again.</summary>
    public DateTime? BouncedAt { get; set; }
    public string? BounceReason { get; set; }
    /// <summary>When the last confirmation e-mail went out: at most one per few minutes per address.</summary>
    public DateTime? ConfirmationSentAt { get; set; }
}

public enum SubscriptionStatus { Pending, Active, Unsubscribed }

/// <summary>A subscriber on one list, with the consent that put them there.</summary>
public sealed class Subscription
{
    public int Id { get; set; }
    public int SubscriberId { get; set; }
    public int ListId { get; set; }
    public SubscriptionStatus Status { get; set; }
    /// <summary>Consent: when the form was sent, from which page, and when the address's owner confirmed it.</summary>
    public DateTime RequestedAt { get; set; }
    public string Source { get; set; } = "";
    public DateTime? ConfirmedAt { get; set; }
    public DateTime? UnsubscribedAt { get; set; }
    /// <summary>The edition whose link was used to unsubscribe, for its figures.</summary>
    public int? UnsubscribedFromEditionId { get; set; }
}

public enum EditionStatus { Draft, Scheduled, Sending, Sent }

public sealed class Edition
{
    public const int MaxSubject = 200;
    public const int MaxIntro = 4000;
    public int Id { get; set; }
    public int ListId { get; set; }
    public NewsletterList List { get; set; } = null!;
    public string Subject { get; set; } = "";
    /// <summary>Plain text; blank lines make paragraphs.</summary>
    public string Intro { get; set; } = "";
    public EditionStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? ScheduledAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Recipients { get; set; }
    /// <summary>The site's address when sending was asked for: links in the messages are absolute.</summary>
    public string BaseUrl { get; set; } = "";
    /// <summary>The last sending problem that concerns the whole edition (SMTP server unreachable), for the newsroom.</summary>
    public string? LastError { get; set; }
    public List<EditionItem> Items { get; set; } = [];
}

public sealed class EditionItem
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public int Position { get; set; }
}

/// <summary>Skipped: the address unsubscribed, bounced or was erased between the start of sending and its turn.</summary>
public enum DeliveryStatus { Pending, Sent, Failed, Bounced, Skipped }

/// <summary>
/// The outbox: one row per recipient of an edition, written in one transaction when sending starts. A sender
/// claims rows with a lease (ClaimedBy/ClaimedUntil, conditional update) and marks each one sent as soon as the
/// SMTP server has accepted it.
/// </summary>
public sealed class Delivery
{
    public long Id { get; set; }
    public int EditionId { get; set; }
    /// <summary>Null once the subscriber is erased.</summary>
    public int? SubscriberId { get; set; }
    public string Email { get; set; } = "";
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>The one row that says which instance sends: several instances share a database, one sends at a time.</summary>
public sealed class NewsletterSenderLease
{
    public string Name { get; set; } = "";
    public string? Holder { get; set; }
    public DateTime HeldUntil { get; set; }
}

public static class NewsletterModel
{
    public static void ConfigureNewsletter(this ModelBuilder b)
    {
        b.Entity<NewsletterList>(e =>
        {
            e.ToTable("NewsletterLists");
            e.HasIndex(x => x.Slug).IsUnique();
            e.Property(x => x.Name).HasMaxLength(NewsletterList.MaxName);
            e.Property(x => x.Slug).HasMaxLength(NewsletterList.MaxName);
            e.Property(x => x.Description).HasMaxLength(1000);
        });
        b.Entity<Subscriber>(e =>
        {
            e.ToTable("NewsletterSubscribers");
            e.HasIndex(x => x.Email).IsUnique();
            e.Property(x => x.Email).HasMaxLength(Subscriber.MaxEmail);
            e.Property(x => x.BounceReason).HasMaxLength(500);
        });
        b.Entity<Subscription>(e =>
        {
            e.ToTable("NewsletterSubscriptions");
            e.HasIndex(x => new { x.SubscriberId, x.ListId }).IsUnique();
            e.HasIndex(x => new { x.ListId, x.Status, x.SubscriberId });
            e.HasIndex(x => x.UnsubscribedFromEditionId);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Source).HasMaxLength(400);
            e.HasOne<Subscriber>().WithMany().HasForeignKey(x => x.SubscriberId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<NewsletterList>().WithMany().HasForeignKey(x => x.ListId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Edition>(e =>
        {
            e.ToTable("NewsletterEditions");
            e.HasIndex(x => new { x.Status, x.ScheduledAt });
            e.HasIndex(x => new { x.ListId, x.SentAt });
            e.Property(x => x.Subject).HasMaxLength(Edition.MaxSubject);
            e.Property(x => x.Intro).HasMaxLength(Edition.MaxIntro);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.Property(x => x.BaseUrl).HasMaxLength(300);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.HasOne(x => x.List).WithMany().HasForeignKey(x => x.ListId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<EditionItem>(e =>
        {
            e.ToTable("NewsletterEditionItems");
            e.HasIndex(x => new { x.EditionId, x.Position });
            e.HasOne(x => x.Article).WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Delivery>(e =>
        {
            e.ToTable("NewsletterDeliveries");
            e.HasIndex(x => new { x.EditionId, x.SubscriberId }).IsUnique();
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.HasIndex(x => new { x.EditionId, x.Status });
            e.HasIndex(x => x.ClaimedBy);
            e.Property(x => x.Email).HasMaxLength(Subscriber.MaxEmail);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ClaimedBy).HasMaxLength(100);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Subscriber>().WithMany().HasForeignKey(x => x.SubscriberId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<NewsletterSenderLease>(e =>
        {
            e.ToTable("NewsletterSenderLeases");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.Holder).HasMaxLength(100);
        });
    }
}
