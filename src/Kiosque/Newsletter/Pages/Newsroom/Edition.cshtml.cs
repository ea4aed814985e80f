using System.Globalization;
using System.Security.Claims;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosque.Newsletter.Pages.Newsroom;

public sealed record ArticleChoice(int Id, string Headline);
public sealed record SectionChoice(int Id, string Name);

/// <summary>Composing one edition: subject, intro, articles (fill from sections, add, reorder, remove), test, schedule or send, figures.</summary>
public sealed class EditionModel(KiosqueDb db, Editions editions, NewsletterOutbox outbox, TimeProvider clock, IOptions<KiosqueOptions> kiosque)
    : PageModel
{
    public Edition Edition { get; private set; } = null!;
    public IReadOnlyList<ArticleChoice> Items { get; private set; } = [];
    public IReadOnlyList<ArticleChoice> Recent { get; private set; } = [];
    public IReadOnlyList<SectionChoice> Sections { get; private set; } = [];
    public EditionFigures? Figures { get; private set; }
    public int Audience { get; private set; }
    public string? MyEmail { get; private set; }
    public Dictionary<string, string> Errors { get; private set; } = [];
    public string? Subject { get; private set; }
    public string? Intro { get; private set; }
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(int id, string? subject, string? intro, CancellationToken ct)
    {
        var errors = await editions.UpdateAsync(id, subject, intro, ct);
        if (errors is null) return await GoneAsync(id, ct);
        if (errors.Count == 0) return Done(id, "Édition enregistrée.");
        (Errors, Subject, Intro) = (errors, subject, intro);
        if (!await LoadAsync(id, ct)) return NotFound();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostFillAsync(int id, int[]? sections, int? perSection, CancellationToken ct)
    {
        var added = await editions.FillAsync(id, sections ?? [], perSection ?? 3, ct);
        return Done(id, $"{added} article(s) ajouté(s).");
    }

    public async Task<IActionResult> OnPostAddAsync(int id, int articleId, CancellationToken ct) =>
        Done(id, await editions.AddArticleAsync(id, articleId, ct) ? "Article ajouté." : "Cet article n’a pas pu être ajouté (déjà présent ou non publié).");

    public async Task<IActionResult> OnPostRemoveAsync(int id, int articleId, CancellationToken ct) =>
        Done(id, await editions.RemoveArticleAsync(id, articleId, ct) ? "Article retiré." : null);

    public async Task<IActionResult> OnPostMoveAsync(int id, int articleId, int direction, CancellationToken ct) =>
        Done(id, await editions.MoveAsync(id, articleId, direction, ct) ? "Ordre modifié." : null);

    public async Task<IActionResult> OnPostTestAsync(int id, string? to, CancellationToken ct)
    {
        var address = Subscriptions.NormalizeEmail(to);
        if (address is null) return Done(id, "Indiquez une adresse e-mail valide pour le test.");
        try
        {
            return Done(id, await editions.SendTestAsync(id, address, BaseUrl, ct) ? $"Test envoyé à {address}." : null);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException)
        {
            return Done(id, $"Le test n’a pas pu être envoyé : {e.Message}");
        }
    }

    public async Task<IActionResult> OnPostScheduleAsync(int id, string? at, CancellationToken ct)
    {
        if (!DateTime.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var when))
            return Done(id, "Indiquez une date et une heure d’envoi.");
        if (when <= clock.GetUtcNow().UtcDateTime) return Done(id, "Cette date est passée : choisissez-en une à venir, ou envoyez maintenant.");
        return await ScheduleAsync(id, when, $"Envoi programmé le {when:yyyy-MM-dd HH:mm} UTC.", ct);
    }

    public Task<IActionResult> OnPostSendNowAsync(int id, CancellationToken ct) =>
        ScheduleAsync(id, clock.GetUtcNow().UtcDateTime, "Envoi lancé : les chiffres se mettent à jour au fil de l’envoi.", ct);

    public async Task<IActionResult> OnPostUnscheduleAsync(int id, CancellationToken ct) =>
        Done(id, await outbox.UnscheduleAsync(id, ct) ? "Programmation annulée : l’édition est redevenue un brouillon." : null);

    async Task<IActionResult> ScheduleAsync(int id, DateTime at, string notice, CancellationToken ct)
    {
        if (!await db.NewsletterEditions.AnyAsync(e => e.Id == id, ct)) return NotFound();
        if (!await db.NewsletterEditionItems.AnyAsync(i => i.EditionId == id, ct)) return Done(id, "Ajoutez au moins un article avant d’envoyer.");
        if (!await outbox.ScheduleAsync(id, at, BaseUrl, ct)) return Done(id, "Cette édition est déjà envoyée ou en cours d’envoi.");
        if (Actor.From(User) is { } actor)
        {
            db.Record(actor, "schedule", "edition", id.ToString(CultureInfo.InvariantCulture), notice, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        return Done(id, notice);
    }

    string BaseUrl => NewsletterApi.BaseUrl(HttpContext, kiosque.Value);

    RedirectResult Done(int id, string? notice)
    {
        Notice = notice;
        return Redirect(NewsletterPaths.NewsroomEdition(id));
    }

    async Task<IActionResult> GoneAsync(int id, CancellationToken ct) =>
        await db.NewsletterEditions.AnyAsync(e => e.Id == id, ct) ? Done(id, "Cette édition ne peut plus être modifiée.") : NotFound();

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var edition = await editions.FindAsync(id, ct);
        if (edition is null) return false;
        Edition = edition;
        var ids = edition.Items.OrderBy(i => i.Position).Select(i => i.ArticleId).ToList();
        var headlines = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Headline }).ToListAsync(ct);
        Items = ids.Select(i => new ArticleChoice(i, headlines.FirstOrDefault(h => h.Id == i)?.Headline ?? "?")).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        Recent = await db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && !ids.Contains(a.Id))
            .OrderByDescending(a => a.PublishedAt).Take(50).Select(a => new ArticleChoice(a.Id, a.Headline)).ToListAsync(ct);
        Sections = await db.Sections.AsNoTracking().OrderBy(s => s.Position).Select(s => new SectionChoice(s.Id, s.Name)).ToListAsync(ct);
        Figures = edition.Status is EditionStatus.Sending or EditionStatus.Sent ? await outbox.FiguresAsync(id, ct) : null;
        Audience = await db.NewsletterSubscriptions.CountAsync(s => s.ListId == edition.ListId && s.Status == SubscriptionStatus.Active, ct);
        MyEmail = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name;
        return true;
    }
}
