using System.Linq.Expressions;
using Kiosque.Content;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Site;

public sealed record SectionInfo(int Id, string Name, string Slug, string? Description, SectionKind Kind);
public sealed record DossierInfo(int Id, string Name, string Slug, string? Description);
public sealed record AuthorInfo(int Id, string Name, string Slug, string? Bio, ImageView? Photo);
public sealed record PageInfo(string Title, string Slug, string BodyHtml, DateTime UpdatedAt);

/// <summary>Where an unknown path went: moved (301 to the article's current path), retired (410) or nowhere.</summary>
public sealed record MovedPath(string? RedirectTo, bool Retired);

/// <summary>The reader site's read queries: each projects to a small view, untracked, in one round trip.</summary>
public sealed class SiteQueries(KiosqueDb db, TimeProvider clock)
{
    public const int PageSize = 20;
    const int PerSectionOnHome = 4;

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    IQueryable<Article> PublicArticles()
    {
        var now = Now;
        return db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt != null && a.PublishedAt <= now);
    }

    // Not static: the approved-comment count is a correlated subquery on this context.
    Expression<Func<Article, ArticleCard>> ToCard => a => new ArticleCard
    {
        Id = a.Id,
        SectionId = a.SectionId,
        KickerText = a.Kicker,
        DossierName = a.Dossier != null ? a.Dossier.Name : null,
        Headline = a.Headline,
        Standfirst = a.Standfirst,
        Slug = a.Slug,
        SectionSlug = a.Section.Slug,
        SectionName = a.Section.Name,
        PublishedAt = a.PublishedAt ?? a.CreatedAt,
        ImageUrl = a.LeadImage != null ? a.LeadImage.Url : null,
        ImageWidth = a.LeadImage != null ? a.LeadImage.Width : 0,
        ImageHeight = a.LeadImage != null ? a.LeadImage.Height : 0,
        ImageAlt = a.LeadImageAlt ?? (a.LeadImage != null ? a.LeadImage.Alt : null),
        CommentCount = db.Comments.Count(c => c.ArticleId == a.Id && c.Status == Comments.CommentStatus.Approved),
    };

    public Task<ArticleCard?> LeadStoryAsync(CancellationToken ct) =>
        PublicArticles().OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(ToCard).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The editors' front-page slots in order, keeping only articles public now: an unpublished or not-yet-live
    /// article drops out at read time, with no clean-up to forget.
    /// </summary>
    public async Task<IReadOnlyList<ArticleCard>> CuratedAsync(CancellationToken ct)
    {
        var order = await db.FrontPageSlots.AsNoTracking().OrderBy(s => s.Position)
            .Select(s => s.ArticleId).ToListAsync(ct);
        if (order.Count == 0) return [];
        var cards = await PublicArticles().Where(a => order.Contains(a.Id)).Select(ToCard).ToListAsync(ct);
        return cards.OrderBy(c => order.IndexOf(c.Id)).ToList();
    }

    /// <summary>
    /// Every section in order with its latest articles, in two queries: the sections, then the cards whose ids
    /// come from one UNION ALL of per-section "latest N" subqueries (SQLite has no LATERAL/APPLY join).
    /// </summary>
    public async Task<IReadOnlyList<SectionGroup>> LatestBySectionAsync(IReadOnlyCollection<int> excludeIds, CancellationToken ct)
    {
        var sections = await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Name, s.Slug }).ToListAsync(ct);
        if (sections.Count == 0) return [];

        var exclude = excludeIds.ToList();
        IQueryable<int>? ids = null;
        foreach (var section in sections)
        {
            var sectionId = section.Id;
            var latest = PublicArticles().Where(a => a.SectionId == sectionId && !exclude.Contains(a.Id))
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Take(PerSectionOnHome).Select(a => a.Id);
            ids = ids is null ? latest : ids.Concat(latest);
        }
        var cards = await PublicArticles().Where(a => ids!.Contains(a.Id))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(ToCard)
            .ToListAsync(ct);

        return sections
            .Select(s => new SectionGroup(s.Name, s.Slug, cards.Where(c => c.SectionId == s.Id).ToList()))
            .Where(g => g.Articles.Count > 0)
            .ToList();
    }

    public Task<SectionInfo?> SectionAsync(string slug, CancellationToken ct) =>
        db.Sections.AsNoTracking().Where(s => s.Slug == slug)
            .Select(s => new SectionInfo(s.Id, s.Name, s.Slug, s.Description, s.Kind)).FirstOrDefaultAsync(ct);

    public Task<Paged<ArticleCard>?> SectionArticlesAsync(int sectionId, int page, CancellationToken ct) =>
        PageOfAsync(PublicArticles().Where(a => a.SectionId == sectionId), page, ct);

    public Task<DossierInfo?> DossierAsync(string slug, CancellationToken ct) =>
        db.Dossiers.AsNoTracking().Where(d => d.Slug == slug)
            .Select(d => new DossierInfo(d.Id, d.Name, d.Slug, d.Description)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<DossierInfo>> DossiersAsync(CancellationToken ct) =>
        await db.Dossiers.AsNoTracking().OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Name)
            .Select(d => new DossierInfo(d.Id, d.Name, d.Slug, d.Description)).ToListAsync(ct);

    public Task<Paged<ArticleCard>?> DossierArticlesAsync(int dossierId, int page, CancellationToken ct) =>
        PageOfAsync(PublicArticles().Where(a => a.DossierId == dossierId), page, ct);

    public Task<AuthorInfo?> AuthorAsync(string slug, CancellationToken ct) =>
        db.Authors.AsNoTracking().Where(a => a.Slug == slug)
            .Select(a => new AuthorInfo(a.Id, a.Name, a.Slug, a.Bio,
                a.Photo == null ? null : new ImageView(a.Photo.Url, a.Photo.Width, a.Photo.Height, a.Name)))
            .FirstOrDefaultAsync(ct);

    public Task<Paged<ArticleCard>?> AuthorArticlesAsync(int authorId, int page, CancellationToken ct) =>
        PageOfAsync(PublicArticles().Where(a => a.Authors.Any(x => x.AuthorId == authorId)), page, ct);

    public Task<TagLink?> TagAsync(string slug, CancellationToken ct) =>
        db.Tags.AsNoTracking().Where(t => t.Slug == slug).Select(t => new TagLink(t.Name, t.Slug)).FirstOrDefaultAsync(ct);

    public Task<Paged<ArticleCard>?> TagArticlesAsync(string tagSlug, int page, CancellationToken ct) =>
        PageOfAsync(PublicArticles().Where(a => a.Tags.Any(t => t.Slug == tagSlug)), page, ct);

    public Task<PageInfo?> PageAsync(string slug, CancellationToken ct) =>
        db.Pages.AsNoTracking().Where(p => p.Slug == slug && p.Status == PageStatus.Published)
            .Select(p => new PageInfo(p.Title, p.Slug, p.BodyHtml, p.UpdatedAt)).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The article by its slug (unique site-wide), whatever section the request named, so that the caller can
    /// answer 301 when the section is not the article's. Authors, tags and related items come as split queries
    /// so that the body is not repeated on every joined row.
    /// </summary>
    public async Task<ArticleView?> ArticleAsync(string slug, CancellationToken ct)
    {
        var article = await PublicArticles().AsSplitQuery()
            .Where(a => a.Slug == slug)
            .Select(ToView)
            .FirstOrDefaultAsync(ct);
        return article;
    }

    /// <summary>
    /// Any article whatever its status, as the reader's page would show it: the newsroom's preview. Related
    /// internal articles still show only while public (<see cref="RelatedLinks"/>).
    /// </summary>
    public Task<ArticleView?> AnyStatusAsync(int id, CancellationToken ct) =>
        db.Articles.AsNoTracking().AsSplitQuery().Where(a => a.Id == id).Select(ToView).FirstOrDefaultAsync(ct);

    /// <summary>Not static: the wire credit is a subquery on this context's WireItems, within the same query.</summary>
    Expression<Func<Article, ArticleView>> ToView =>
        a => new ArticleView
        {
            Id = a.Id,
            KickerText = a.Kicker,
            DossierId = a.DossierId,
            DossierName = a.Dossier != null ? a.Dossier.Name : null,
            DossierSlug = a.Dossier != null ? a.Dossier.Slug : null,
            Headline = a.Headline,
            Slug = a.Slug,
            SectionSlug = a.Section.Slug,
            SectionName = a.Section.Name,
            SectionKind = a.Section.Kind,
            Standfirst = a.Standfirst,
            BodyHtml = a.BodyHtml,
            ImageUrl = a.LeadImage != null ? a.LeadImage.Url : null,
            ImageWidth = a.LeadImage != null ? a.LeadImage.Width : 0,
            ImageHeight = a.LeadImage != null ? a.LeadImage.Height : 0,
            ImageAlt = a.LeadImageAlt ?? (a.LeadImage != null ? a.LeadImage.Alt : null),
            ImageCaption = a.LeadImageCaption ?? (a.LeadImage != null ? a.LeadImage.Caption : null),
            ImageCredit = a.LeadImageCredit ?? (a.LeadImage != null ? a.LeadImage.Credit : null),
            PublishedAt = a.PublishedAt ?? a.CreatedAt,
            UpdatedAt = a.UpdatedAt,
            CommentsEnabled = a.CommentsEnabled,
            VideoUrl = a.VideoUrl,
            AudioUrl = a.AudioUrl,
            AudioDurationSeconds = a.AudioDurationSeconds,
            Transcript = a.Transcript,
            Authors = a.Authors.OrderBy(x => x.Position).Select(x => new PersonLink(x.Author.Name, x.Author.Slug)).ToList(),
            Tags = a.Tags.OrderBy(t => t.Name).Select(t => new TagLink(t.Name, t.Slug, t.Id)).ToList(),
            WorkType = a.WorkType,
            SeoTitle = a.SeoTitle,
            SeoDescription = a.SeoDescription,
            Corrections = a.Corrections.OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => new CorrectionNote(c.At, c.Text)).ToList(),
            AgencyCredit = db.WireItems.Where(w => w.ArticleId == a.Id).Select(w => w.Credit).FirstOrDefault(),
            RelatedRows = a.Related.OrderBy(r => r.Position).ThenBy(r => r.Id).Select(r => new RelatedRow
            {
                Url = r.Url,
                Title = r.Title,
                Source = r.Source,
                TargetId = r.TargetArticleId,
                TargetHeadline = r.TargetArticle != null ? r.TargetArticle.Headline : null,
                TargetSlug = r.TargetArticle != null ? r.TargetArticle.Slug : null,
                TargetSectionSlug = r.TargetArticle != null ? r.TargetArticle.Section.Slug : null,
                TargetStatus = r.TargetArticle != null ? r.TargetArticle.Status : null,
                TargetPublishedAt = r.TargetArticle != null ? r.TargetArticle.PublishedAt : null,
            }).ToList(),
        };

    /// <summary>Internal items only while their article is public; external items only with an http(s) URL.</summary>
    public IReadOnlyList<RelatedLink> RelatedLinks(ArticleView article)
    {
        var now = Now;
        var links = new List<RelatedLink>();
        foreach (var r in article.RelatedRows)
        {
            if (r.TargetId is not null)
            {
                if (r.TargetStatus == ArticleStatus.Published && r.TargetPublishedAt <= now && r.TargetHeadline is not null)
                    links.Add(new(r.TargetHeadline, $"/{r.TargetSectionSlug}/{r.TargetSlug}", null, false));
            }
            else if (!string.IsNullOrWhiteSpace(r.Url) && Uri.TryCreate(r.Url, UriKind.Absolute, out var uri)
                     && uri.Scheme is "http" or "https")
            {
                links.Add(new(string.IsNullOrWhiteSpace(r.Title) ? uri.Host : r.Title, r.Url,
                    string.IsNullOrWhiteSpace(r.Source) ? null : r.Source, true));
            }
        }
        return links;
    }

    public async Task<MovedPath> MovedAsync(string path, CancellationToken ct)
    {
        var redirect = await PublicArticles()
            .Join(db.ArticleRedirects.Where(r => r.Path == path), a => a.Id, r => r.ArticleId,
                (a, r) => new { SectionSlug = a.Section.Slug, a.Slug })
            .FirstOrDefaultAsync(ct);
        if (redirect is not null) return new MovedPath($"/{redirect.SectionSlug}/{redirect.Slug}", false);
        var retired = await db.RetiredPaths.AnyAsync(r => r.Path == path, ct);
        return new MovedPath(null, retired);
    }

    async Task<Paged<ArticleCard>?> PageOfAsync(IQueryable<Article> source, int page, CancellationToken ct)
    {
        var total = await source.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (page < 1 || page > pageCount) return null;
        var items = await source.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).Select(ToCard).ToListAsync(ct);
        return new Paged<ArticleCard>(items, page, pageCount, total);
    }
}
