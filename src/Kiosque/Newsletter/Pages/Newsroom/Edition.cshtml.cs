using System.Globalization;
using System.Security.Claims;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Kiosque.Newsroom.Pages.Articles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using T = Kiosque.Newsletter.NewsletterNewsroomText;

namespace Kiosque.Newsletter.Pages.Newsroom;

public sealed record ArticleChoice(int Id, string Headline);
public sealed record SectionChoice(int Id, string Name);

/// <summary>
/// Composing one edition: subject, intro, articles (fill from sections, add, reorder, remove), test, schedule or send, figures.
/// The page is one form: every button first saves the subject and intro as typed, so that none of them loses what was
/// written; a mistake shows the page again with the error by its field, what was typed kept, and nothing else done.
/// </summary>
public sealed class EditionModel(KiosqueDb db, Editions editions, NewsletterOutbox outbox, TimeProvider clock, IOptions<KiosqueOptions> kiosque)
    : PageModel
{
    public Edition Edition { get; private set; } = null!;
    public IReadOnlyList<ArticleChoice> Items { get; private set; } = [];
    public IReadOnlyList<ArticleChoice> Recent { get; private set; } = [];
    public IReadOnlyList<SectionChoice> Sections { get; private set; } = [];
    public EditionFigures? Figures { get; private set; }
    public int Audience { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public Dictionary<string, string> Errors { get; private set; } = [];
    public string? Subject { get; private set; }
    public string? Intro { get; private set; }
    public string? TestTo { get; private set; }
    public string? ScheduleAt { get; private set; }
    public IReadOnlyCollection<int> ChosenSections { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    public string When(DateTime utc) => ArticleEditor.Format(utc, Zone);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSaveAsync(int id, string? subject, string? intro, CancellationToken ct) =>
        AfterSavingAsync(id, subject, intro, () => Task.FromResult<IActionResult>(Done(id, T.Saved)), ct);

    public Task<IActionResult> OnPostFillAsync(int id, string? subject, string? intro, int[]? sections, int? perSection, CancellationToken ct) =>
        AfterSavingAsync(id, subject, intro, async () =>
        {
            if (sections is not { Length: > 0 })
                return await InvalidAsync(id, new() { ["sections"] = T.NoSection }, ct, perSection: perSection);
            var added = await editions.FillAsync(id, sections, perSection ?? 3, ct);
            return Done(id, T.Filled(added), "articles");
        }, ct);

    public Task<IActionResult> OnPostAddAsync(int id, string? subject, string? intro, int? add, CancellationToken ct) =>
        AfterSavingAsync(id, subject, intro, async () =>
            Done(id, add is { } articleId && await editions.AddArticleAsync(id, articleId, ct) ? T.Added : T.NotAdded, "articles"), ct);

    public Task<IActionResult> OnPostRemoveAsync(int id, string? subject, string? intro, int articleId, CancellationToken ct) =>
        AfterSavingAsync(id, subject, intro, async () =>
            Done(id, await editions.RemoveArticleAsync(id, articleId, ct) ? T.Removed : null, "articles"), ct);

    public Task<IActionResult> OnPostMoveAsync(int id, string? subject, string? intro, int articleId, int direction, CancellationToken ct) =>
        AfterSavingAsync(id, subject, intro, async () =>
            Done(id, await editions.MoveAsync(id, articleId, direction, ct) ? T.Moved : null, "articles"), ct);

    public Task<IActionResult> OnPostTestAsync(int id, string? subject, string? intro, string? to, CancellationToken ct) =>
        AfterSavingAsync(id, subject, intro, async () =>
        {
            var address = Subscriptions.NormalizeEmail(to);
            if (address is null) return await InvalidAsync(id, new() { ["to"] = T.TestAddressInvalid }, ct, to: to);
            try
            {
                return Done(id, await editions.SendTestAsync(id, address, BaseUrl, ct) ? T.TestSent(address) : null);
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException)
            {
                return await InvalidAsync(id, new() { ["to"] = T.TestFailed(e.Message) }, ct, to: to);
            }
        }, ct);

    /// <summary>The time is the site's (as for articles): what the newsroom reads on its clocks.</summary>
    public Task<IActionResult> OnPostScheduleAsync(int id, string? subject, string? intro, string? at, CancellationToken ct) =>
        AfterSavingAsync(id, subject, intro, async () =>
        {
            var zone = await ZoneAsync(ct);
            if (!DateTime.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                return await InvalidAsync(id, new() { ["at"] = T.ScheduleMissing }, ct, at: at);
            var when = ArticleEditor.ToUtc(local, zone);
            if (when <= clock.GetUtcNow().UtcDateTime) return await InvalidAsync(id, new() { ["at"] = T.SchedulePast }, ct, at: at);
            return await ScheduleAsync(id, when, T.Scheduled(ArticleEditor.Format(when, zone)), ct);
        }, ct);

    public Task<IActionResult> OnPostSendNowAsync(int id, string? subject, string? intro, CancellationToken ct) =>
        AfterSavingAsync(id, subject, intro, () => ScheduleAsync(id, clock.GetUtcNow().UtcDateTime, T.SendStarted, ct), ct);

    public Task<IActionResult> OnPostUnscheduleAsync(int id, string? subject, string? intro, CancellationToken ct) =>
        AfterSavingAsync(id, subject, intro, async () => Done(id, await outbox.UnscheduleAsync(id, ct) ? T.Unscheduled : null), ct);

    /// <summary>Saves the subject and intro as typed (when the request has them), then does what the button asks.</summary>
    async Task<IActionResult> AfterSavingAsync(int id, string? subject, string? intro, Func<Task<IActionResult>> action, CancellationToken ct)
    {
        if (subject is not null || intro is not null)
        {
            var errors = await editions.UpdateAsync(id, subject, intro, ct);
            if (errors is null)
                return await db.NewsletterEditions.AnyAsync(e => e.Id == id, ct) ? Done(id, T.NotEditable) : NotFound();
            if (errors.Count > 0) return await InvalidAsync(id, errors, ct, subject, intro);
        }
        return await action();
    }

    async Task<IActionResult> ScheduleAsync(int id, DateTime at, string notice, CancellationToken ct)
    {
        if (!await db.NewsletterEditions.AnyAsync(e => e.Id == id, ct)) return NotFound();
        if (!await db.NewsletterEditionItems.AnyAsync(i => i.EditionId == id, ct)) return await InvalidAsync(id, new() { ["items"] = T.NeedsArticle }, ct);
        if (!await outbox.ScheduleAsync(id, at, BaseUrl, ct)) return Done(id, T.AlreadySent);
        if (Actor.From(User) is { } actor)
        {
            db.Record(actor, "schedule", "edition", id.ToString(CultureInfo.InvariantCulture), notice, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        return Done(id, notice);
    }

    /// <summary>The page again, answering 422: the errors by their fields, and what was typed where it was typed.</summary>
    async Task<IActionResult> InvalidAsync(int id, Dictionary<string, string> errors, CancellationToken ct, string? subject = null, string? intro = null,
        string? to = null, string? at = null, int? perSection = null)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Errors = errors;
        (Subject, Intro) = (subject ?? Subject, intro ?? Intro);
        TestTo = to ?? TestTo;
        ScheduleAt = at ?? ScheduleAt;
        PerSection = perSection ?? PerSection;
        ChosenSections = Request.HasFormContentType ? Request.Form["sections"].Select(v => int.TryParse(v, out var s) ? s : 0).ToList() : [];
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public int PerSection { get; private set; } = 3;

    string BaseUrl => NewsletterApi.BaseUrl(HttpContext, kiosque.Value);

    RedirectResult Done(int id, string? notice, string? anchor = null)
    {
        Notice = notice;
        return Redirect(NewsletterPaths.NewsroomEdition(id) + (anchor is null ? "" : "#" + anchor));
    }

    Task<TimeZoneInfo> ZoneAsync(CancellationToken ct) => new ArticleEditor(db, clock).TimeZoneAsync(ct);

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var edition = await editions.FindAsync(id, ct);
        if (edition is null) return false;
        Edition = edition;
        Zone = await ZoneAsync(ct);
        (Subject, Intro) = (edition.Subject, edition.Intro);
        var ids = edition.Items.OrderBy(i => i.Position).Select(i => i.ArticleId).ToList();
        var headlines = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Headline }).ToListAsync(ct);
        Items = ids.Select(i => new ArticleChoice(i, headlines.FirstOrDefault(h => h.Id == i)?.Headline ?? "?")).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        Recent = await db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && !ids.Contains(a.Id))
            .OrderByDescending(a => a.PublishedAt).Take(50).Select(a => new ArticleChoice(a.Id, a.Headline)).ToListAsync(ct);
        Sections = await db.Sections.AsNoTracking().OrderBy(s => s.Position).Select(s => new SectionChoice(s.Id, s.Name)).ToListAsync(ct);
        Figures = edition.Status is EditionStatus.Sending or EditionStatus.Sent ? await outbox.FiguresAsync(id, ct) : null;
        Audience = await db.NewsletterSubscriptions.CountAsync(s => s.ListId == edition.ListId && s.Status == SubscriptionStatus.Active, ct);
        TestTo = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name;
        ScheduleAt = edition is { Status: EditionStatus.Scheduled, ScheduledAt: { } at }
            ? ArticleEditor.ToLocal(at, Zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)
            : null;
        return true;
    }
}
