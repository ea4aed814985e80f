using Kiosque.Content;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Newsroom.Pages.Settings;

public sealed class DossierInput
{
    public string? Name { get; set; }
    public string? Slug { get; set; }
    public string? Description { get; set; }
}

public sealed record DossierRow(int Id, string Name, string Slug, int Articles);

/// <summary>Editors and admins: topic collections such as "Guerre en Ukraine"; one with articles cannot be deleted.</summary>
public sealed class DossiersModel(KiosqueDb db, TimeProvider clock) : SettingsPage(db, clock)
{
    [BindProperty] public DossierInput Input { get; set; } = new();
    public int? EditingId { get; private set; }
    public IReadOnlyList<DossierRow> Dossiers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is not null)
        {
            var dossier = await Db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
            if (dossier is null) return NotFound();
            Input = new DossierInput { Name = dossier.Name, Slug = dossier.Slug, Description = dossier.Description };
        }
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        var slugText = ContentRules.Trimmed(Input.Slug);
        ModelState.AddTo(ContentRules.Dossier(Input.Name, slugText, Input.Description));
        Dossier? dossier = null;
        if (id is not null && (dossier = await Db.Dossiers.SingleOrDefaultAsync(d => d.Id == id, ct)) is null) return NotFound();
        var slug = slugText ?? (Input.Name is null ? "" : Slugs.From(Input.Name));
        if (ModelState.IsValid && slug != dossier?.Slug && await Db.Dossiers.AnyAsync(d => d.Slug == slug, ct))
            ModelState.AddModelError("Input.Slug", AdminText.Taken(slug));
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }
        await InTransactionAsync(async () =>
        {
            var created = dossier is null;
            dossier ??= Db.Dossiers.Add(new Dossier { CreatedAt = Now }).Entity;
            dossier.Name = Input.Name!.Trim();
            dossier.Slug = slug;
            dossier.Description = ContentRules.Trimmed(Input.Description);
            if (created) await Db.SaveChangesAsync(ct);
            Audit(created ? "dossier.created" : "dossier.updated", "dossier", dossier.Id, dossier.Name);
        }, ct);
        return Saved();
    }

    public async Task<IActionResult> OnPostDeleteAsync(IdInput input, CancellationToken ct)
    {
        var dossier = await Db.Dossiers.SingleOrDefaultAsync(d => d.Id == input.Id, ct);
        if (dossier is null) return NotFound();
        if (await Db.Articles.AnyAsync(a => a.DossierId == dossier.Id, ct))
        {
            ModelState.AddModelError("", AdminText.OnlyEmpty);
            await LoadAsync(null, ct);
            return Page();
        }
        return await DeletedAsync(dossier, "dossier", dossier.Id, dossier.Name, ct);
    }

    async Task LoadAsync(int? id, CancellationToken ct)
    {
        EditingId = id;
        Dossiers = await Db.Dossiers.AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new DossierRow(d.Id, d.Name, d.Slug, Db.Articles.Count(a => a.DossierId == d.Id))).ToListAsync(ct);
    }
}
