namespace Kiosque.Content;

public enum ArticleStatus { Draft, Scheduled, Published, Unpublished }

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

    /// <summary>Video sections: a YouTube, Vimeo or Dailymotion URL, or a site-relative MP4.</summary>
    public string? VideoUrl { get; set; }
    /// <summary>Podcast sections: the episode's audio file, its size in bytes and duration.</summary>
    public string? AudioUrl { get; set; }
    public long? AudioLength { get; set; }
    public int? AudioDurationSeconds { get; set; }

    public List<ArticleAuthor> Authors { get; set; } = [];
    public List<Tag> Tags { get; set; } = [];
    public List<RelatedItem> Related { get; set; } = [];

    public string EffectiveKicker => string.IsNullOrWhiteSpace(Kicker) ? Dossier?.Name ?? "" : Kicker;
    public string Path => $"/{Section.Slug}/{Slug}";
    public bool IsPublic(DateTime now) => Status == ArticleStatus.Published && PublishedAt <= now;
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
