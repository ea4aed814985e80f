using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Newsroom.Pages.Audit;

/// <summary>Admins only: the audit log, newest first, filtered by action, actor and item.</summary>
public sealed class IndexModel(KiosqueDb db) : PageModel
{
    public const int PageSize = 50;
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    public int PageNumber { get; private set; } = 1;
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> Actions { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Actors { get; private set; } = [];
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];
    public int PageCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Read by hand: Razor Pages has its own "page" route value (the page's path), which model binding would take instead.
        PageNumber = int.TryParse(Request.Query["page"], System.Globalization.CultureInfo.InvariantCulture, out var page) ? page : 1;
        Actions = await db.AuditEntries.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
        EntityTypes = await db.AuditEntries.Select(e => e.EntityType).Distinct().OrderBy(a => a).ToListAsync(ct);
        Actors = (await db.AuditEntries.Select(e => new { e.ActorId, e.ActorName }).Distinct().ToListAsync(ct))
            .GroupBy(a => a.ActorId).Select(g => (g.Key, g.First().ActorName)).OrderBy(a => a.Item2, StringComparer.CurrentCulture).ToList();

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(Action)) query = query.Where(e => e.Action == Action);
        if (!string.IsNullOrEmpty(Actor)) query = query.Where(e => e.ActorId == Actor);
        if (!string.IsNullOrEmpty(Entity))
        {
            // "article" or "article:12": a type, or one item.
            var parts = Entity.Split(':', 2);
            var type = parts[0];
            query = query.Where(e => e.EntityType == type);
            if (parts.Length == 2) query = query.Where(e => e.EntityId == parts[1]);
        }
        var count = await query.CountAsync(ct);
        PageCount = Math.Max(1, (count + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Entries = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    /// <summary>Where the item lives in the newsroom, when it has a page there.</summary>
    public static string? LinkTo(AuditEntry e) => e.EntityType switch
    {
        "article" => $"/newsroom/articles/{e.EntityId}",
        "section" => $"/newsroom/reglages/rubriques/{e.EntityId}",
        "dossier" => $"/newsroom/reglages/dossiers/{e.EntityId}",
        "author" => $"/newsroom/reglages/signatures/{e.EntityId}",
        "page" => $"/newsroom/reglages/pages/{e.EntityId}",
        "media" => $"/newsroom/medias/{e.EntityId}",
        "navigation" => "/newsroom/reglages/navigation",
        "site" => "/newsroom/reglages/site",
        _ => null,
    };

    public string PageUrl(int page) =>
        QueryString.Create(new Dictionary<string, string?> { ["Action"] = Action, ["Actor"] = Actor, ["Entity"] = Entity, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToUriComponent();
}
