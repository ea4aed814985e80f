using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosque.Content.Workflow;

/// <summary>The "Kiosque:Scheduling" configuration section.</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Kiosque:Scheduling";

    /// <summary>Seconds between two passes over the scheduled articles.</summary>
    public int IntervalSeconds { get; set; } = 15;
    /// <summary>Off: this instance never publishes scheduled articles (another one does, or a test calls the pass).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Publishes every scheduled article whose time has come. Each one is claimed with a conditional update
/// (still scheduled, still due): with several instances on one database exactly one update matches, and only
/// that instance writes the audit entry, in the same transaction, and raises ArticlePublished.
/// </summary>
public sealed class ScheduledPublishing : BackgroundService
{
    const int Batch = 100;
    readonly IServiceScopeFactory scopes;
    readonly TimeProvider clock;
    readonly IOptions<SchedulingOptions> options;
    readonly ILogger<ScheduledPublishing> log;

    public ScheduledPublishing(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SchedulingOptions> options, ILogger<ScheduledPublishing> log) =>
        (this.scopes, this.clock, this.options, this.log) = (scopes, clock, options, log);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds)), clock);
        do
        {
            try
            {
                await PublishDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup must not end the loop: the next tick tries again.
                log.LogError(e, "Scheduled publishing failed; trying again at the next pass.");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass; returns the ids this instance published.</summary>
    public async Task<IReadOnlyList<int>> PublishDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiosqueDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now)
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id).Select(a => a.Id).Take(Batch).ToListAsync(ct);
        var events = new List<ArticleEvent>();
        foreach (var id in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var won = await db.Articles
                .Where(a => a.Id == id && a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Status, ArticleStatus.Published)
                    .SetProperty(a => a.FirstPublishedAt, a => a.FirstPublishedAt ?? a.PublishedAt)
                    .SetProperty(a => a.Version, a => a.Version + 1), ct);
            if (won != 1)
            {
                await transaction.RollbackAsync(ct);
                continue;
            }
            var article = await db.Articles.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new { a.Headline, Path = "/" + a.Section.Slug + "/" + a.Slug }).SingleAsync(ct);
            db.Record(Actor.Scheduler, "article.published", "article", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                article.Headline, now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            events.Add(new ArticlePublished(id, article.Path, Actor.Scheduler, now));
        }
        if (events.Count > 0)
        {
            log.LogInformation("Published {Count} scheduled article(s).", events.Count);
            await scope.ServiceProvider.GetRequiredService<ArticleEventDispatcher>().RaiseAsync(events, ct);
        }
        return events.Select(e => e.ArticleId).ToList();
    }
}
