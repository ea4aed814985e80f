using System.Globalization;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;

// ToLower().Contains translates to SQL on SQLite and PostgreSQL alike; the StringComparison overloads do not.
#pragma warning disable CA1862

namespace Kiosque.Newsroom.Pages.Articles;

public sealed record Choice(string Value, string Label);
public sealed record SectionChoice(string Slug, string Name, SectionKind Kind);
public sealed record DossierChoice(string Slug, string Name);
public sealed record MediaChoice(int Id, string Url, string Alt, string? Caption, string? Credit, int Width, int Height);
public sealed record RelatedCandidate(int Id, string Headline, string Section);

/// <summary>The stored state of an article the editor shows beside the form: status, dates, ownership, notes.</summary>
public sealed record ArticleState(int Id, ArticleStatus Status, int Version, string? CreatedBy, IReadOnlyList<int> AuthorIds,
    DateTime? PublishedAt, bool WasEverPublic, string Path, string Headline, IReadOnlyList<CorrectionNote> Corrections)
{
    public bool IsPublic(DateTime now) => Status == ArticleStatus.Published && PublishedAt <= now;
}

public sealed record CorrectionNote(DateTime At, string Text);

/// <summary>The editor's reads: the article, the choices its fields offer, and who may see or do what with it.</summary>
public sealed class ArticleEditor(KiosqueDb db, TimeProvider clock)
{
    public const int MediaShown = 12;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public async Task<TimeZoneInfo> TimeZoneAsync(CancellationToken ct)
    {
        var zone = await db.SiteSettings.AsNoTracking().Select(s => s.TimeZone).FirstOrDefaultAsync(ct);
        return zone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) ? found : TimeZoneInfo.Utc;
    }

    public async Task<(ArticleState State, ArticleInput Input, IReadOnlyDictionary<int, string> RelatedHeadlines)?> LoadAsync(int id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().AsSplitQuery()
            .Include(a => a.Section).Include(a => a.Dossier)
            .Include(a => a.Authors).ThenInclude(x => x.Author)
            .Include(a => a.Tags).Include(a => a.Related).Include(a => a.Corrections)
            .SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return null;
        var input = ArticleSnapshot.Of(article);
        var headlines = await HeadlinesAsync(input.Related.Where(r => r.ArticleId is not null).Select(r => r.ArticleId!.Value), ct);
        var state = new ArticleState(article.Id, article.Status, article.Version, article.CreatedBy,
            article.Authors.Select(a => a.AuthorId).ToList(), article.PublishedAt, article.WasEverPublic(UtcNow), article.Path, article.Headline,
            article.Corrections.OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => new CorrectionNote(c.At, c.Text)).ToList());
        return (state, input, headlines);
    }

    public async Task<IReadOnlyDictionary<int, string>> HeadlinesAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        if (list.Count == 0) return new Dictionary<int, string>();
        return await db.Articles.AsNoTracking().Where(a => list.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Headline, ct);
    }

    public async Task<int?> VersionAsync(int id, CancellationToken ct) =>
        await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => (int?)a.Version).SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyList<SectionChoice>> SectionsAsync(CancellationToken ct) =>
        await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name)
            .Select(s => new SectionChoice(s.Slug, s.Name, s.Kind)).ToListAsync(ct);

    public async Task<IReadOnlyList<DossierChoice>> DossiersAsync(CancellationToken ct) =>
        await db.Dossiers.AsNoTracking().OrderBy(d => d.Name).Select(d => new DossierChoice(d.Slug, d.Name)).ToListAsync(ct);

    public async Task<IReadOnlyList<Choice>> AuthorsAsync(CancellationToken ct) =>
        await db.Authors.AsNoTracking().OrderBy(a => a.Name).Select(a => new Choice(a.Slug, a.Name)).ToListAsync(ct);

    public async Task<string?> AuthorSlugAsync(int? authorId, CancellationToken ct) =>
        authorId is null ? null : await db.Authors.AsNoTracking().Where(a => a.Id == authorId).Select(a => a.Slug).SingleOrDefaultAsync(ct);

    /// <summary>The latest images, or those whose alt, caption or credit contain <paramref name="query"/>; the chosen one always shows.</summary>
    public async Task<IReadOnlyList<MediaChoice>> MediaAsync(string? query, int? selected, CancellationToken ct)
    {
        var media = db.Media.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            var q = query.Trim().ToLower();
            media = media.Where(m => m.Alt.ToLower().Contains(q) || (m.Caption != null && m.Caption.ToLower().Contains(q))
                                     || (m.Credit != null && m.Credit.ToLower().Contains(q)));
        }
        var list = await media.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(MediaShown)
            .Select(m => new MediaChoice(m.Id, m.Url, m.Alt, m.Caption, m.Credit, m.Width, m.Height)).ToListAsync(ct);
        if (selected is { } id && list.All(m => m.Id != id))
        {
            var chosen = await db.Media.AsNoTracking().Where(m => m.Id == id)
                .Select(m => new MediaChoice(m.Id, m.Url, m.Alt, m.Caption, m.Credit, m.Width, m.Height)).SingleOrDefaultAsync(ct);
            if (chosen is not null) list.Insert(0, chosen);
        }
        return list;
    }

    public async Task<IReadOnlyList<RelatedCandidate>> PublishedMatchingAsync(string? query, int? exclude, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(query)) return [];
        var q = query.Trim().ToLower();
        var now = UtcNow;
        var skip = exclude ?? 0;
        return await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && a.Id != skip && a.Headline.ToLower().Contains(q))
            .OrderByDescending(a => a.PublishedAt).Take(10)
            .Select(a => new RelatedCandidate(a.Id, a.Headline, a.Section.Name)).ToListAsync(ct);
    }

    public async Task<RelatedCandidate?> PublishedAsync(int id, CancellationToken ct)
    {
        var now = UtcNow;
        return await db.Articles.AsNoTracking().Where(a => a.Id == id && a.Status == ArticleStatus.Published && a.PublishedAt <= now)
            .Select(a => new RelatedCandidate(a.Id, a.Headline, a.Section.Name)).SingleOrDefaultAsync(ct);
    }

    /// <summary>Contributors open their own pieces (created by them or under their byline) and published ones.</summary>
    public static bool MaySee(Actor actor, int? authorId, ArticleState article, DateTime now) =>
        actor.CanPublish || article.CreatedBy == actor.Id || authorId is { } mine && article.AuthorIds.Contains(mine) || article.IsPublic(now);

    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>"24 nov. 2026 à 14 h 32".</summary>
    public static string Format(DateTime utc, TimeZoneInfo zone)
    {
        var local = ToLocal(utc, zone);
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en"
            ? local.ToString("d MMM yyyy, HH:mm", CultureInfo.CurrentCulture)
            : $"{local.ToString("d MMM yyyy", CultureInfo.CurrentCulture)} à {local.Hour} h {local.Minute:00}";
    }

    public static string Time(DateTime utc, TimeZoneInfo zone)
    {
        var local = ToLocal(utc, zone);
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? local.ToString("HH:mm", CultureInfo.InvariantCulture) : $"{local.Hour} h {local.Minute:00}";
    }
}
