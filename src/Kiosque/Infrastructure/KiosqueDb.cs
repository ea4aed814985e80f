using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Kiosque.Accounts;
using Kiosque.Api;
using Kiosque.Comments;
using Kiosque.Webhooks;
using Kiosque.Wires;
using Kiosque.Content;
using Kiosque.Import;
using Kiosque.Newsletter;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Kiosque.Content.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Infrastructure;

/// <summary>
/// The one DbContext. Each provider has its own subclass so that each keeps its own migrations
/// (EF's "one migration set per provider"); code asks for <see cref="KiosqueDb"/>. The Identity tables
/// (newsroom users and roles) live in the same database.
/// </summary>
public abstract class KiosqueDb(DbContextOptions options) : IdentityDbContext<NewsroomUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();
    public DbSet<NavigationItem> NavigationItems => Set<NavigationItem>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Dossier> Dossiers => Set<Dossier>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Page> Pages => Set<Page>();
    public DbSet<MediaItem> Media => Set<MediaItem>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<RelatedItem> RelatedItems => Set<RelatedItem>();
    public DbSet<ArticleRedirect> ArticleRedirects => Set<ArticleRedirect>();
    public DbSet<RetiredPath> RetiredPaths => Set<RetiredPath>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AccountLink> AccountLinks => Set<AccountLink>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<ArticleCorrection> ArticleCorrections => Set<ArticleCorrection>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<FrontPageSlot> FrontPageSlots => Set<FrontPageSlot>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<CommentJobLease> CommentJobLeases => Set<CommentJobLease>();
    public DbSet<WireItem> WireItems => Set<WireItem>();
    public DbSet<Webhook> Webhooks => Set<Webhook>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<Import.ImportJob> ImportJobs => Set<Import.ImportJob>();
    /// <summary>The data-protection key ring, shared by every instance on this database (see ScaleOut).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<NewsletterList> NewsletterLists => Set<NewsletterList>();
    public DbSet<Subscriber> NewsletterSubscribers => Set<Subscriber>();
    public DbSet<Subscription> NewsletterSubscriptions => Set<Subscription>();
    public DbSet<Edition> NewsletterEditions => Set<Edition>();
    public DbSet<EditionItem> NewsletterEditionItems => Set<EditionItem>();
    public DbSet<Delivery> NewsletterDeliveries => Set<Delivery>();
    public DbSet<NewsletterSenderLease> NewsletterSenderLeases => Set<NewsletterSenderLease>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var b = builder;
        b.ConfigureAccounts();
        b.ConfigureComments();
        b.ConfigureWires();
        b.ConfigureWebhooks();
        b.ConfigureImports();
        b.ConfigureNewsletter();
        b.Entity<SiteSettings>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Tagline).HasMaxLength(500);
            e.Property(x => x.Language).HasMaxLength(10);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            e.Property(x => x.CommentsSuspendedMessage).HasMaxLength(2000);
        });
        b.Entity<NavigationItem>(e =>
        {
            e.Property(x => x.Label).HasMaxLength(100);
            e.Property(x => x.Url).HasMaxLength(500);
        });
        b.Entity<Section>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Slug).HasMaxLength(100);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        });
        b.Entity<Dossier>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Slug).HasMaxLength(200);
        });
        b.Entity<Author>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Slug).HasMaxLength(200);
            e.HasOne(x => x.Photo).WithMany().OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<Tag>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Slug).HasMaxLength(100);
        });
        b.Entity<Page>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Slug).HasMaxLength(200);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.SourceId).HasMaxLength(300);
            e.HasIndex(x => x.SourceId);
        });
        b.Entity<MediaItem>(e =>
        {
            e.Property(x => x.SourceId).HasMaxLength(300);
            e.HasIndex(x => x.SourceId);
            e.Property(x => x.Url).HasMaxLength(500);
            e.Property(x => x.StoragePath).HasMaxLength(500);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Alt).HasMaxLength(1000);
            e.Property(x => x.Caption).HasMaxLength(2000);
            e.Property(x => x.Credit).HasMaxLength(300);
            e.Property(x => x.UploadedBy).HasMaxLength(200);
            e.Property(x => x.SourceUrl).HasMaxLength(1000);
            e.HasIndex(x => x.SourceUrl);
        });
        b.Entity<FrontPageSlot>(e =>
        {
            e.HasIndex(x => x.Position);
            e.HasIndex(x => x.ArticleId).IsUnique();
            e.HasOne(x => x.Article).WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Article>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.HasIndex(x => new { x.Status, x.PublishedAt });
            e.HasIndex(x => new { x.SectionId, x.Status, x.PublishedAt });
            e.Property(x => x.Kicker).HasMaxLength(200);
            e.Property(x => x.Headline).HasMaxLength(300);
            e.Property(x => x.Slug).HasMaxLength(200);
            e.Property(x => x.Standfirst).HasMaxLength(2000);
            e.Property(x => x.LeadImageAlt).HasMaxLength(1000);
            e.Property(x => x.LeadImageCaption).HasMaxLength(2000);
            e.Property(x => x.LeadImageCredit).HasMaxLength(300);
            e.Property(x => x.VideoUrl).HasMaxLength(500);
            e.Property(x => x.AudioUrl).HasMaxLength(500);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.WorkType).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.SeoTitle).HasMaxLength(300);
            e.Property(x => x.SeoDescription).HasMaxLength(500);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.Property(x => x.SourceId).HasMaxLength(300);
            e.HasIndex(x => x.SourceId);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne(x => x.Section).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Dossier).WithMany().OnDelete(DeleteBehavior.SetNull);
            e.HasOne(x => x.LeadImage).WithMany().OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Authors).WithOne().HasForeignKey(x => x.ArticleId);
            e.HasMany(x => x.Tags).WithMany(x => x.Articles).UsingEntity("ArticleTags");
            e.HasMany(x => x.Related).WithOne().HasForeignKey(x => x.ArticleId);
            e.HasMany(x => x.Corrections).WithOne().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ArticleCorrection>(e =>
        {
            e.HasIndex(x => new { x.ArticleId, x.At });
            e.Property(x => x.Text).HasMaxLength(2000);
        });
        b.Entity<ArticleRevision>(e =>
        {
            e.HasIndex(x => new { x.ArticleId, x.Number }).IsUnique();
            e.Property(x => x.ActorId).HasMaxLength(200);
            e.Property(x => x.ActorName).HasMaxLength(200);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.HasIndex(x => x.At);
            e.HasIndex(x => new { x.EntityType, x.EntityId });
            e.Property(x => x.ActorId).HasMaxLength(200);
            e.Property(x => x.ActorName).HasMaxLength(200);
            e.Property(x => x.Action).HasMaxLength(50);
            e.Property(x => x.EntityType).HasMaxLength(50);
            e.Property(x => x.EntityId).HasMaxLength(50);
            e.Property(x => x.Summary).HasMaxLength(1000);
        });
        b.Entity<ArticleAuthor>(e =>
        {
            e.HasKey(x => new { x.ArticleId, x.AuthorId });
            e.HasOne(x => x.Author).WithMany().OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RelatedItem>(e =>
        {
            e.Property(x => x.Url).HasMaxLength(1000);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Source).HasMaxLength(200);
            e.HasOne(x => x.TargetArticle).WithMany().HasForeignKey(x => x.TargetArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ArticleRedirect>(e =>
        {
            e.HasIndex(x => x.Path).IsUnique();
            e.Property(x => x.Path).HasMaxLength(400);
            e.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RetiredPath>(e =>
        {
            e.HasIndex(x => x.Path).IsUnique();
            e.Property(x => x.Path).HasMaxLength(400);
        });
        b.Entity<ApiToken>(e =>
        {
            e.HasIndex(x => x.Hash).IsUnique();
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Role).HasMaxLength(20);
            e.Property(x => x.Hash).HasMaxLength(64);
        });
    }
}

public sealed class SqliteKiosqueDb(DbContextOptions<SqliteKiosqueDb> options) : KiosqueDb(options);

public sealed class PostgresKiosqueDb(DbContextOptions<PostgresKiosqueDb> options) : KiosqueDb(options);
