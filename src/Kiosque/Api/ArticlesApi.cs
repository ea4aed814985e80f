using System.Security.Claims;
using Kiosque.Content;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Api;

public sealed record LeadImageRequest(int MediaId, string? Alt, string? Caption, string? Credit);

/// <summary>One "À lire aussi" entry: `{articleId}` for an internal article, else `{url, title, source}`.</summary>
public sealed record RelatedRequest(int? ArticleId, string? Url, string? Title, string? Source);

public sealed record ArticleRequest(
    string? Section, string? Dossier, string? Kicker, string? Headline, string? Slug, string? Standfirst, string? BodyHtml,
    LeadImageRequest? LeadImage, List<string>? Authors, List<string>? Tags, List<RelatedRequest>? Related,
    ArticleStatus? Status, DateTimeOffset? PublishedAt, bool? CommentsEnabled,
    string? VideoUrl, string? AudioUrl, long? AudioLength, int? AudioDurationSeconds) : IValidatable
{
    public void Validate(Errors errors)
    {
        errors.Required("section", Section, 100);
        errors.Required("headline", Headline, 300);
        errors.MaxLength("kicker", Kicker, 200);
        errors.MaxLength("standfirst", Standfirst, 2000);
        errors.MaxLength("dossier", Dossier, 200);
        errors.Slug("slug", Slug);
        if (Slug is null && Headline is not null && Slugs.From(Headline).Length == 0)
            errors.Add("slug", "The headline gives no slug: send one.");
        if (LeadImage is not null)
        {
            errors.MaxLength("leadImage.alt", LeadImage.Alt, 1000);
            errors.MaxLength("leadImage.caption", LeadImage.Caption, 2000);
            errors.MaxLength("leadImage.credit", LeadImage.Credit, 300);
        }
        if (Authors?.Any(string.IsNullOrWhiteSpace) == true) errors.Add("authors", "Author slugs cannot be empty.");
        foreach (var (tag, i) in (Tags ?? []).Select((t, i) => (t, i)))
        {
            if (string.IsNullOrWhiteSpace(tag) || Slugs.From(tag).Length == 0) errors.Add($"tags[{i}]", "A tag needs a name with letters or digits.");
            else errors.MaxLength($"tags[{i}]", tag, 100);
        }
        foreach (var (item, i) in (Related ?? []).Select((r, i) => (r, i)))
        {
            if (item is null) { errors.Add($"related[{i}]", "Give either articleId or url with title."); continue; }
            if (item.ArticleId is not null) continue;
            if (string.IsNullOrWhiteSpace(item.Url)) errors.Add($"related[{i}]", "Give either articleId or url with title.");
            else
            {
                errors.Link($"related[{i}].url", item.Url);
                errors.Required($"related[{i}].title", item.Title, 300);
                errors.MaxLength($"related[{i}].source", item.Source, 200);
            }
        }
        errors.Link("videoUrl", VideoUrl, 500);
        errors.Link("audioUrl", AudioUrl, 500);
        if (AudioLength < 0) errors.Add("audioLength", "Must not be negative.");
        if (AudioDurationSeconds < 0) errors.Add("audioDurationSeconds", "Must not be negative.");
    }
}

public sealed record ArticleCreated(int Id, string Slug, string Url);

public sealed record LeadImageResponse(int MediaId, string Url, string Alt, string? Caption, string? Credit, int Width, int Height);

public sealed record RelatedResponse(int? ArticleId, string? Url, string? Title, string? Source);

