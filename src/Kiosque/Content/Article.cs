using System.Text.Json.Serialization;

namespace Kiosque.Content;

public enum ArticleStatus
{
    Draft,
    [JsonStringEnumMemberName("in-review")] InReview,
    Scheduled,
    Published,
    Unpublished,
}

/// <summary>The kind of work, as the Trust Project labels it; readers see a label for all but plain news.</summary>
public enum WorkType { News, Analysis, Opinion, Interview, Review }

public sealed class Article
{
    public int Id { get; set; }
    public int SectionId { get; set; }
    public Section Section { get; set; } = null!;
    public int? DossierId { get; set; }
    public Dossier? Dossier { get; set; }

    /// <summary>Shown above the headline; when empty the dossier's name stands in.</summary>
    public string? Kicker { get; set; }
    public string Headline { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Standfirst { get; set; } = "";
    public string BodyHtml { get; set; } = "";

    public int? LeadImageId { get; set; }
    public MediaItem? LeadImage { get; set; }
    public string? LeadImageAlt { get; set; }
    public string? LeadImageCaption { get; set; }
    public string? LeadImageCredit { get; set; }

    public ArticleStatus Status { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public bool CommentsEnabled { get; set; } = true;
    public WorkType WorkType { get; set; }
    /// <summary>Overrides the headline in &lt;title&gt; and social cards when set.</summary>
    public string? SeoTitle { get; set; }
    /// <summary>Overrides the standfirst in the meta description and social cards when set.</summary>
    public string? SeoDescription { get; set; }

    /// <summary>The actor id of whoever created it: contributors may only touch their own pieces.</summary>
    public string? CreatedBy { get; set; }
    /// <summary>When the article first went live; set by the workflow, kept through unpublishing.</summary>
    public DateTime? FirstPublishedAt { get; set; }
    /// <summary>Incremented on every save; a save that read an older version is refused as a conflict.</summary>
    public int Version { get; set; }
    /// <summary>Where an imported article came from, e.g. "wordpress:example.org/post/42": re-imports skip it.</summary>
    public string? SourceId { get; set; }

    /// <summary>Video sections: a YouTube, Vimeo or Dailymotion URL, or a site-relative MP4.</summary>
    public string? VideoUrl { get; set; }
    /// <summary>Podcast sections: the episode's audio file, its size in bytes and duration.</summary>
    public string? AudioUrl { get; set; }
    public long? AudioLength { get; set; }
    public int? AudioDurationSeconds { get; set; }
    /// <summary>Sanitized HTML transcript of a podcast episode or video, shown folded on the article page.</summary>
    public string? Transcript { get; set; }

    public List<ArticleAuthor> Authors { get; set; } = [];
    public List<Tag> Tags { get; set; } = [];
    public List<RelatedItem> Related { get; set; } = [];
    public List<ArticleCorrection> Corrections { get; set; } = [];

    public string EffectiveKicker => string.IsNullOrWhiteSpace(Kicker) ? Dossier?.Name ?? "" : Kicker;
    public string Path => $"/{Section.Slug}/{Slug}";
    public bool IsPublic(DateTime now) => Status == ArticleStatus.Published && PublishedAt <= now;

    /// <summary>
    /// Readers may have seen (and linked to) its path. Articles stored before the workflow existed have no
    /// FirstPublishedAt, so a published or unpublished status with a past date counts too.
    /// </summary>
    public bool WasEverPublic(DateTime now) =>
        FirstPublishedAt <= now
        || Status is ArticleStatus.Published or ArticleStatus.Unpublished && PublishedAt <= now;
}

/// <summary>Orders an article's byline.</summary>
public sealed class ArticleAuthor
{
    public int ArticleId { get; set; }
    public int AuthorId { get; set; }
    public Author Author { get; set; } = null!;
    public int Position { get; set; }
}

/// <summary>One "À lire aussi" entry: an internal article, or an external link with its source.</summary>
public sealed class RelatedItem
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public int Position { get; set; }
    public int? TargetArticleId { get; set; }
    public Article? TargetArticle { get; set; }
    public string? Url { get; set; }
    public string? Title { get; set; }
    public string? Source { get; set; }
}

/// <summary>A path an article answered to before its slug or section changed: answers 301.</summary>
public sealed class ArticleRedirect
{
    public int Id { get; set; }
    public string Path { get; set; } = "";
    public int ArticleId { get; set; }
}

/// <summary>A path whose article was deleted: answers 410 Gone.</summary>
public sealed class RetiredPath
{
    public int Id { get; set; }
    public string Path { get; set; } = "";
    public DateTime RetiredAt { get; set; }
}

/// <summary>A correction or update note, shown to readers as "Mis à jour le … : text".</summary>
public sealed class ArticleCorrection
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public DateTime At { get; set; }
    public string Text { get; set; } = "";
}
