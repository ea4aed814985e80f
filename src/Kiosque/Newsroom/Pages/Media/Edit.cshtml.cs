using Kiosque.Api;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosque.Newsroom.Pages.Media;

public sealed class MediaInput
{
    public string? Alt { get; set; }
    public string? Caption { get; set; }
    public string? Credit { get; set; }
}

public sealed record MediaUse(string Label, string Link);

/// <summary>
/// One image: its default alt, caption and credit (editors and admins, or the contributor who uploaded it), where it
/// is used, and deletion (editors and admins) only while nothing uses it.
/// </summary>
public sealed class EditModel(KiosqueDb db, TimeProvider clock, IOptions<KiosqueOptions> options) : PageModel
{
    [BindProperty] public MediaInput Input { get; set; } = new();
    [TempData] public string? Notice { get; set; }
    public MediaItem Item { get; private set; } = null!;
    public IReadOnlyList<MediaUse> Uses { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanDelete => User.IsInRole(Roles.Editor) || User.IsInRole(Roles.Admin);

    Actor CurrentActor => Actor.From(User) ?? throw new InvalidOperationException("A newsroom user without a role reached the media library.");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new MediaInput { Alt = Item.Alt, Caption = Item.Caption, Credit = Item.Credit };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        var errors = new List<FieldError>();
        ContentRules.MaxLength(errors, "alt", Input.Alt, 1000);
        ContentRules.MaxLength(errors, "caption", Input.Caption, 2000);
        ContentRules.MaxLength(errors, "credit", Input.Credit, 300);
        ModelState.AddTo(errors);
        if (!ModelState.IsValid) return Page();
        var item = await db.Media.SingleAsync(m => m.Id == id, ct);
        item.Alt = Input.Alt?.Trim() ?? "";
        item.Caption = ContentRules.Trimmed(Input.Caption);
        item.Credit = ContentRules.Trimmed(Input.Credit);
        db.Record(CurrentActor, "media.updated", "media", IdText(id), item.Alt, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        Notice = AdminText.Saved;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanDelete) return Forbid();
        if (Uses.Count > 0)
        {
            ModelState.AddModelError("", AdminText.CannotDeleteUsed);
            Input = new MediaInput { Alt = Item.Alt, Caption = Item.Caption, Credit = Item.Credit };
            return Page();
        }
        var item = await db.Media.SingleAsync(m => m.Id == id, ct);
        var storagePath = item.StoragePath;
        db.Media.Remove(item);
        db.Record(CurrentActor, "media.deleted", "media", IdText(id), item.Alt, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        DeleteFiles(storagePath);
        Notice = AdminText.Deleted;
        return RedirectToPage("Index");
    }

    /// <summary>The original and its renditions, which share its name with a width suffix, once the row is gone.</summary>
    void DeleteFiles(string storagePath)
    {
        // A wire picture points at the agency's server: no file of ours to remove.
        if (string.IsNullOrEmpty(storagePath)) return;
        var full = Path.GetFullPath(Path.Combine(options.Value.MediaPath, storagePath));
        var folder = Path.GetDirectoryName(full);
        if (folder is null || !full.StartsWith(Path.GetFullPath(options.Value.MediaPath), StringComparison.Ordinal) || !Directory.Exists(folder)) return;
        var stem = Path.GetFileNameWithoutExtension(full);
        MediaFiles.Delete(Directory.EnumerateFiles(folder, stem + "*"));
    }

    static string IdText(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var item = await db.Media.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (item is null) return false;
        Item = item;
        CanEdit = CanDelete || item.UploadedBy is not null && item.UploadedBy == CurrentActor.Id;
        var articles = await db.Articles.AsNoTracking().Where(a => a.LeadImageId == id)
            .Select(a => new { a.Id, a.Headline }).ToListAsync(ct);
        var authors = await db.Authors.AsNoTracking().Where(a => a.PhotoId == id).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        Uses = articles.Select(a => new MediaUse(a.Headline, $"/newsroom/articles/{a.Id}"))
            .Concat(authors.Select(a => new MediaUse($"{a.Name} ({AdminText.AuthorPhoto})", $"/newsroom/reglages/signatures/{a.Id}")))
            .ToList();
        return true;
    }
}
