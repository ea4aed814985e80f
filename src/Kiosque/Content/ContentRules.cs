using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Content;

public enum RuleFailure { Required, TooLong, BadSlug, NoSlugFromName, NoSlugFromTitle, BadLink, BadLanguage, TooMany }

/// <summary>One broken rule; the API and the newsroom each word it for their readers.</summary>
public sealed record FieldError(string Field, RuleFailure Failure, int Limit = 0);

public enum SlugConflict { None, Reserved, Section, Page }

/// <summary>
/// The rules for the site's structure (sections, dossiers, authors, static pages, navigation, settings), shared by
/// the API and the newsroom's pages so both accept and refuse exactly the same input. Field names are the API's.
/// </summary>
public static class ContentRules
{
    public const int MaxNavigationItems = 50;

    public static List<FieldError> Section(string? name, string? slug, string? description)
    {
        var errors = new List<FieldError>();
        Required(errors, "name", name, 100);
        Slug(errors, "slug", slug);
        MaxLength(errors, "slug", slug, 100);
        MaxLength(errors, "description", description, 2000);
        if (slug is null && name is not null && Slugs.From(name, 100).Length == 0) errors.Add(new("slug", RuleFailure.NoSlugFromName));
        return errors;
    }

    public static List<FieldError> Dossier(string? name, string? slug, string? description)
    {
        var errors = new List<FieldError>();
        Required(errors, "name", name, 200);
        Slug(errors, "slug", slug);
        MaxLength(errors, "description", description, 4000);
        if (slug is null && name is not null && Slugs.From(name).Length == 0) errors.Add(new("slug", RuleFailure.NoSlugFromName));
        return errors;
    }

    public static List<FieldError> Author(string? name, string? slug, string? bio)
    {
        var errors = new List<FieldError>();
        Required(errors, "name", name, 200);
        Slug(errors, "slug", slug);
        MaxLength(errors, "bio", bio, 10_000);
        if (slug is null && name is not null && Slugs.From(name).Length == 0) errors.Add(new("slug", RuleFailure.NoSlugFromName));
        return errors;
    }

    public static List<FieldError> Page(string? title, string? slug)
    {
        var errors = new List<FieldError>();
        Required(errors, "title", title, 300);
        Slug(errors, "slug", slug);
        if (slug is null && title is not null && Slugs.From(title).Length == 0) errors.Add(new("slug", RuleFailure.NoSlugFromTitle));
        return errors;
    }

    public static List<FieldError> Site(string? name, string? tagline, string? language, bool? commentsSuspended, string? commentsSuspendedMessage)
    {
        var errors = new List<FieldError>();
        Required(errors, "name", name, 200);
        MaxLength(errors, "tagline", tagline, 500);
        MaxLength(errors, "commentsSuspendedMessage", commentsSuspendedMessage, 2000);
        if (language is not null && !IsLanguageTag(language)) errors.Add(new("language", RuleFailure.BadLanguage));
        if (commentsSuspended == true && string.IsNullOrWhiteSpace(commentsSuspendedMessage))
            errors.Add(new("commentsSuspendedMessage", RuleFailure.Required));
        return errors;
    }

    public static List<FieldError> Navigation(IReadOnlyList<(string? Label, string? Url)?> items)
    {
        var errors = new List<FieldError>();
        if (items.Count > MaxNavigationItems) errors.Add(new("items", RuleFailure.TooMany, MaxNavigationItems));
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item) { errors.Add(new($"items[{i}]", RuleFailure.Required)); continue; }
            Required(errors, $"items[{i}].label", item.Label, 100);
            if (string.IsNullOrWhiteSpace(item.Url)) errors.Add(new($"items[{i}].url", RuleFailure.Required));
            else Link(errors, $"items[{i}].url", item.Url, 500);
        }
        return errors;
    }

    public static bool IsLanguageTag(string value) =>
        value.Length is >= 2 and <= 10 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && char.IsAsciiLetter(value[0]);

    /// <summary>A site-relative path (not protocol-relative) or an absolute http(s) URL.</summary>
    public static bool IsLink(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
        || Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public static void Required(List<FieldError> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(new(field, RuleFailure.Required));
        else MaxLength(errors, field, value, maxLength);
    }

    public static void MaxLength(List<FieldError> errors, string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength) errors.Add(new(field, RuleFailure.TooLong, maxLength));
    }

    public static void Slug(List<FieldError> errors, string field, string? slug)
    {
        if (slug is not null && !Slugs.IsValid(slug)) errors.Add(new(field, RuleFailure.BadSlug));
    }

    public static void Link(List<FieldError> errors, string field, string? url, int maxLength = 1000)
    {
        if (url is null) return;
        if (!IsLink(url)) errors.Add(new(field, RuleFailure.BadLink));
        else MaxLength(errors, field, url, maxLength);
    }

    /// <summary>Sections and static pages share the URL space /{slug}, beside the application's own routes.</summary>
    public static async Task<SlugConflict> PublicSlugConflictAsync(KiosqueDb db, string slug, int? sectionId, int? pageId, CancellationToken ct)
    {
        if (Slugs.Reserved.Contains(slug)) return SlugConflict.Reserved;
        if (await db.Sections.AnyAsync(s => s.Slug == slug && s.Id != sectionId, ct)) return SlugConflict.Section;
        if (await db.Pages.AnyAsync(p => p.Slug == slug && p.Id != pageId, ct)) return SlugConflict.Page;
        return SlugConflict.None;
    }

    /// <summary>A renamed section moves every article that was public: each old path answers 301.</summary>
    public static async Task RedirectSectionArticlesAsync(KiosqueDb db, Section section, string newSlug, DateTime now, CancellationToken ct)
    {
        var moved = await db.Articles
            .Where(a => a.SectionId == section.Id && a.Status != ArticleStatus.Draft && a.PublishedAt != null && a.PublishedAt <= now)
            .Select(a => new { a.Id, a.Slug }).ToListAsync(ct);
        var oldPaths = moved.Select(a => $"/{section.Slug}/{a.Slug}").ToList();
        var newPaths = moved.Select(a => $"/{newSlug}/{a.Slug}").ToList();
        var existing = await db.ArticleRedirects.Where(r => oldPaths.Contains(r.Path) || newPaths.Contains(r.Path)).ToListAsync(ct);
        db.ArticleRedirects.RemoveRange(existing.Where(r => newPaths.Contains(r.Path)));
        foreach (var a in moved)
        {
            var path = $"/{section.Slug}/{a.Slug}";
            var row = existing.Find(r => r.Path == path);
            if (row is null) db.ArticleRedirects.Add(new ArticleRedirect { Path = path, ArticleId = a.Id });
            else row.ArticleId = a.Id;
        }
    }

    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
