using Kiosque.Content;

namespace Kiosque.Site;

public sealed record ImageView(string Url, int Width, int Height, string Alt);

/// <summary>An article in a list: enough for a teaser, nothing more.</summary>
public sealed class ArticleCard
{
    public int Id { get; init; }
    public int SectionId { get; init; }
    public string? KickerText { get; init; }
    public string? DossierName { get; init; }
    public string Headline { get; init; } = "";
    public string Standfirst { get; init; } = "";
    public string Slug { get; init; } = "";
    public string SectionSlug { get; init; } = "";
    public string SectionName { get; init; } = "";
    public DateTime PublishedAt { get; init; }
    public string? ImageUrl { get; init; }
    public int ImageWidth { get; init; }
    public int ImageHeight { get; init; }
    public string? ImageAlt { get; init; }
    public int CommentCount { get; init; }

    public string Kicker => Kickers.Effective(KickerText, DossierName);
    public string Path => $"/{SectionSlug}/{Slug}";
    public ImageView? Image => ImageUrl is null ? null : new(ImageUrl, ImageWidth, ImageHeight, ImageAlt ?? "");
}

public sealed record PersonLink(string Name, string Slug);
public sealed record CorrectionNote(DateTime At, string Text);
/// <summary><paramref name="Id"/>: known on the article page (for its suggestions), 0 elsewhere.</summary>
public sealed record TagLink(string Name, string Slug, int Id = 0);

public sealed class RelatedRow
{
    public string? Url { get; init; }
    public string? Title { get; init; }
    public string? Source { get; init; }
    public int? TargetId { get; init; }
    public string? TargetHeadline { get; init; }
    public string? TargetSlug { get; init; }
    public string? TargetSectionSlug { get; init; }
    public ArticleStatus? TargetStatus { get; init; }
    public DateTime? TargetPublishedAt { get; init; }
}

/// <summary>An "À lire aussi" entry ready to render: an internal path or an external URL with its source.</summary>
public sealed record RelatedLink(string Title, string Href, string? Source, bool External);

public sealed class ArticleView
{
    public int Id { get; init; }
    public string? KickerText { get; init; }
    public int? DossierId { get; init; }
    public string? DossierName { get; init; }
    public string? DossierSlug { get; init; }
    public string Headline { get; init; } = "";
    public string Slug { get; init; } = "";
    public string SectionSlug { get; init; } = "";
    public string SectionName { get; init; } = "";
    public SectionKind SectionKind { get; init; }
    public string Standfirst { get; init; } = "";
    public string BodyHtml { get; init; } = "";
    public string? ImageUrl { get; init; }
    public int ImageWidth { get; init; }
    public int ImageHeight { get; init; }
    public string? ImageAlt { get; init; }
    public string? ImageCaption { get; init; }
    public string? ImageCredit { get; init; }
    public DateTime PublishedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public bool CommentsEnabled { get; init; }
    public string? VideoUrl { get; init; }
    public string? AudioUrl { get; init; }
    public int? AudioDurationSeconds { get; init; }
    public string? Transcript { get; init; }
    public List<PersonLink> Authors { get; init; } = [];
    public List<TagLink> Tags { get; init; } = [];
    public List<RelatedRow> RelatedRows { get; init; } = [];
    public WorkType WorkType { get; init; }
    public string? SeoTitle { get; init; }
    public string? SeoDescription { get; init; }
    public List<CorrectionNote> Corrections { get; init; } = [];
    /// <summary>The agency an article came from over the wire ("AFP"), credited in the byline; null for the newsroom's own.</summary>
    public string? AgencyCredit { get; init; }

    /// <summary>The agency's credit unless an author already bears its name (a wire signed "AFP").</summary>
    public string? BylineCredit => AgencyCredit is { Length: > 0 } credit
        && !Authors.Any(a => string.Equals(a.Name, credit, StringComparison.OrdinalIgnoreCase)) ? credit : null;

    public string Kicker => Kickers.Effective(KickerText, DossierName);
    public string Path => $"/{SectionSlug}/{Slug}";
    public ImageView? Image => ImageUrl is null ? null : new(ImageUrl, ImageWidth, ImageHeight, ImageAlt ?? "");
    /// <summary>"Décryptage", "Opinion" …; null for plain news, which needs no label.</summary>
    public string? WorkTypeLabel => SiteText.WorkTypeLabel(WorkType);
    public DateTime ModifiedAt => UpdatedAt > PublishedAt ? UpdatedAt : PublishedAt;

    /// <summary>Edits made within the hour of publication do not deserve a "Mis à jour" line.</summary>
    public bool ShowUpdated => UpdatedAt - PublishedAt > TimeSpan.FromHours(1);
}

/// <summary>What the article page renders: the reader's page and the newsroom's preview share it.</summary>
public sealed record ArticleBodyView(ArticleView Article, IReadOnlyList<RelatedLink> Related, MediaEmbed? Video, IReadOnlyList<ShareLink> ShareLinks);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageCount, int Total);

public sealed record SectionGroup(string Name, string Slug, IReadOnlyList<ArticleCard> Articles);

public static class Kickers
{
    public static string Effective(string? kicker, string? dossierName) =>
        string.IsNullOrWhiteSpace(kicker) ? dossierName ?? "" : kicker;
}

/// <summary>
/// A list of teasers; headings at the level that follows the page's own. The first <paramref name="EagerImages"/>
/// pictures load at once (they are above the fold when the list opens the page), the others lazily.
/// </summary>
public sealed record CardList(IReadOnlyList<ArticleCard> Articles, int HeadingLevel, bool ShowSection = true,
    string? ImageSizes = null, int EagerImages = 0);

public sealed record PagerView(string BasePath, int Page, int PageCount);

/// <summary>A titled, paginated list of articles: section, dossier, author and tag pages.</summary>
public sealed record ListingView(string Title, string? Label, string? Intro, Paged<ArticleCard> Articles, string BasePath, bool ShowSection);
