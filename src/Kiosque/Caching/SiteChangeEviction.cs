using System.Data.Common;
using System.Runtime.CompilerServices;
using Kiosque.Comments;
using Kiosque.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kiosque.Caching;

/// <summary>
/// Evicts from the database's own saves, whoever writes (newsroom pages, the API, the CLI): a change to the site
/// settings, navigation, front page, sections, dossiers, pages, authors or media evicts everything (they show on
/// every page or in ways not worth tracking); a tag renamed or deleted too. A comment that appears, changes or
/// disappears evicts its article (its page and the lists showing its comment count). Articles themselves are
/// evicted precisely by <see cref="ArticleCacheEviction"/> from the workflow's events; a save of an article that
/// raises no event (outside the workflow) still evicts the pages showing it. Evictions wait for the
/// transaction to commit, so that no request can cache the old state after the eviction.
/// </summary>
public sealed class SiteChangeEviction(PageCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    static readonly HashSet<Type> SiteWide = [typeof(SiteSettings), typeof(NavigationItem), typeof(FrontPageSlot), typeof(Section),
        typeof(Dossier), typeof(Page)];

    readonly ConditionalWeakTable<DbContext, HashSet<string>> pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) FlushAsync(eventData.Context, default).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) await FlushAsync(eventData.Context, cancellationToken);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Discard(eventData.Context);
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        FlushAsync(eventData.Context, default).AsTask().GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        FlushAsync(eventData.Context, cancellationToken).AsTask();

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    void Collect(DbContext? context)
    {
        if (context is null) return;
        HashSet<string>? tags = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var tag = TagFor(entry);
            if (tag is null) continue;
            tags ??= pending.GetOrCreateValue(context);
            lock (tags) tags.Add(tag);
        }
    }

    static string? TagFor(EntityEntry entry) => entry.Entity switch
    {
        _ when SiteWide.Contains(entry.Entity.GetType()) => CacheTags.Site,
        // A new tag, image or author shows nowhere yet (a wire item's byline creates its author with the draft); the
        // article that uses it raises its own event when it is published.
        Tag or MediaItem or Author when entry.State != EntityState.Added => CacheTags.Site,
        Comment comment when Shows(entry, comment) => CacheTags.Article(comment.ArticleId),
        // The workflow's events evict articles precisely; this catches any other save of an article (a script, a test).
        Article article when entry.State != EntityState.Added => CacheTags.Article(article.Id),
        _ => null,
    };

    /// <summary>Readers see approved comments: one that is or was approved, with its status or text changed.</summary>
    static bool Shows(EntityEntry entry, Comment comment) => entry.State switch
    {
        EntityState.Added => comment.Status == CommentStatus.Approved,
        EntityState.Deleted => true,
        _ => (entry.Property(nameof(Comment.Status)).IsModified || entry.Property(nameof(Comment.Body)).IsModified)
             && (comment.Status == CommentStatus.Approved || (CommentStatus)entry.Property(nameof(Comment.Status)).OriginalValue! == CommentStatus.Approved),
    };

    async ValueTask FlushAsync(DbContext? context, CancellationToken ct)
    {
        if (context is null || !pending.TryGetValue(context, out var tags)) return;
        pending.Remove(context);
        string[] list;
        lock (tags) list = [.. tags];
        // The write has committed: an eviction must not be cancelled with the request that made it.
        await cache.EvictAsync(list, null, CancellationToken.None);
    }

    void Discard(DbContext? context)
    {
        if (context is not null) pending.Remove(context);
    }
}
