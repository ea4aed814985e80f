using System.Globalization;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Newsletter.Pages.Newsroom;

/// <summary>Admins: create newsletters, rename them, open or close their sign-up.</summary>
public sealed class ListsModel(KiosqueDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<NewsletterList> Lists { get; private set; } = [];
    /// <summary>What was typed into the form that could not be saved, shown again in that form.</summary>
    public NewsletterList? Failed { get; private set; }
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Lists = await LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(int id, string? name, string? description, bool open, CancellationToken ct)
    {
        var actor = Actor.From(User);
        if (actor is null) return Forbid();
        name = name?.Trim() ?? "";
        var slug = Slugs.From(name, NewsletterList.MaxName);
        if (name.Length is 0 or > NewsletterList.MaxName || (description?.Length ?? 0) > 1000 || string.IsNullOrEmpty(slug))
        {
            Failed = new NewsletterList { Id = id, Name = name, Description = description ?? "", Open = open };
            Lists = await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var list = id == 0 ? null : await db.NewsletterLists.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (id != 0 && list is null) return NotFound();
        if (list is null)
        {
            list = new NewsletterList { CreatedAt = now, Position = await db.NewsletterLists.CountAsync(ct) };
            db.NewsletterLists.Add(list);
        }
        if (await db.NewsletterLists.AnyAsync(l => l.Slug == slug && l.Id != list.Id, ct)) slug = $"{slug}-{now:yyyyMMddHHmmss}";
        (list.Name, list.Slug, list.Description, list.Open) = (name, slug, description?.Trim() ?? "", open);
        db.Record(actor, id == 0 ? "create" : "update", "newsletter", id.ToString(CultureInfo.InvariantCulture), $"Newsletter « {name} » enregistrée", now);
        await db.SaveChangesAsync(ct);
        Notice = NewsletterNewsroomText.ListSaved;
        return RedirectToPage();
    }

    Task<List<NewsletterList>> LoadAsync(CancellationToken ct) =>
        db.NewsletterLists.AsNoTracking().OrderBy(l => l.Position).ThenBy(l => l.Id).ToListAsync(ct);
}
