using Kiosque.Api;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Comments.Pages.Newsroom;

public sealed class CommentSettingsInput
{
    public bool Suspended { get; set; }
    public string? SuspendedMessage { get; set; }
    public bool ShowWhenSuspended { get; set; }
    public CommentModeration Moderation { get; set; }
    public bool HoldFirstTime { get; set; }
    public int CloseAfterDays { get; set; }
    public string? BannedWords { get; set; }
    public string? BannedDomains { get; set; }
    public int MaxLinks { get; set; }
    public bool NotifyOnReply { get; set; }
    public bool DailyDigest { get; set; }
    public bool ConfirmFirstByEmail { get; set; }
}

/// <summary>Editors and admins (see CommentsFeature): the moderation queue, single and bulk decisions, edits; admins also the settings.</summary>
public sealed class QueueModel(CommentModerator moderator, KiosqueDb db, TimeProvider clock) : PageModel
{
    public QueueFilter Filter { get; private set; } = new(QueueFilter.ToModerate, null);
    public IReadOnlyList<QueueItem> Items { get; private set; } = [];
    public IReadOnlyList<(int Id, string Headline)> Articles { get; private set; } = [];
    public CommentSettingsInput Settings { get; private set; } = new();
    public Dictionary<string, int> Counts { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(string? statut, int? article, CancellationToken ct)
    {
        Filter = new QueueFilter(statut is not null && QueueFilter.Statuses.Contains(statut) ? statut : QueueFilter.ToModerate, article);
        Items = await moderator.QueueAsync(Filter, ct);
        Articles = (await db.Comments.AsNoTracking().Select(c => c.ArticleId).Distinct()
                .Join(db.Articles, id => id, a => a.Id, (id, a) => new { a.Id, a.Headline }).OrderBy(a => a.Headline).ToListAsync(ct))
            .Select(a => (a.Id, a.Headline)).ToList();
        Counts[QueueFilter.ToModerate] = await moderator.Filtered(new QueueFilter(QueueFilter.ToModerate, article)).CountAsync(ct);
        var s = await db.SiteSettings.AsNoTracking().Where(s => s.Id == SiteSettings.SingletonId).FirstOrDefaultAsync(ct) ?? new SiteSettings();
        Settings = new CommentSettingsInput
        {
            Suspended = s.CommentsSuspended, SuspendedMessage = s.CommentsSuspendedMessage, ShowWhenSuspended = s.CommentsShowWhenSuspended,
            Moderation = s.CommentModeration, HoldFirstTime = s.CommentsHoldFirstTime, CloseAfterDays = s.CommentsCloseAfterDays,
            BannedWords = s.CommentsBannedWords, BannedDomains = s.CommentsBannedDomains, MaxLinks = s.CommentsMaxLinks,
            NotifyOnReply = s.CommentsNotifyOnReply, DailyDigest = s.CommentsDailyDigest, ConfirmFirstByEmail = s.CommentsConfirmFirstByEmail,
        };
    }

    /// <summary>
    /// One form for the whole list: a row's own button sends "approve:12"; the buttons above the list send the
    /// action alone and apply it to the ticked rows.
    /// </summary>
    public async Task<IActionResult> OnPostModerateAsync(string? act, int[]? ids, string? statut, int? article, CancellationToken ct)
    {
        var parts = (act ?? "").Split(':', 2);
        // No button, or one this page never renders: nothing to do, back to the queue.
        if (!Enum.TryParse<ModerationAction>(parts[0], ignoreCase: true, out var action) || int.TryParse(parts[0], out _))
            return RedirectToPage(new { statut, article });
        int[] targets = parts.Length == 2 && int.TryParse(parts[1], out var one) ? [one] : ids ?? [];
        var actor = Actor.From(User);
        if (actor is null) return Forbid();
        if (targets.Length > 0)
        {
            var done = await moderator.ApplyAsync(targets, action, actor, $"{Request.Scheme}://{Request.Host}", ct);
            Notice = CommentsNewsroomText.Done(done, action);
        }
        return RedirectToPage(new { statut, article });
    }

    public async Task<IActionResult> OnPostEditAsync(int id, string? body, string? statut, int? article, CancellationToken ct)
    {
        var actor = Actor.From(User);
        if (actor is null) return Forbid();
        var text = body?.Trim() ?? "";
        if (text.Length is 0 or > Comment.MaxBody) Notice = CommentsNewsroomText.EditInvalid;
        else if (await moderator.EditAsync(id, text, actor, ct)) Notice = CommentsNewsroomText.Edited;
        return RedirectToPage(new { statut, article });
    }

    public async Task<IActionResult> OnPostSettingsAsync([Bind(Prefix = nameof(Settings))] CommentSettingsInput input, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Admin)) return Forbid();
        var s = await db.SiteSettings.SingleAsync(ct);
        s.CommentsSuspended = input.Suspended;
        s.CommentsSuspendedMessage = Clip(input.SuspendedMessage, 2000);
        s.CommentsShowWhenSuspended = input.ShowWhenSuspended;
        s.CommentModeration = input.Moderation;
        s.CommentsHoldFirstTime = input.HoldFirstTime;
        s.CommentsCloseAfterDays = Math.Clamp(input.CloseAfterDays, 0, 3650);
        s.CommentsBannedWords = Clip(input.BannedWords, 4000);
        s.CommentsBannedDomains = Clip(input.BannedDomains, 4000);
        s.CommentsMaxLinks = Math.Clamp(input.MaxLinks, 0, 50);
        s.CommentsNotifyOnReply = input.NotifyOnReply;
        s.CommentsDailyDigest = input.DailyDigest;
        s.CommentsConfirmFirstByEmail = input.ConfirmFirstByEmail;
        s.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var actor = Actor.From(User);
        if (actor is not null) db.Record(actor, "comments.settings", "site", "1", s.CommentsSuspended ? "commentaires suspendus" : "réglages des commentaires", s.UpdatedAt);
        await db.SaveChangesAsync(ct);
        Notice = CommentsNewsroomText.SettingsSaved;
        return RedirectToPage();
    }

    static string Clip(string? text, int max)
    {
        var t = text?.Trim() ?? "";
        return t.Length <= max ? t : t[..max];
    }
}
