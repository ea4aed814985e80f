using Kiosque.Accounts;
using Kiosque.Api;
using Kiosque.Content;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosque.Comments;

/// <summary>
/// Once a day, when the setting is on, editors and admins get the moderation queue by e-mail. Every instance
/// wakes up regularly; the one whose conditional update moves the lease row to today sends it, the others find
/// the row already taken.
/// </summary>
public sealed class CommentDigest(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CommentDigest> log) : BackgroundService
{
    public const string LeaseName = "daily-digest";
    readonly string holder = $"{Environment.MachineName}:{Guid.NewGuid():N}"[..Math.Min(100, Environment.MachineName.Length + 33)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(15), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await RunOnceAsync(scope.ServiceProvider, holder, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The comments digest failed; the next tick tries again.");
            }
        }
    }

    /// <summary>True when this call won today's lease (and sent the digest if there was anything to moderate).</summary>
    public static async Task<bool> RunOnceAsync(IServiceProvider services, string holder, CancellationToken ct)
    {
        var db = services.GetRequiredService<KiosqueDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var settings = await db.SiteSettings.AsNoTracking().Where(s => s.Id == SiteSettings.SingletonId).FirstOrDefaultAsync(ct);
        if (settings is null || !settings.CommentsDailyDigest) return false;

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        if (!await db.CommentJobLeases.AnyAsync(l => l.Name == LeaseName, ct))
        {
            db.CommentJobLeases.Add(new CommentJobLease { Name = LeaseName, LastRunOn = DateOnly.MinValue });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance created the row first: the race below decides.
                db.ChangeTracker.Clear();
            }
        }
        var won = await db.CommentJobLeases.Where(l => l.Name == LeaseName && l.LastRunOn < today)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LastRunOn, today).SetProperty(l => l.Holder, holder).SetProperty(l => l.HeldAt, now), ct);
        if (won == 0) return false;

        var moderator = services.GetRequiredService<CommentModerator>();
        var queue = await moderator.QueueAsync(new QueueFilter(QueueFilter.ToModerate, null), ct);
        if (queue.Count == 0) return true;

        var users = services.GetRequiredService<UserManager<NewsroomUser>>();
        var recipients = (await users.GetUsersInRoleAsync(Roles.Editor)).Concat(await users.GetUsersInRoleAsync(Roles.Admin))
            .Where(u => u.DisabledAt is null && u.EmailConfirmed && !string.IsNullOrEmpty(u.Email))
            .Select(u => u.Email!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var publicUrl = services.GetRequiredService<IOptions<KiosqueOptions>>().Value.PublicUrl?.TrimEnd('/') ?? "";
        var lines = queue.Select(c => $"- {c.AuthorName} sur « {c.ArticleHeadline} »{(c.Reports > 0 ? $" ({c.Reports} signalement(s))" : "")} : " +
                                      (c.Body.Length > 140 ? c.Body[..140] + "…" : c.Body));
        var text = $"{queue.Count} commentaire(s) à modérer :\n\n{string.Join('\n', lines)}\n\nFile de modération : {publicUrl}{CommentPaths.Queue}\n";
        var html = $"<p>{queue.Count} commentaire(s) à modérer.</p><ul>{string.Concat(queue.Select(c =>
            $"<li>{System.Net.WebUtility.HtmlEncode(c.AuthorName)} sur « {System.Net.WebUtility.HtmlEncode(c.ArticleHeadline)} »</li>"))}</ul>" +
            $"<p><a href=\"{System.Net.WebUtility.HtmlEncode(publicUrl + CommentPaths.Queue)}\">File de modération</a></p>";
        var email = services.GetRequiredService<EmailSender>();
        foreach (var to in recipients)
            await email.SendAsync(new EmailMessage(to, $"Commentaires à modérer : {queue.Count}", text, html), ct);
        return true;
    }
}
