using Kiosque.Infrastructure;
using Kiosque.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Newsletter.Pages;

public sealed record ArchiveItem(int Id, string Subject, string List, DateTime SentAt);

/// <summary>Every sent edition, newest first: the newsletter's public web archive.</summary>
public sealed class ArchivesModel(SiteContext site, KiosqueDb db) : NewsletterPageModel(site)
{
    public IReadOnlyList<ArchiveItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await PrepareAsync(NewsletterText.ArchiveTitle, ct, personal: false, canonical: NewsletterPaths.Archives);
        Items = await db.NewsletterEditions.AsNoTracking().Where(e => e.Status == EditionStatus.Sent && e.SentAt != null)
            .OrderByDescending(e => e.SentAt).Take(200)
            .Select(e => new ArchiveItem(e.Id, e.Subject, e.List.Name, e.SentAt!.Value)).ToListAsync(ct);
    }
}

/// <summary>One sent edition as a web page (the "Version en ligne" link of each message); drafts and editions still sending are not public.</summary>
public sealed class ArchiveModel(SiteContext site, KiosqueDb db, EditionRenderer renderer) : NewsletterPageModel(site)
{
    public Edition Edition { get; private set; } = null!;
    public IReadOnlyList<EditionArticle> Articles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var edition = await db.NewsletterEditions.AsNoTracking().Include(e => e.List)
            .FirstOrDefaultAsync(e => e.Id == id && e.Status == EditionStatus.Sent, ct);
        if (edition is null) return NotFound();
        Edition = edition;
        await PrepareAsync(edition.Subject, ct, personal: false, canonical: NewsletterPaths.Archive(id));
        Articles = await renderer.ArticlesAsync(id, ct);
        return Page();
    }
}
