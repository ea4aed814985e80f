namespace Kiosque.Content;

public enum SectionKind { Standard, Video, Podcast }

public sealed class Section
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string? Description { get; set; }
    public int Position { get; set; }
    public SectionKind Kind { get; set; }
}

/// <summary>A named topic collection such as "Guerre en Ukraine"; its name is the default kicker.</summary>
public sealed class Dossier
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string? Description { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class Author
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string? Bio { get; set; }
    public int? PhotoId { get; set; }
    public MediaItem? Photo { get; set; }
}

public sealed class Tag
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public List<Article> Articles { get; set; } = [];
}

public enum PageStatus { Draft, Published }

/// <summary>A static page such as "Qui sommes-nous ?", served at /{slug}.</summary>
public sealed class Page
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string BodyHtml { get; set; } = "";
    public PageStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Where an imported page came from, e.g. "wordpress:example.org/page/2": re-imports skip it.</summary>
    public string? SourceId { get; set; }
}

public sealed class MediaItem
{
    public int Id { get; set; }
    /// <summary>Site-relative URL of the original, e.g. /media/2026/11/3f2a….jpg.</summary>
    public string Url { get; set; } = "";
    public string StoragePath { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public string Alt { get; set; } = "";
    public string? Caption { get; set; }
    public string? Credit { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The newsroom user who uploaded it: contributors may edit the metadata of their own uploads only.</summary>
    public string? UploadedBy { get; set; }
    /// <summary>
    /// Where the picture lives when it was not stored here: the rendition href of a wire item (the agency's server).
    /// Such an item has no <see cref="StoragePath"/>: no file of ours to serve, resize or delete.
    /// </summary>
    public string? SourceUrl { get; set; }
    /// <summary>Where an imported item came from; when only its metadata was imported, <see cref="StoragePath"/> is empty
    /// and <see cref="Url"/> is the original's absolute address.</summary>
    public string? SourceId { get; set; }
}
