using Kiosque.Content;
using Kiosque.Infrastructure;
using Kiosque.Site;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Distribution;

public enum FeedScope { Site, Section, Dossier, Author, Tag }

public sealed record FeedImage(string Url, string ContentType, long Length, int Width, int Height, string Alt);

public sealed class FeedItem
{
    public int Id { get; init; }
    public string Headline { get; init; } = "";
    public string Standfirst { get; init; } = "";
    public string BodyHtml { get; init; } = "";
    public string Path { get; init; } = "";
    public string SectionName { get; init; } = "";
    public DateTime PublishedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public List<string> Authors { get; init; } = [];
    public List<string> Tags { get; init; } = [];
    public FeedImage? Image { get; init; }
    public string? AudioUrl { get; init; }
    public long? AudioLength { get; init; }
    public int? AudioDurationSeconds { get; init; }
    public string? Transcript { get; init; }

    public DateTime ModifiedAt => UpdatedAt > PublishedAt ? UpdatedAt : PublishedAt;
}

/// <summary>What a feed is about: its title, description and listing page; null when the slug names nothing.</summary>
public sealed record FeedSource(FeedScope Scope, int Id, string Title, string? Description, string PagePath, SectionKind Kind = SectionKind.Standard);

public sealed record SiteInfo(string Name, string Tagline, string Language, bool FullText, DateTime UpdatedAt);

/// <summary>The read queries of feeds: one for the source, one for its latest public articles (split for collections).</summary>
public sealed class FeedQueries(KiosqueDb db, SiteSnapshots snapshots, TimeProvider clock)
{
    public async Task<SiteInfo> SiteAsync(CancellationToken ct)
    {
        var s = (await snapshots.GetAsync(db, ct)).Settings;
        return new SiteInfo(s.Name, s.Tagline, string.IsNullOrWhiteSpace(s.Language) ? "fr" : s.Language, s.FeedFullText, s.UpdatedAt);
    }

    public async Task<FeedSource?> SourceAsync(FeedScope scope, string? slug, CancellationToken ct) => scope switch
    {
        FeedScope.Site => new FeedSource(FeedScope.Site, 0, "", null, "/"),
        FeedScope.Section => await db.Sections.AsNoTracking().Where(s => s.Slug == slug)
            .Select(s => new FeedSource(FeedScope.Section, s.Id, s.Name, s.Description, "/" + s.Slug, s.Kind)).FirstOrDefaultAsync(ct),
        FeedScope.Dossier => await db.Dossiers.AsNoTracking().Where(d => d.Slug == slug)
            .Select(d => new FeedSource(FeedScope.Dossier, d.Id, d.Name, d.Description, "/dossiers/" + d.Slug, SectionKind.Standard)).FirstOrDefaultAsync(ct),
        FeedScope.Author => await db.Authors.AsNoTracking().Where(a => a.Slug == slug)
            .Select(a => new FeedSource(FeedScope.Author, a.Id, a.Name, null, "/auteurs/" + a.Slug, SectionKind.Standard)).FirstOrDefaultAsync(ct),
        FeedScope.Tag => await db.Tags.AsNoTracking().Where(t => t.Slug == slug)
            .Select(t => new FeedSource(FeedScope.Tag, t.Id, t.Name, null, "/tags/" + t.Slug, SectionKind.Standard)).FirstOrDefaultAsync(ct),
        _ => null,
    };

    public async Task<List<FeedItem>> ItemsAsync(FeedSource source, int count, bool episodesOnly, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var articles = db.Articles.AsNoTracking().AsSplitQuery()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt != null && a.PublishedAt <= now);
        var id = source.Id;
        articles = source.Scope switch
        {
            FeedScope.Section => articles.Where(a => a.SectionId == id),
            FeedScope.Dossier => articles.Where(a => a.DossierId == id),
            FeedScope.Author => articles.Where(a => a.Authors.Any(x => x.AuthorId == id)),
            FeedScope.Tag => articles.Where(a => a.Tags.Any(t => t.Id == id)),
            _ => articles,
        };
        if (episodesOnly) articles = articles.Where(a => a.AudioUrl != null && a.AudioUrl != "");
        return await articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(count)
            .Select(a => new FeedItem
            {
                Id = a.Id,
                Headline = a.Headline,
                Standfirst = a.Standfirst,
                BodyHtml = a.BodyHtml,
                Path = "/" + a.Section.Slug + "/" + a.Slug,
                SectionName = a.Section.Name,
                PublishedAt = a.PublishedAt ?? a.CreatedAt,
                UpdatedAt = a.UpdatedAt,
                Authors = a.Authors.OrderBy(x => x.Position).Select(x => x.Author.Name).ToList(),
                Tags = a.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
                Image = a.LeadImage == null ? null : new FeedImage(a.LeadImage.Url, a.LeadImage.ContentType, a.LeadImage.Length,
                    a.LeadImage.Width, a.LeadImage.Height, a.LeadImageAlt ?? a.LeadImage.Alt),
                AudioUrl = a.AudioUrl,
                AudioLength = a.AudioLength,
                AudioDurationSeconds = a.AudioDurationSeconds,
                Transcript = a.Transcript,
            })
            .ToListAsync(ct);
    }
}
