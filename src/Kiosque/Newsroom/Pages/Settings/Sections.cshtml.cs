using Kiosque.Content;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Newsroom.Pages.Settings;

public sealed class SectionInput
{
    public string? Name { get; set; }
    public string? Slug { get; set; }
    public SectionKind Kind { get; set; }
    public string? Description { get; set; }
}

public sealed record SectionRow(int Id, string Name, string Slug, SectionKind Kind, int Articles);

/// <summary>Editors and admins: the site's sections, in menu order; a section with articles cannot be deleted.</summary>
public sealed class SectionsModel(KiosqueDb db, TimeProvider clock) : SettingsPage(db, clock)
{
    [BindProperty] public SectionInput Input { get; set; } = new();
    public int? EditingId { get; private set; }
    public string? EditingName { get; private set; }
    public IReadOnlyList<SectionRow> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is not null)
        {
            var section = await Db.Sections.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
            if (section is null) return NotFound();
            Input = new SectionInput { Name = section.Name, Slug = section.Slug, Kind = section.Kind, Description = section.Description };
        }
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        var slugText = ContentRules.Trimmed(Input.Slug);
        ModelState.AddTo(ContentRules.Section(Input.Name, slugText, Input.Description));
        Section? section = null;
        if (id is not null)
        {
            section = await Db.Sections.SingleOrDefaultAsync(s => s.Id == id, ct);
            if (section is null) return NotFound();
        }
        var slug = slugText ?? (Input.Name is null ? "" : Slugs.From(Input.Name, 100));
        if (ModelState.IsValid && slug != section?.Slug
            && await ContentRules.PublicSlugConflictAsync(Db, slug, section?.Id, pageId: null, ct) is var conflict and not SlugConflict.None)
            ModelState.AddModelError("Input.Slug", AdminText.Conflict(conflict, slug));
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }

        await InTransactionAsync(async () =>
        {
            if (section is null)
            {
                section = new Section { Position = (await Db.Sections.MaxAsync(s => (int?)s.Position, ct) ?? 0) + 1 };
                Db.Sections.Add(section);
            }
            else if (slug != section.Slug) await ContentRules.RedirectSectionArticlesAsync(Db, section, slug, Now, ct);
            var created = section.Id == 0;
            section.Name = Input.Name!.Trim();
            section.Slug = slug;
            section.Kind = Input.Kind;
            section.Description = ContentRules.Trimmed(Input.Description);
            if (created) await Db.SaveChangesAsync(ct);
            Audit(created ? "section.created" : "section.updated", "section", section.Id, section.Name);
        }, ct);
        return Saved();
    }

    public async Task<IActionResult> OnPostMoveAsync(MoveInput move, CancellationToken ct)
    {
        var ordered = await Db.Sections.OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync(ct);
        var index = ordered.FindIndex(s => s.Id == move.Id);
        if (index < 0) return NotFound();
        var other = move.Up ? index - 1 : index + 1;
        if (other >= 0 && other < ordered.Count)
        {
            (ordered[index], ordered[other]) = (ordered[other], ordered[index]);
            await InTransactionAsync(() =>
            {
                // Renumbered from scratch: positions written by the API may have gaps or ties.
                for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i + 1;
                Audit("section.reordered", "section", move.Id!, ordered[other].Name);
                return Task.CompletedTask;
            }, ct);
        }
        return Saved();
    }

    public async Task<IActionResult> OnPostDeleteAsync(IdInput input, CancellationToken ct)
    {
        var section = await Db.Sections.SingleOrDefaultAsync(s => s.Id == input.Id, ct);
        if (section is null) return NotFound();
        if (await Db.Articles.AnyAsync(a => a.SectionId == section.Id, ct))
        {
            ModelState.AddModelError("", AdminText.OnlyEmpty);
            await LoadAsync(null, ct);
            return Page();
        }
        return await DeletedAsync(section, "section", section.Id, section.Name, ct);
    }

    async Task LoadAsync(int? id, CancellationToken ct)
    {
        EditingId = id;
        EditingName = id is null ? null : await Db.Sections.Where(s => s.Id == id).Select(s => s.Name).FirstOrDefaultAsync(ct);
        Sections = await Db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new SectionRow(s.Id, s.Name, s.Slug, s.Kind, Db.Articles.Count(a => a.SectionId == s.Id)))
            .ToListAsync(ct);
    }
}
