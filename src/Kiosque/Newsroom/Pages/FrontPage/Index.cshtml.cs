using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Newsroom.Pages.FrontPage;

public sealed class SlotInput
{
    public int ArticleId { get; set; }
}

public sealed class SlotMoveInput
{
    public int ArticleId { get; set; }
    public string Direction { get; set; } = "";
}

public sealed record SlotRow(int ArticleId, string Headline, string Path, bool IsPublic);
public sealed record Candidate(int Id, string Headline, DateTime? PublishedAt, bool OnFrontPage);

/// <summary>Editors and admins: the home page's lead story and slot order. Every change is audited with the new order.</summary>
public sealed class IndexModel(KiosqueDb db, TimeProvider clock) : PageModel
{
    const int MaxSlots = 30;
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [TempData] public string? Notice { get; set; }
    public IReadOnlyList<SlotRow> Slots { get; private set; } = [];
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(SlotInput input, CancellationToken ct)
    {
        var now = Now;
        var isPublic = await db.Articles.AnyAsync(a => a.Id == input.ArticleId && a.Status == ArticleStatus.Published
            && a.PublishedAt != null && a.PublishedAt <= now, ct);
        if (!isPublic)
        {
            ModelState.AddModelError("", AdminText.ArticleNotPublic);
            await LoadAsync(ct);
            return Page();
        }
        return await ChangeAsync(order =>
        {
            if (!order.Contains(input.ArticleId) && order.Count < MaxSlots) order.Add(input.ArticleId);
        }, "frontpage.added", input.ArticleId, ct);
    }

    public Task<IActionResult> OnPostRemoveAsync(SlotInput input, CancellationToken ct) =>
        ChangeAsync(order => order.Remove(input.ArticleId), "frontpage.removed", input.ArticleId, ct);

    public Task<IActionResult> OnPostPinAsync(SlotInput input, CancellationToken ct) =>
        ChangeAsync(order =>
        {
            if (order.Remove(input.ArticleId)) order.Insert(0, input.ArticleId);
        }, "frontpage.pinned", input.ArticleId, ct);

    public Task<IActionResult> OnPostMoveAsync(SlotMoveInput input, CancellationToken ct) =>
        ChangeAsync(order =>
        {
            var i = order.IndexOf(input.ArticleId);
            var j = input.Direction == "up" ? i - 1 : i + 1;
            if (i >= 0 && j >= 0 && j < order.Count) (order[i], order[j]) = (order[j], order[i]);
        }, "frontpage.reordered", input.ArticleId, ct);

    /// <summary>Rewrites the whole slot list in one transaction, with the audit entry naming the new order.</summary>
    async Task<IActionResult> ChangeAsync(Action<List<int>> change, string action, int articleId, CancellationToken ct)
    {
        var actor = Actor.From(User) ?? throw new InvalidOperationException("A newsroom user without a role reached the front page.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var slots = await db.FrontPageSlots.OrderBy(s => s.Position).ToListAsync(ct);
        var order = slots.Select(s => s.ArticleId).ToList();
        var before = string.Join(",", order);
        change(order);
        if (string.Join(",", order) != before)
        {
            db.FrontPageSlots.RemoveRange(slots);
            await db.SaveChangesAsync(ct);
            db.FrontPageSlots.AddRange(order.Select((id, i) => new FrontPageSlot { Position = i, ArticleId = id }));
            var headline = await db.Articles.Where(a => a.Id == articleId).Select(a => a.Headline).FirstOrDefaultAsync(ct) ?? "";
            db.Record(actor, action, "article", articleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{headline} — une : {string.Join(", ", order)}", Now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        Notice = AdminText.Saved;
        return RedirectToPage(new { q = Query });
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var now = Now;
        var slots = await db.FrontPageSlots.AsNoTracking().OrderBy(s => s.Position)
            .Select(s => new
            {
                s.ArticleId, s.Article.Headline, s.Article.Slug, SectionSlug = s.Article.Section.Slug,
                IsPublic = s.Article.Status == ArticleStatus.Published && s.Article.PublishedAt != null && s.Article.PublishedAt <= now,
            }).ToListAsync(ct);
        Slots = slots.Select(s => new SlotRow(s.ArticleId, s.Headline, $"/{s.SectionSlug}/{s.Slug}", s.IsPublic)).ToList();
        var onFront = slots.Select(s => s.ArticleId).ToList();
        var published = db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt != null && a.PublishedAt <= now);
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var q = Query.Trim().ToLower(System.Globalization.CultureInfo.InvariantCulture);
#pragma warning disable CA1862, CA1304, CA1311 // translated to SQL lower(); a culture overload would not translate
            published = published.Where(a => a.Headline.ToLower().Contains(q));
#pragma warning restore CA1862, CA1304, CA1311
        }
        Candidates = await published.OrderByDescending(a => a.PublishedAt).Take(20)
            .Select(a => new Candidate(a.Id, a.Headline, a.PublishedAt, onFront.Contains(a.Id))).ToListAsync(ct);
    }
}
