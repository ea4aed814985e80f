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

    public async Task<DashboardLists> LoadAsync(string userId, int? authorId, string role, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var drafts = db.Articles.Where(a => a.Status == ArticleStatus.Draft);

        // Mine: the drafts I created, and those under my byline when my account has one.
        var byline = authorId ?? -1;
        var mine = await Items(drafts.Where(a => a.CreatedBy == userId || a.Authors.Any(x => x.AuthorId == byline))
            .OrderByDescending(a => a.UpdatedAt), now, ct);

        // Submitted pieces wait for an editor.
        List<DashboardItem>? review = null;
        if (role is Roles.Editor or Roles.Admin)
            review = await Items(db.Articles.Where(a => a.Status == ArticleStatus.InReview).OrderBy(a => a.UpdatedAt), now, ct);

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
                a.Status == ArticleStatus.Draft || a.Status == ArticleStatus.InReview ? a.UpdatedAt : a.PublishedAt ?? a.UpdatedAt))
            .ToListAsync(ct);
}
