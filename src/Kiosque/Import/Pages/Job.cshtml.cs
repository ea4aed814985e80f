using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Import.Pages;

/// <summary>Admins only: one import's state, with a progress bar that import.js keeps up to date while it runs.</summary>
public sealed class JobModel(KiosqueDb db, ImportProgress progress) : PageModel
{
    public ImportJob Job { get; private set; } = null!;
    public int Done { get; private set; }
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return NotFound();
        Job = job;
        (Done, Total) = progress.Get(id) ?? (job.Done, job.Total);
        return Page();
    }
}
