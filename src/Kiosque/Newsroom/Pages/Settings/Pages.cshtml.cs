using Kiosque.Content;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Newsroom.Pages.Settings;

public sealed class StaticPageInput
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? BodyHtml { get; set; }
    public PageStatus Status { get; set; }
}

public sealed record StaticPageRow(int Id, string Title, string Slug, PageStatus Status, DateTime UpdatedAt);

/// <summary>Editors and admins: static pages at /{slug}, a URL space shared with sections; bodies are sanitized.</summary>
public sealed class PagesModel(KiosqueDb db, TimeProvider clock, HtmlSanitizing html) : SettingsPage(db, clock)
{
    [BindProperty] public StaticPageInput Input { get; set; } = new();
    public int? EditingId { get; private set; }
    public IReadOnlyList<StaticPageRow> StaticPages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is not null)
        {
            var page = await Db.Pages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
            if (page is null) return NotFound();
            Input = new StaticPageInput { Title = page.Title, Slug = page.Slug, BodyHtml = page.BodyHtml, Status = page.Status };
        }
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        var slugText = ContentRules.Trimmed(Input.Slug);
        ModelState.AddTo(ContentRules.Page(Input.Title, slugText));
        Content.Page? page = null;
        if (id is not null && (page = await Db.Pages.SingleOrDefaultAsync(p => p.Id == id, ct)) is null) return NotFound();
        var slug = slugText ?? (Input.Title is null ? "" : Slugs.From(Input.Title));
        if (ModelState.IsValid && slug != page?.Slug
            && await ContentRules.PublicSlugConflictAsync(Db, slug, sectionId: null, page?.Id, ct) is var conflict and not SlugConflict.None)
            ModelState.AddModelError("Input.Slug", AdminText.Conflict(conflict, slug));
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }
        await InTransactionAsync(async () =>
        {
            var created = page is null;
            page ??= Db.Pages.Add(new Content.Page { CreatedAt = Now }).Entity;
            page.Title = Input.Title!.Trim();
            page.Slug = slug;
            page.BodyHtml = html.Sanitize(Input.BodyHtml);
            page.Status = Input.Status;
            page.UpdatedAt = Now;
            if (created) await Db.SaveChangesAsync(ct);
            Audit(created ? "page.created" : "page.updated", "page", page.Id, page.Title);
        }, ct);
        return Saved(null, new { id = page!.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(IdInput input, CancellationToken ct)
    {
        var page = await Db.Pages.SingleOrDefaultAsync(p => p.Id == input.Id, ct);
        if (page is null) return NotFound();
        return await DeletedAsync(page, "page", page.Id, page.Title, ct);
    }

    async Task LoadAsync(int? id, CancellationToken ct)
    {
        EditingId = id;
        StaticPages = await Db.Pages.AsNoTracking().OrderBy(p => p.Title)
            .Select(p => new StaticPageRow(p.Id, p.Title, p.Slug, p.Status, p.UpdatedAt)).ToListAsync(ct);
    }
}
