using Kiosque.Api;
using Kiosque.Content;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Newsroom;

public sealed record DashboardItem(int Id, string Headline, string Section, string? PublicPath, DateTime When);

public sealed record DashboardLists(
    IReadOnlyList<DashboardItem>? MyDrafts,
    IReadOnlyList<DashboardItem>? InReview,
    IReadOnlyList<DashboardItem> Scheduled,
    IReadOnlyList<DashboardItem> RecentlyPublished);

/// <summary>The four lists of the newsroom's home page, read straight from the articles.</summary>
public sealed class Dashboard(KiosqueDb db, TimeProvider clock)
{
    const int Size = 10;

    public async Task<DashboardLists> LoadAsync(int? authorId, string role, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var drafts = db.Articles.Where(a => a.Status == ArticleStatus.Draft);

        List<DashboardItem>? mine = null;
        if (authorId is { } id)
            mine = await Items(drafts.Where(a => a.Authors.Any(x => x.AuthorId == id)).OrderByDescending(a => a.UpdatedAt), now, ct);

        // There is no "in review" status yet: editors see the drafts of everyone else.
        List<DashboardItem>? review = null;
        if (role is Roles.Editor or Roles.Admin)
            review = await Items(drafts.Where(a => authorId == null || !a.Authors.Any(x => x.AuthorId == authorId))
                .OrderByDescending(a => a.UpdatedAt), now, ct);

        var scheduled = await Items(db.Articles
            .Where(a => a.Status == ArticleStatus.Scheduled || (a.Status == ArticleStatus.Published && a.PublishedAt > now))
            .OrderBy(a => a.PublishedAt), now, ct);
        var published = await Items(db.Articles
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now)
            .OrderByDescending(a => a.PublishedAt), now, ct);
        return new(mine, review, scheduled, published);
    }

    static Task<List<DashboardItem>> Items(IQueryable<Article> query, DateTime now, CancellationToken ct) =>
        query.Take(Size)
            .Select(a => new DashboardItem(a.Id, a.Headline, a.Section.Name,
                a.Status == ArticleStatus.Published && a.PublishedAt <= now ? "/" + a.Section.Slug + "/" + a.Slug : null,
                a.Status == ArticleStatus.Draft ? a.UpdatedAt : a.PublishedAt ?? a.UpdatedAt))
            .ToListAsync(ct);
}
