using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Kiosque.Newsroom.Pages.Articles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Newsletter.Pages.Newsroom;

public sealed record ListSummary(int Id, string Name, bool Open, int Active, int Pending);
public sealed record EditionRow(int Id, string Subject, string List, EditionStatus Status, DateTime CreatedAt, DateTime? ScheduledAt, DateTime? SentAt,
    int Recipients, int Sent);

/// <summary>Editors and admins: the newsletters' audiences, the editions, and a new draft.</summary>
public sealed class IndexModel(KiosqueDb db, Editions editions, TimeProvider clock) : PageModel
{
    TimeZoneInfo zone = TimeZoneInfo.Utc;
    public string When(DateTime utc) => ArticleEditor.Format(utc, zone);
    public IReadOnlyList<ListSummary> Lists { get; private set; } = [];
    public IReadOnlyList<EditionRow> Editions { get; private set; } = [];
    public Dictionary<string, string> Errors { get; private set; } = [];
    public int ListId { get; private set; }
    public string? Subject { get; private set; }
    [TempData] public string? Notice { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(int listId, string? subject, CancellationToken ct)
    {
        var actor = Actor.From(User);
        if (actor is null) return Forbid();
        var (edition, errors) = await editions.CreateAsync(new EditionInput(listId, subject, null, []), actor, ct);
        if (edition is not null) return Redirect(NewsletterPaths.NewsroomEdition(edition.Id));
        (Errors, ListId, Subject) = (errors, listId, subject);
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        zone = await new ArticleEditor(db, clock).TimeZoneAsync(ct);
        Lists = await db.NewsletterLists.AsNoTracking().OrderBy(l => l.Position).ThenBy(l => l.Id)
            .Select(l => new ListSummary(l.Id, l.Name, l.Open,
                db.NewsletterSubscriptions.Count(s => s.ListId == l.Id && s.Status == SubscriptionStatus.Active),
                db.NewsletterSubscriptions.Count(s => s.ListId == l.Id && s.Status == SubscriptionStatus.Pending)))
            .ToListAsync(ct);
        Editions = await db.NewsletterEditions.AsNoTracking().OrderByDescending(e => e.Id).Take(100)
            .Select(e => new EditionRow(e.Id, e.Subject, e.List.Name, e.Status, e.CreatedAt, e.ScheduledAt, e.SentAt, e.Recipients,
                db.NewsletterDeliveries.Count(d => d.EditionId == e.Id && d.Status == DeliveryStatus.Sent)))
            .ToListAsync(ct);
    }
}
