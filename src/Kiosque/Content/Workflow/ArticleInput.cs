using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiosque.Content.Workflow;

public sealed record LeadImageInput(int MediaId, string? Alt, string? Caption, string? Credit);

/// <summary>One "À lire aussi" entry: an internal article by id, or an external link with its title and source.</summary>
public sealed record RelatedInput(int? ArticleId, string? Url, string? Title, string? Source);

/// <summary>
/// Every editable field of an article, by slug and name as an editor sees them. The workflow saves it; a
/// revision stores it as JSON (<see cref="ArticleSnapshot"/>), so a restore is the same save of an older input.
/// </summary>
public sealed record ArticleInput
{
    public required string Section { get; init; }
    public string? Dossier { get; init; }
    public string? Kicker { get; init; }
    public required string Headline { get; init; }
    /// <summary>Null: derived from the headline (kept when the headline did not change).</summary>
    public string? Slug { get; init; }
    public string Standfirst { get; init; } = "";
    public string BodyHtml { get; init; } = "";
    public WorkType WorkType { get; init; }
    public string? SeoTitle { get; init; }
    public string? SeoDescription { get; init; }
    public LeadImageInput? LeadImage { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<RelatedInput> Related { get; init; } = [];
    public bool CommentsEnabled { get; init; } = true;
    public string? VideoUrl { get; init; }
    public string? AudioUrl { get; init; }
    public long? AudioLength { get; init; }
    public int? AudioDurationSeconds { get; init; }
    public string? Transcript { get; init; }
}

public static class ArticleSnapshot
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The article's stored fields as an input; needs Section, Dossier, LeadImage, Authors.Author, Tags and Related loaded.</summary>
    public static ArticleInput Of(Article a) => new()
    {
        Section = a.Section.Slug,
        Dossier = a.Dossier?.Slug,
        Kicker = a.Kicker,
        Headline = a.Headline,
        Slug = a.Slug,
        Standfirst = a.Standfirst,
        BodyHtml = a.BodyHtml,
        WorkType = a.WorkType,
        SeoTitle = a.SeoTitle,
        SeoDescription = a.SeoDescription,
        LeadImage = a.LeadImageId is { } mediaId ? new LeadImageInput(mediaId, a.LeadImageAlt, a.LeadImageCaption, a.LeadImageCredit) : null,
        Authors = a.Authors.OrderBy(x => x.Position).Select(x => x.Author.Slug).ToList(),
        Tags = a.Tags.Select(t => t.Name).Order(StringComparer.Ordinal).ToList(),
        Related = a.Related.OrderBy(r => r.Position).ThenBy(r => r.Id)
            .Select(r => r.TargetArticleId is { } target ? new RelatedInput(target, null, null, null) : new RelatedInput(null, r.Url, r.Title, r.Source))
            .ToList(),
        CommentsEnabled = a.CommentsEnabled,
        VideoUrl = a.VideoUrl,
        AudioUrl = a.AudioUrl,
        AudioLength = a.AudioLength,
        AudioDurationSeconds = a.AudioDurationSeconds,
        Transcript = a.Transcript,
    };

    public static string Serialize(ArticleInput input) => JsonSerializer.Serialize(input, Options);

    public static ArticleInput Deserialize(string json) =>
        JsonSerializer.Deserialize<ArticleInput>(json, Options) ?? throw new JsonException("Empty revision snapshot.");
}