public sealed record ArticleResponse(
    int Id, string Url, string Section, string? Dossier, string? Kicker, string EffectiveKicker, string Headline, string Slug,
    string Standfirst, string BodyHtml, LeadImageResponse? LeadImage, IReadOnlyList<string> Authors, IReadOnlyList<string> Tags,
    IReadOnlyList<RelatedResponse> Related, ArticleStatus Status, DateTimeOffset? PublishedAt, bool CommentsEnabled,
    string? VideoUrl, string? AudioUrl, long? AudioLength, int? AudioDurationSeconds, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record ArticleSummary(
    int Id, string Url, string Section, string? Dossier, string EffectiveKicker, string Headline, string Slug, string Standfirst,
    string? LeadImageUrl, ArticleStatus Status, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public static class ArticlesApi
{
    public const int PageSize = 20;

    public static void MapArticles(this RouteGroupBuilder api)
    {
        var read = api.MapGroup("/articles").WithTags("Articles");
        read.MapGet("", ListAsync).WithName("ListArticles");
        read.MapGet("/{id:int}", GetAsync).WithName("GetArticle");

        var write = read.MapGroup("").RequireAuthorization(ApiAuth.Write);
        write.MapPost("", CreateAsync).WithName("CreateArticle");
        write.MapPut("/{id:int}", UpdateAsync).WithName("UpdateArticle");
        write.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteArticle").RequireAuthorization(ApiAuth.Publish);
    }

    static IQueryable<Article> Visible(KiosqueDb db, ClaimsPrincipal? tokenUser, DateTime now) =>
        tokenUser is null
            ? db.Articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now)
            : db.Articles;

    static async Task<Results<Ok<Paged<ArticleSummary>>, ValidationProblem>> ListAsync(
        HttpContext http, KiosqueDb db, TimeProvider clock, CancellationToken ct,
        string? section = null, string? dossier = null, string? status = null, int? page = null, int? pageSize = null)
    {
        var errors = new Errors();
        ArticleStatus? wanted = null;
        if (status is not null)
        {
            if (Enum.TryParse<ArticleStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _)) wanted = parsed;
            else errors.Add("status", "One of draft, scheduled, published, unpublished.");
        }
        if (page is < 1 or > 100_000) errors.Add("page", "Between 1 and 100000.");
        if (pageSize is < 1 or > 100) errors.Add("pageSize", "Between 1 and 100.");
        if (errors.Any) return errors.ToProblem();

        var now = clock.GetUtcNow().UtcDateTime;
        var query = Visible(db, await ApiAuth.TokenUserAsync(http), now);
        if (section is not null) query = query.Where(a => a.Section.Slug == section);
        if (dossier is not null) query = query.Where(a => a.Dossier != null && a.Dossier.Slug == dossier);
        if (wanted is not null) query = query.Where(a => a.Status == wanted);

        var (number, size) = (page ?? 1, pageSize ?? PageSize);
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(a => a.PublishedAt ?? a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(a => new
            {
                a.Id, Section = a.Section.Slug, Dossier = a.Dossier == null ? null : a.Dossier.Slug, a.Kicker,
                DossierName = a.Dossier == null ? null : a.Dossier.Name, a.Headline, a.Slug, a.Standfirst,
                LeadImageUrl = a.LeadImage == null ? null : a.LeadImage.Url, a.Status, a.PublishedAt, a.UpdatedAt,
            })
            .ToListAsync(ct);
        var items = rows.Select(a => new ArticleSummary(
            a.Id, ApiUrls.Absolute(http, $"/{a.Section}/{a.Slug}"), a.Section, a.Dossier,
            string.IsNullOrWhiteSpace(a.Kicker) ? a.DossierName ?? "" : a.Kicker, a.Headline, a.Slug, a.Standfirst,
            a.LeadImageUrl is null ? null : ApiUrls.Absolute(http, a.LeadImageUrl), a.Status, ApiProblems.Utc(a.PublishedAt),
            ApiProblems.Utc(a.UpdatedAt))).ToList();
        return TypedResults.Ok(new Paged<ArticleSummary>(items, number, size, total));
    }

    static IQueryable<Article> WithEverything(IQueryable<Article> query) => query
        .Include(a => a.Section).Include(a => a.Dossier).Include(a => a.LeadImage)
        .Include(a => a.Authors.OrderBy(x => x.Position)).ThenInclude(x => x.Author)
        .Include(a => a.Tags)
        .Include(a => a.Related.OrderBy(r => r.Position)).ThenInclude(r => r.TargetArticle).ThenInclude(t => t!.Section);

    static async Task<Results<Ok<ArticleResponse>, ProblemHttpResult>> GetAsync(
        int id, HttpContext http, KiosqueDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tokenUser = await ApiAuth.TokenUserAsync(http);
        var article = await WithEverything(Visible(db, tokenUser, now)).AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        return article is null ? ApiProblems.NotFound($"article {id}") : TypedResults.Ok(ToResponse(http, article, tokenUser is null, now));
    }

    static ArticleResponse ToResponse(HttpContext http, Article a, bool publicOnly, DateTime now) => new(
        a.Id, ApiUrls.Absolute(http, a.Path), a.Section.Slug, a.Dossier?.Slug, a.Kicker, a.EffectiveKicker, a.Headline, a.Slug,
        a.Standfirst, a.BodyHtml,
        a.LeadImage is null ? null : new LeadImageResponse(a.LeadImage.Id, ApiUrls.Absolute(http, a.LeadImage.Url),
            a.LeadImageAlt ?? a.LeadImage.Alt, a.LeadImageCaption, a.LeadImageCredit, a.LeadImage.Width, a.LeadImage.Height),
        a.Authors.OrderBy(x => x.Position).Select(x => x.Author.Slug).ToList(),
        a.Tags.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => t.Name).ToList(),
        a.Related.OrderBy(r => r.Position)
            .Where(r => r.TargetArticle is null || !publicOnly || r.TargetArticle.IsPublic(now))
            .Select(r => r.TargetArticle is { } target
                ? new RelatedResponse(target.Id, ApiUrls.Absolute(http, target.Path), target.Headline, null)
                : new RelatedResponse(null, r.Url is null ? null : ApiUrls.Absolute(http, r.Url), r.Title, r.Source))
            .ToList(),
        a.Status, ApiProblems.Utc(a.PublishedAt), a.CommentsEnabled, a.VideoUrl, a.AudioUrl, a.AudioLength, a.AudioDurationSeconds,
        ApiProblems.Utc(a.CreatedAt), ApiProblems.Utc(a.UpdatedAt));

    static async Task<Results<Created<ArticleCreated>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ArticleRequest request, HttpContext http, KiosqueDb db, HtmlSanitizing html, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var article = new Article { CreatedAt = now };
        var rejection = await ApplyAsync(request, article, http, db, html, now, ct);
        if (rejection?.Validation is { } invalid) return invalid;
        if (rejection?.Problem is { } problem) return problem;
        db.Articles.Add(article);
        await db.SaveChangesAsync(ct);
        var url = ApiUrls.Absolute(http, article.Path);
        return TypedResults.Created(ApiUrls.Absolute(http, $"/api/v1/articles/{article.Id}"), new ArticleCreated(article.Id, article.Slug, url));
    }

    static async Task<Results<Ok<ArticleCreated>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, ArticleRequest request, HttpContext http, KiosqueDb db, HtmlSanitizing html, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var article = await WithEverything(db.Articles).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return ApiProblems.NotFound($"article {id}");
        if (!ApiAuth.CanPublish(http.User) && article.Status != ArticleStatus.Draft)
            return ApiProblems.Forbidden("Contributors can only change drafts; this article is " + article.Status.ToString().ToLowerInvariant() + ".");

        var oldPath = article.Path;
        var wasPublic = article.PublishedAt is not null && article.PublishedAt <= now && article.Status != ArticleStatus.Draft;
        var rejection = await ApplyAsync(request, article, http, db, html, now, ct);
        if (rejection?.Validation is { } invalid) return invalid;
        if (rejection?.Problem is { } problem) return problem;

        if (wasPublic && article.Path != oldPath)
        {
            var existing = await db.ArticleRedirects.SingleOrDefaultAsync(r => r.Path == oldPath, ct);
            if (existing is null) db.ArticleRedirects.Add(new ArticleRedirect { Path = oldPath, ArticleId = article.Id });
            else existing.ArticleId = article.Id;
        }
        article.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ArticleCreated(article.Id, article.Slug, ApiUrls.Absolute(http, article.Path)));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int id, KiosqueDb db, TimeProvider clock, CancellationToken ct)
    {
        var article = await db.Articles.Include(a => a.Section).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return ApiProblems.NotFound($"article {id}");
        var now = clock.GetUtcNow().UtcDateTime;
        var paths = await db.ArticleRedirects.Where(r => r.ArticleId == id).Select(r => r.Path).ToListAsync(ct);
        paths.Add(article.Path);
        var alreadyRetired = await db.RetiredPaths.Where(r => paths.Contains(r.Path)).Select(r => r.Path).ToListAsync(ct);
        foreach (var path in paths.Except(alreadyRetired, StringComparer.Ordinal))
            db.RetiredPaths.Add(new RetiredPath { Path = path, RetiredAt = now });
        db.Articles.Remove(article);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    sealed record Rejection(ValidationProblem? Validation, ProblemHttpResult? Problem);

    /// <summary>
    /// Copies a request onto a tracked article after checking everything that needs the database; returns the
    /// problem to answer instead, in which case nothing has been added to the context's pending writes.
    /// </summary>
    static async Task<Rejection?> ApplyAsync(
        ArticleRequest r, Article article, HttpContext http, KiosqueDb db, HtmlSanitizing html, DateTime now, CancellationToken ct)
    {
        var errors = new Errors();
        var status = r.Status ?? ArticleStatus.Draft;
        if (status != ArticleStatus.Draft && !ApiAuth.CanPublish(http.User))
            return new(null, ApiProblems.Forbidden("Contributors can only save drafts; an editor publishes."));

        var section = await db.Sections.SingleOrDefaultAsync(s => s.Slug == r.Section, ct);
        if (section is null) errors.Add("section", $"No section with slug \"{r.Section}\".");
        Dossier? dossier = null;
        if (!string.IsNullOrWhiteSpace(r.Dossier))
        {
            dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Slug == r.Dossier, ct);
            if (dossier is null) errors.Add("dossier", $"No dossier with slug \"{r.Dossier}\".");
        }
        MediaItem? image = null;
        if (r.LeadImage is not null)
        {
            image = await db.Media.SingleOrDefaultAsync(m => m.Id == r.LeadImage.MediaId, ct);
            if (image is null) errors.Add("leadImage.mediaId", $"No media item {r.LeadImage.MediaId}.");
        }

        var authorSlugs = (r.Authors ?? []).Distinct(StringComparer.Ordinal).ToList();
        var authors = await db.Authors.Where(a => authorSlugs.Contains(a.Slug)).ToListAsync(ct);
        foreach (var missing in authorSlugs.Except(authors.Select(a => a.Slug), StringComparer.Ordinal))
            errors.Add("authors", $"No author with slug \"{missing}\".");

        var relatedIds = (r.Related ?? []).Where(x => x.ArticleId is not null).Select(x => x.ArticleId!.Value).Distinct().ToList();
        var relatedArticles = await db.Articles.Where(a => relatedIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        foreach (var (item, i) in (r.Related ?? []).Select((x, i) => (x, i)))
        {
            if (item.ArticleId is not { } target) continue;
            if (article.Id != 0 && target == article.Id) errors.Add($"related[{i}].articleId", "An article cannot recommend itself.");
            else if (!relatedArticles.ContainsKey(target)) errors.Add($"related[{i}].articleId", $"No article {target}.");
        }

        DateTime? publishedAt = r.PublishedAt?.UtcDateTime ?? article.PublishedAt;
        if (status == ArticleStatus.Scheduled && (r.PublishedAt is null || r.PublishedAt.Value.UtcDateTime <= now))
            errors.Add("publishedAt", "A scheduled article needs a publishedAt in the future.");
        if (status == ArticleStatus.Published) publishedAt ??= now;

        var slug = r.Slug ?? (article.Id != 0 && r.Headline == article.Headline ? article.Slug : Slugs.From(r.Headline!));
        if (errors.Any) return new(errors.ToProblem(), null);

        var taken = await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != article.Id, ct);
        if (taken)
        {
            if (r.Slug is not null) return new(null, ApiProblems.Conflict($"The slug \"{slug}\" is already used by another article."));
            // A generated slug gets a number rather than failing: two stories may share a headline ("En direct").
            var stem = slug.Length > 190 ? slug[..190].TrimEnd('-') : slug;
            var siblings = await db.Articles.Where(a => a.Slug.StartsWith(stem + "-")).Select(a => a.Slug).ToListAsync(ct);
            var n = 2;
            while (siblings.Contains($"{stem}-{n}")) n++;
            slug = $"{stem}-{n}";
        }

        var tags = await TagsAsync(db, r.Tags ?? [], ct);
        article.Section = section!;
        article.Dossier = dossier;
        article.Kicker = string.IsNullOrWhiteSpace(r.Kicker) ? null : r.Kicker.Trim();
        article.Headline = r.Headline!.Trim();
        article.Slug = slug;
        article.Standfirst = r.Standfirst?.Trim() ?? "";
        article.BodyHtml = html.Sanitize(r.BodyHtml);
        article.LeadImage = image;
        article.LeadImageAlt = image is null ? null : string.IsNullOrWhiteSpace(r.LeadImage!.Alt) ? image.Alt : r.LeadImage.Alt.Trim();
        article.LeadImageCaption = image is null ? null : string.IsNullOrWhiteSpace(r.LeadImage!.Caption) ? image.Caption : r.LeadImage.Caption.Trim();
        article.LeadImageCredit = image is null ? null : string.IsNullOrWhiteSpace(r.LeadImage!.Credit) ? image.Credit : r.LeadImage.Credit.Trim();
        article.Status = status;
        article.PublishedAt = publishedAt;
        article.CommentsEnabled = r.CommentsEnabled ?? true;
        article.VideoUrl = string.IsNullOrWhiteSpace(r.VideoUrl) ? null : r.VideoUrl;
        article.AudioUrl = string.IsNullOrWhiteSpace(r.AudioUrl) ? null : r.AudioUrl;
        article.AudioLength = r.AudioLength;
        article.AudioDurationSeconds = r.AudioDurationSeconds;
        article.UpdatedAt = now;

        // Bylines are keyed by (article, author): keep the rows that stay, so none is deleted and re-inserted.
        var bySlug = authors.ToDictionary(a => a.Slug, StringComparer.Ordinal);
        var byline = authorSlugs.Select((s, i) => (Author: bySlug[s], Position: i)).ToList();
        article.Authors.RemoveAll(x => byline.All(b => b.Author.Id != x.AuthorId));
        foreach (var (author, position) in byline)
        {
            var row = article.Authors.Find(x => x.AuthorId == author.Id);
            if (row is null) article.Authors.Add(new ArticleAuthor { Author = author, AuthorId = author.Id, Position = position });
            else row.Position = position;
        }

        article.Tags.Clear();
        article.Tags.AddRange(tags);

        article.Related.Clear();
        article.Related.AddRange((r.Related ?? []).Select((x, i) => x.ArticleId is { } target
            ? new RelatedItem { Position = i, TargetArticleId = target }
            : new RelatedItem { Position = i, Url = x.Url!.Trim(), Title = x.Title!.Trim(), Source = string.IsNullOrWhiteSpace(x.Source) ? null : x.Source.Trim() }));

        // The new path is live again: it no longer redirects elsewhere or answers 410.
        var path = $"/{section!.Slug}/{slug}";
        db.ArticleRedirects.RemoveRange(await db.ArticleRedirects.Where(x => x.Path == path).ToListAsync(ct));
        db.RetiredPaths.RemoveRange(await db.RetiredPaths.Where(x => x.Path == path).ToListAsync(ct));
        return null;
    }

    /// <summary>Finds tags by slug, creating the missing ones.</summary>
    static async Task<List<Tag>> TagsAsync(KiosqueDb db, List<string> names, CancellationToken ct)
    {
        var wanted = names.Select(n => n.Trim()).GroupBy(n => Slugs.From(n, 100), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var slugs = wanted.Keys.ToList();
        var existing = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToListAsync(ct);
        var tags = new List<Tag>(existing);
        foreach (var (slug, name) in wanted)
            if (existing.All(t => t.Slug != slug))
                tags.Add(new Tag { Name = name, Slug = slug });
        return tags;
    }
}
