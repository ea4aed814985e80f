using System.Globalization;
using Kiosque.Accounts;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

// ToLower().Contains translates to SQL on SQLite and PostgreSQL alike; the StringComparison overloads do not.
#pragma warning disable CA1862

namespace Kiosque.Newsroom.Pages.Articles;

public sealed record ArticleRow(int Id, string Headline, ArticleStatus Status, string Section, IReadOnlyList<string> Authors,
    DateTime UpdatedAt, DateTime? PublishedAt, string? PublicPath, Wires.WireItem? Wire = null);

/// <summary>The filters of the article list, as they appear in its query string.</summary>
public sealed class ArticleFilters
{
    public string? Q { get; set; }
    public string? Statut { get; set; }
    public string? Rubrique { get; set; }
    public string? Dossier { get; set; }
    public string? Auteur { get; set; }
    public bool Miens { get; set; }
    public string? Tri { get; set; }
    [FromQuery(Name = "page")] public int Page { get; set; } = 1;

    public bool ByPublication => Tri == "publication";

    public string Query(int page)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        Add("q", Q);
        Add("statut", Statut);
        Add("rubrique", Rubrique);
        Add("dossier", Dossier);
        Add("auteur", Auteur);
        if (Miens) parts.Add("miens=true");
        Add("tri", Tri);
        if (page > 1) parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "/newsroom/articles" : "/newsroom/articles?" + string.Join("&amp;", parts);
    }
}

/// <summary>Every article the user may see, filtered, searched, sorted and paginated.</summary>
public sealed class IndexModel(KiosqueDb db, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;
    readonly ArticleEditor editor = new(db, clock);

    [BindProperty(SupportsGet = true)] public ArticleFilters Filters { get; set; } = new();

    public IReadOnlyList<ArticleRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount { get; private set; }
    public bool IsContributor { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public IReadOnlyList<SectionChoice> Sections { get; private set; } = [];
    public IReadOnlyList<DossierChoice> Dossiers { get; private set; } = [];
    public IReadOnlyList<Choice> Authors { get; private set; } = [];

    public static readonly (string Value, ArticleStatus Status)[] Statuses =
    [
        ("brouillon", ArticleStatus.Draft), ("a-relire", ArticleStatus.InReview), ("programme", ArticleStatus.Scheduled),
        ("publie", ArticleStatus.Published), ("depublie", ArticleStatus.Unpublished),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Actor.From(User) is not { } actor) return Forbid();
        IsContributor = !actor.CanPublish;
        Zone = await editor.TimeZoneAsync(ct);
        Sections = await editor.SectionsAsync(ct);
        Dossiers = await editor.DossiersAsync(ct);
        Authors = await editor.AuthorsAsync(ct);
        var me = actor.Id;
        var myAuthor = int.TryParse(User.FindFirst(NewsroomClaims.AuthorId)?.Value, CultureInfo.InvariantCulture, out var a) ? a : -1;
        var now = clock.GetUtcNow().UtcDateTime;

        var query = db.Articles.AsNoTracking();
        if (IsContributor)
            query = query.Where(x => x.CreatedBy == me || x.Authors.Any(y => y.AuthorId == myAuthor)
                                     || (x.Status == ArticleStatus.Published && x.PublishedAt <= now));
        if (Filters.Miens) query = query.Where(x => x.CreatedBy == me || x.Authors.Any(y => y.AuthorId == myAuthor));
        if (Statuses.FirstOrDefault(s => s.Value == Filters.Statut) is { Value: not null } wanted)
            query = query.Where(x => x.Status == wanted.Status);
        if (!string.IsNullOrWhiteSpace(Filters.Rubrique)) query = query.Where(x => x.Section.Slug == Filters.Rubrique);
        if (!string.IsNullOrWhiteSpace(Filters.Dossier)) query = query.Where(x => x.Dossier != null && x.Dossier.Slug == Filters.Dossier);
        if (!string.IsNullOrWhiteSpace(Filters.Auteur)) query = query.Where(x => x.Authors.Any(y => y.Author.Slug == Filters.Auteur));
        if (!string.IsNullOrWhiteSpace(Filters.Q))
        {
            var q = Filters.Q.Trim().ToLower();
            query = query.Where(x => x.Headline.ToLower().Contains(q) || x.Standfirst.ToLower().Contains(q));
        }

        Total = await query.CountAsync(ct);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        Filters.Page = Math.Clamp(Filters.Page, 1, PageCount);
        var ordered = Filters.ByPublication
            ? query.OrderByDescending(x => x.PublishedAt.HasValue).ThenByDescending(x => x.PublishedAt).ThenByDescending(x => x.Id)
            : query.OrderByDescending(x => x.UpdatedAt).ThenByDescending(x => x.Id);
        var rows = await ordered.Skip((Filters.Page - 1) * PageSize).Take(PageSize)
            .Select(x => new
            {
                x.Id, x.Headline, x.Status, Section = x.Section.Name, SectionSlug = x.Section.Slug, x.Slug, x.UpdatedAt, x.PublishedAt,
                Authors = x.Authors.OrderBy(y => y.Position).Select(y => y.Author.Name).ToList(),
            })
            .ToListAsync(ct);
        var ids = rows.Select(x => x.Id).ToList();
        var wires = await db.WireItems.AsNoTracking().Where(w => ids.Contains(w.ArticleId)).ToDictionaryAsync(w => w.ArticleId, ct);
        Rows = rows.Select(x => new ArticleRow(x.Id, x.Headline, x.Status, x.Section, x.Authors, x.UpdatedAt, x.PublishedAt,
            x.Status == ArticleStatus.Published && x.PublishedAt <= now ? $"/{x.SectionSlug}/{x.Slug}" : null,
            wires.GetValueOrDefault(x.Id))).ToList();
        return Page();
    }

    public string Local(DateTime utc) => ArticleEditor.Format(utc, Zone);
}
