using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosque.Import.Pages;

/// <summary>Admins only (see ImportFeature): upload a WordPress export, which a background job imports; the past imports.</summary>
[RequestSizeLimit(ImportFeature.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportFeature.MaxRequestBytes)]
public sealed class IndexModel(KiosqueDb db, ImportJobs jobs, IOptions<ImportOptions> options) : PageModel
{
    public IReadOnlyList<ImportJob> Jobs { get; private set; } = [];
    public string? Error { get; private set; }
    public long MaxBytes => Math.Min(options.Value.MaxUploadBytes, ImportFeature.MaxRequestBytes);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        Error = file is null || file.Length == 0 ? ImportText.NoFile
            : file.Length > MaxBytes ? ImportText.TooLarge(MaxBytes)
            : !await LooksLikeXmlAsync(file, ct) ? ImportText.NotXml
            : null;
        if (Error is not null)
        {
            ModelState.AddModelError("file", Error);
            await LoadAsync(ct);
            return Page();
        }
        var actor = Actor.From(User) ?? throw new InvalidOperationException("A newsroom page without a signed-in actor.");
        await using var stream = file!.OpenReadStream();
        var job = await jobs.EnqueueAsync(stream, file.FileName, actor, ct);
        return Redirect($"/newsroom/import/{job.Id}");
    }

    /// <summary>A quick look at the start: the file is read whole, with its line numbers, by the job.</summary>
    static async Task<bool> LooksLikeXmlAsync(IFormFile file, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var buffer = new byte[512];
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        var start = System.Text.Encoding.UTF8.GetString(buffer, 0, read).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return start.StartsWith('<');
    }

    async Task LoadAsync(CancellationToken ct) =>
        Jobs = await db.ImportJobs.AsNoTracking().OrderByDescending(j => j.Id).Take(50).ToListAsync(ct);
}
