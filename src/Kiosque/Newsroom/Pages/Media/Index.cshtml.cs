using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Kiosque.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Newsroom.Pages.Media;

public sealed record FileOutcome(string FileName, string? Error);

/// <summary>
/// Every newsroom role: the image grid with search and pages, and uploads. Each file is checked by its content;
/// the accepted ones are saved together with their audit entries in one transaction, and only if none is refused,
/// so a failed upload writes nothing and the person retries the whole set.
/// </summary>
public sealed class IndexModel(KiosqueDb db, MediaStore store, TimeProvider clock) : PageModel
{
    public const int PageSize = 24;
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    public int PageNumber { get; private set; } = 1;
    [TempData] public string? Notice { get; set; }
    public IReadOnlyList<MediaItem> Items { get; private set; } = [];
    public int PageCount { get; private set; }
    public IReadOnlyList<FileOutcome> Outcomes { get; private set; } = [];
    public long MaxBytes => store.MaxBytes;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostUploadAsync(List<IFormFile> files, CancellationToken ct)
    {
        var actor = Actor.From(User) ?? throw new InvalidOperationException("A newsroom user without a role reached the media library.");
        if (files.Count == 0)
        {
            ModelState.AddModelError("files", AdminText.NoFile);
            await LoadAsync(ct);
            return Page();
        }
        var outcomes = new List<FileOutcome>();
        var stored = new List<(StoredImage Image, string Name)>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName);
            if (file.Length > store.MaxBytes)
            {
                outcomes.Add(new(name, AdminText.TooLarge(store.MaxBytes)));
                continue;
            }
            try
            {
                await using var content = file.OpenReadStream();
                stored.Add((await store.StoreFilesAsync(content, ct), name));
                outcomes.Add(new(name, null));
            }
            catch (MediaRejectedException e)
            {
                outcomes.Add(new(name, e.Message.StartsWith("The file is not", StringComparison.Ordinal) ? AdminText.NotAnImage : AdminText.Rejected(e.Message)));
            }
        }
        var allFiles = stored.SelectMany(s => s.Image.Files).ToList();
        if (outcomes.Any(o => o.Error is not null))
        {
            MediaFiles.Delete(allFiles);
            Outcomes = outcomes;
            ModelState.AddModelError("files", AdminText.NothingUploaded);
            await LoadAsync(ct);
            return Page();
        }
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var items = stored.Select(s => (Item: store.Add(s.Image, "", null, null), s.Name)).ToList();
            foreach (var (item, _) in items) item.UploadedBy = actor.Id;
            await db.SaveChangesAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var (item, name) in items)
                db.Record(actor, "media.uploaded", "media", item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), name, now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch
        {
            MediaFiles.Delete(allFiles);
            throw;
        }
        Notice = AdminText.Uploaded(stored.Count);
        return RedirectToPage();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        // Read by hand: Razor Pages has its own "page" route value (the page's path), which model binding would take instead.
        PageNumber = int.TryParse(Request.Query["page"], System.Globalization.CultureInfo.InvariantCulture, out var page) ? page : 1;
        var query = db.Media.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var q = Query.Trim().ToLower(System.Globalization.CultureInfo.InvariantCulture);
#pragma warning disable CA1862, CA1304, CA1311 // translated to SQL lower(); a culture overload would not translate
            query = query.Where(m => m.Alt.ToLower().Contains(q) || (m.Caption != null && m.Caption.ToLower().Contains(q))
                || (m.Credit != null && m.Credit.ToLower().Contains(q)));
#pragma warning restore CA1862, CA1304, CA1311
        }
        var count = await query.CountAsync(ct);
        PageCount = Math.Max(1, (count + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Items = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    public static string Thumbnail(MediaItem item, ResponsiveImages images) =>
        images.Find(item.Url, item.Width, item.Height) is { } set ? set.Jpeg[0].Url : item.Url;

    public string PageUrl(int page) =>
        QueryString.Create(new Dictionary<string, string?> { ["q"] = Query, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToUriComponent();
}

static class MediaFiles
{
    public static void Delete(IEnumerable<string> files)
    {
        foreach (var f in files)
        {
            try { File.Delete(f); }
            catch (IOException) { /* left behind: an orphan file costs disk space, not correctness */ }
        }
    }
}
