using System.Globalization;
using Kiosque.Api;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kiosque.Newsroom.Pages.Articles;

/// <summary>One "À lire aussi" row as the form posts it: an internal article (with its headline for display) or an external link.</summary>
public sealed class RelatedRowForm
{
    public int? ArticleId { get; set; }
    public string? Headline { get; set; }
    public string? Url { get; set; }
    public string? Title { get; set; }
    public string? Source { get; set; }
}

/// <summary>
/// What the editor's form posts. It maps onto the API's <see cref="ArticleRequest"/> so that the newsroom and the
/// API share one validation and one mapping to <see cref="ArticleInput"/>.
/// </summary>
public sealed class ArticleForm
{
    public string? Section { get; set; }
    public string? Dossier { get; set; }
    public string? Kicker { get; set; }
    public string? Headline { get; set; }
    public string? Slug { get; set; }
    public string? Standfirst { get; set; }
    public string? BodyHtml { get; set; }
    public WorkType WorkType { get; set; }
    public string? SeoTitle { get; set; }
    public string? SeoDescription { get; set; }
    public int? LeadImageId { get; set; }
    public string? LeadImageAlt { get; set; }
    public string? LeadImageCaption { get; set; }
    public string? LeadImageCredit { get; set; }
    public List<string> Authors { get; set; } = [];
    public string? Tags { get; set; }
    public List<RelatedRowForm> Related { get; set; } = [];
    public bool CommentsEnabled { get; set; } = true;
    public string? VideoUrl { get; set; }
    public string? AudioUrl { get; set; }
    public long? AudioLength { get; set; }
    public int? AudioDurationSeconds { get; set; }
    /// <summary>The version the editor loaded: a newer stored one makes the save a conflict.</summary>
    public int? Version { get; set; }
    /// <summary>Local time in the site's time zone, from a datetime-local field.</summary>
    public DateTime? PublishAt { get; set; }

    public string? MediaQuery { get; set; }
    public string? RelatedQuery { get; set; }
    public string? NewLinkUrl { get; set; }
    public string? NewLinkTitle { get; set; }
    public string? NewLinkSource { get; set; }
    public string? UploadAlt { get; set; }
    public string? UploadCaption { get; set; }
    public string? UploadCredit { get; set; }
    public string? CorrectionText { get; set; }

    public IReadOnlyList<string> TagList =>
        (Tags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();

    public ArticleRequest ToRequest() => new(
        Section: Blank(Section), Dossier: Blank(Dossier), Kicker: Blank(Kicker), Headline: Blank(Headline), Slug: Blank(Slug),
        Standfirst: Standfirst ?? "", BodyHtml: BodyHtml ?? "",
        LeadImage: LeadImageId is { } media ? new LeadImageRequest(media, Blank(LeadImageAlt), Blank(LeadImageCaption), Blank(LeadImageCredit)) : null,
        Authors: Authors.Where(a => !string.IsNullOrWhiteSpace(a)).ToList(),
        Tags: TagList.ToList(),
        Related: Related.Where(r => r.ArticleId is not null || !string.IsNullOrWhiteSpace(r.Url))
            .Select(r => r.ArticleId is { } id ? new RelatedRequest(id, null, null, null) : new RelatedRequest(null, r.Url?.Trim(), Blank(r.Title), Blank(r.Source)))
            .ToList(),
        Status: null, PublishedAt: null, CommentsEnabled: CommentsEnabled,
        VideoUrl: Blank(VideoUrl), AudioUrl: Blank(AudioUrl), AudioLength: AudioLength, AudioDurationSeconds: AudioDurationSeconds,
        WorkType: WorkType, SeoTitle: Blank(SeoTitle), SeoDescription: Blank(SeoDescription), Version: Version);

    /// <summary>
    /// The shared rules, plus the newsroom's own: the alt text is required with an image (the API falls back to
    /// the library's). Errors land in <paramref name="state"/> under the form's field names.
    /// </summary>
    public bool Validate(ModelStateDictionary state, string prefix)
    {
        var errors = new Errors();
        ToRequest().Validate(errors);
        foreach (var (field, messages) in errors.ByField)
            foreach (var message in messages)
                state.AddModelError(prefix + FormKey(field), ArticlesText.Translate(message));
        if (LeadImageId is not null && string.IsNullOrWhiteSpace(LeadImageAlt))
            state.AddModelError(prefix + nameof(LeadImageAlt), ArticlesText.Required);
        return state.IsValid;
    }

    public void AddWorkflowErrors(ModelStateDictionary state, string prefix, IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
            foreach (var message in messages)
                state.AddModelError(prefix + FormKey(field), ArticlesText.Translate(message));
    }

    /// <summary>The API's field names ("leadImage.alt", "related[2].url", "tags[0]") as this form's.</summary>
    public static string FormKey(string field)
    {
        if (field.StartsWith("related[", StringComparison.Ordinal))
        {
            var close = field.IndexOf(']', StringComparison.Ordinal);
            var rest = field[(close + 1)..].TrimStart('.');
            var index = field[8..close];
            return rest.Length == 0 ? $"Related[{index}].Url" : $"Related[{index}].{Pascal(rest == "articleId" ? "url" : rest)}";
        }
        if (field.StartsWith("tags[", StringComparison.Ordinal)) return nameof(Tags);
        return field switch
        {
            "leadImage.alt" => nameof(LeadImageAlt),
            "leadImage.caption" => nameof(LeadImageCaption),
            "leadImage.credit" => nameof(LeadImageCredit),
            "leadImage.mediaId" => nameof(LeadImageId),
            "publishedAt" => nameof(PublishAt),
            _ => Pascal(field),
        };
    }

    static string Pascal(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The stored article as the form shows it; headlines of internal related articles come from <paramref name="headlines"/>.</summary>
    public static ArticleForm From(ArticleInput input, int version, DateTime? publishAtLocal, IReadOnlyDictionary<int, string> headlines) => new()
    {
        Section = input.Section,
        Dossier = input.Dossier,
        Kicker = input.Kicker,
        Headline = input.Headline,
        Slug = input.Slug,
        Standfirst = input.Standfirst,
        BodyHtml = input.BodyHtml,
        WorkType = input.WorkType,
        SeoTitle = input.SeoTitle,
        SeoDescription = input.SeoDescription,
        LeadImageId = input.LeadImage?.MediaId,
        LeadImageAlt = input.LeadImage?.Alt,
        LeadImageCaption = input.LeadImage?.Caption,
        LeadImageCredit = input.LeadImage?.Credit,
        Authors = input.Authors.ToList(),
        Tags = string.Join(", ", input.Tags),
        Related = input.Related.Select(r => new RelatedRowForm
        {
            ArticleId = r.ArticleId,
            Headline = r.ArticleId is { } id ? headlines.GetValueOrDefault(id, "#" + id.ToString(CultureInfo.InvariantCulture)) : null,
            Url = r.Url,
            Title = r.Title,
            Source = r.Source,
        }).ToList(),
        CommentsEnabled = input.CommentsEnabled,
        VideoUrl = input.VideoUrl,
        AudioUrl = input.AudioUrl,
        AudioLength = input.AudioLength,
        AudioDurationSeconds = input.AudioDurationSeconds,
        Version = version,
        PublishAt = publishAtLocal,
    };
}
