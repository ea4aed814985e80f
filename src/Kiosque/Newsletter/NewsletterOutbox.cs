using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Newsletter;

public sealed record EditionFigures(int Recipients, int Pending, int Sent, int Failed, int Bounced, int Skipped, int Unsubscribed);

/// <summary>
/// The outbox's database side. Every change is one conditional statement (or one transaction), so that several
/// instances on one database never take the same row: a claim only takes rows whose lease has run out.
/// </summary>
public sealed class NewsletterOutbox(KiosqueDb db, TimeProvider clock)
{
    const string SenderLease = "sender";

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Asks for an edition to go out at <paramref name="at"/> (now or later). False unless it is a draft or scheduled.</summary>
    public async Task<bool> ScheduleAsync(int editionId, DateTime at, string baseUrl, CancellationToken ct) =>
        await db.NewsletterEditions.Where(e => e.Id == editionId && (e.Status == EditionStatus.Draft || e.Status == EditionStatus.Scheduled))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EditionStatus.Scheduled).SetProperty(e => e.ScheduledAt, at)
                .SetProperty(e => e.BaseUrl, baseUrl), ct) == 1;

    public async Task<bool> UnscheduleAsync(int editionId, CancellationToken ct) =>
        await db.NewsletterEditions.Where(e => e.Id == editionId && e.Status == EditionStatus.Scheduled)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EditionStatus.Draft).SetProperty(e => e.ScheduledAt, (DateTime?)null), ct) == 1;

    /// <summary>Starts every scheduled edition that is due; returns how many this call started.</summary>
    public async Task<int> StartDueAsync(CancellationToken ct)
    {
        var now = Now;
        var due = await db.NewsletterEditions.AsNoTracking().Where(e => e.Status == EditionStatus.Scheduled && e.ScheduledAt <= now)
            .OrderBy(e => e.ScheduledAt).Select(e => e.Id).ToListAsync(ct);
        var started = 0;
        foreach (var id in due)
            if (await StartAsync(id, ct)) started++;
        return started;
    }

    /// <summary>
    /// In one transaction: moves the edition from Scheduled to Sending (only one caller can) and writes one outbox row
    /// per confirmed, not bounced subscriber of its list, with one INSERT … SELECT (the list never passes through memory).
    /// </summary>
    public async Task<bool> StartAsync(int editionId, CancellationToken ct)
    {
        var now = Now;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var won = await db.NewsletterEditions.Where(e => e.Id == editionId && e.Status == EditionStatus.Scheduled)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EditionStatus.Sending).SetProperty(e => e.StartedAt, now), ct);
            if (won == 0) return false;
            var listId = await db.NewsletterEditions.Where(e => e.Id == editionId).Select(e => e.ListId).FirstAsync(ct);
            var pending = nameof(DeliveryStatus.Pending);
            var active = nameof(SubscriptionStatus.Active);
            var count = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "NewsletterDeliveries" ("EditionId", "SubscriberId", "Email", "Status", "Attempts", "NextAttemptAt")
                SELECT {editionId}, s."Id", s."Email", {pending}, 0, {now}
                FROM "NewsletterSubscriptions" sub JOIN "NewsletterSubscribers" s ON s."Id" = sub."SubscriberId"
                WHERE sub."ListId" = {listId} AND sub."Status" = {active} AND s."BouncedAt" IS NULL
                """, ct);
            await db.NewsletterEditions.Where(e => e.Id == editionId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Recipients, count), ct);
            await transaction.CommitAsync(ct);
            return true;
        });
    }

    /// <summary>Takes (or keeps) the sender's turn: one instance sends at a time; a crashed one's turn ends with its lease.</summary>
    public async Task<bool> TakeTurnAsync(string holder, TimeSpan lease, CancellationToken ct)
    {
        var now = Now;
        if (!await db.NewsletterSenderLeases.AnyAsync(l => l.Name == SenderLease, ct))
        {
            db.NewsletterSenderLeases.Add(new NewsletterSenderLease { Name = SenderLease, HeldUntil = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // another instance made the row: the update below decides
            }
        }
        var until = now + lease;
        return await db.NewsletterSenderLeases.Where(l => l.Name == SenderLease && (l.Holder == holder || l.HeldUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.HeldUntil, until), ct) == 1;
    }

    public async Task EndTurnAsync(string holder, CancellationToken ct) =>
        await db.NewsletterSenderLeases.Where(l => l.Name == SenderLease && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.HeldUntil, Now), ct);

    /// <summary>Claims up to <paramref name="size"/> due rows for <paramref name="claim"/> (unique per batch) and returns them.</summary>
    public async Task<List<Delivery>> ClaimAsync(string claim, int size, TimeSpan lease, CancellationToken ct)
    {
        var now = Now;
        var candidates = await db.NewsletterDeliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .OrderBy(d => d.Id).Select(d => d.Id).Take(size).ToListAsync(ct);
        if (candidates.Count == 0) return [];
        var until = now + lease;
        await db.NewsletterDeliveries
            .Where(d => candidates.Contains(d.Id) && d.Status == DeliveryStatus.Pending && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, claim).SetProperty(d => d.ClaimedUntil, until), ct);
        return await db.NewsletterDeliveries.AsNoTracking().Where(d => d.ClaimedBy == claim && d.Status == DeliveryStatus.Pending)
            .OrderBy(d => d.Id).ToListAsync(ct);
    }

    public Task RenewAsync(string claim, TimeSpan lease, CancellationToken ct)
    {
        var until = Now + lease;
        return db.NewsletterDeliveries.Where(d => d.ClaimedBy == claim && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, until), ct);
    }

    /// <summary>Right after the server's acceptance: the row is done and no claim will ever take it again.</summary>
    public Task MarkSentAsync(long id, string claim, CancellationToken ct)
    {
        var now = Now;
        return db.NewsletterDeliveries.Where(d => d.Id == id && d.ClaimedBy == claim)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Sent).SetProperty(d => d.SentAt, now)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1).SetProperty(d => d.ClaimedBy, (string?)null)
                .SetProperty(d => d.ClaimedUntil, (DateTime?)null).SetProperty(d => d.LastError, (string?)null), ct);
    }

    public Task MarkAsync(long id, string claim, DeliveryStatus status, string? error, CancellationToken ct) =>
        db.NewsletterDeliveries.Where(d => d.Id == id && d.ClaimedBy == claim)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, status).SetProperty(d => d.LastError, Truncate(error))
                .SetProperty(d => d.Attempts, d => d.Attempts + 1).SetProperty(d => d.ClaimedBy, (string?)null)
                .SetProperty(d => d.ClaimedUntil, (DateTime?)null), ct);

    /// <summary>A permanent refusal: the row and the address are bounced; nothing more is sent to it until it confirms again.</summary>
    public async Task MarkBouncedAsync(Delivery row, string claim, string error, CancellationToken ct)
    {
        await MarkAsync(row.Id, claim, DeliveryStatus.Bounced, error, ct);
        var now = Now;
        if (row.SubscriberId is { } subscriberId)
            await db.NewsletterSubscribers.Where(s => s.Id == subscriberId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.BouncedAt, now).SetProperty(x => x.BounceReason, Truncate(error, 500)), ct);
    }

    /// <summary>Gives the row back for a later attempt; <paramref name="countAttempt"/> is false when the server was not even reached.</summary>
    public Task RetryLaterAsync(long id, string claim, DateTime at, string error, bool countAttempt, CancellationToken ct) =>
        db.NewsletterDeliveries.Where(d => d.Id == id && d.ClaimedBy == claim)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, at).SetProperty(d => d.LastError, Truncate(error))
                .SetProperty(d => d.Attempts, d => countAttempt ? d.Attempts + 1 : d.Attempts)
                .SetProperty(d => d.ClaimedBy, (string?)null).SetProperty(d => d.ClaimedUntil, (DateTime?)null), ct);

    public Task SetEditionErrorAsync(int editionId, string? error, CancellationToken ct) =>
        db.NewsletterEditions.Where(e => e.Id == editionId).ExecuteUpdateAsync(s => s.SetProperty(e => e.LastError, Truncate(error)), ct);

    /// <summary>Editions whose every row is settled become Sent.</summary>
    public Task<int> CompleteAsync(CancellationToken ct)
    {
        var now = Now;
        return db.NewsletterEditions
            .Where(e => e.Status == EditionStatus.Sending && !db.NewsletterDeliveries.Any(d => d.EditionId == e.Id && d.Status == DeliveryStatus.Pending))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EditionStatus.Sent).SetProperty(e => e.SentAt, now), ct);
    }

    /// <summary>Of these rows' subscribers, those that still want the list (not unsubscribed, bounced or erased since sending began).</summary>
    public async Task<HashSet<int>> StillSubscribedAsync(int listId, IEnumerable<int> subscriberIds, CancellationToken ct)
    {
        var ids = subscriberIds.Distinct().ToList();
        return (await db.NewsletterSubscriptions.AsNoTracking()
            .Where(s => s.ListId == listId && ids.Contains(s.SubscriberId) && s.Status == SubscriptionStatus.Active)
            .Join(db.NewsletterSubscribers.Where(x => x.BouncedAt == null), s => s.SubscriberId, x => x.Id, (s, x) => x.Id)
            .ToListAsync(ct)).ToHashSet();
    }

    public async Task<EditionFigures> FiguresAsync(int editionId, CancellationToken ct)
    {
        var byStatus = await db.NewsletterDeliveries.AsNoTracking().Where(d => d.EditionId == editionId).GroupBy(d => d.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(DeliveryStatus s) => byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        var unsubscribed = await db.NewsletterSubscriptions.CountAsync(s => s.UnsubscribedFromEditionId == editionId, ct);
        return new EditionFigures(byStatus.Sum(x => x.Count), Count(DeliveryStatus.Pending), Count(DeliveryStatus.Sent), Count(DeliveryStatus.Failed),
            Count(DeliveryStatus.Bounced), Count(DeliveryStatus.Skipped), unsubscribed);
    }

    static string? Truncate(string? s, int max = 1000) => s is null || s.Length <= max ? s : s[..max];
}
