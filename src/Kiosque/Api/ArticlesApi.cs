using System.Security.Claims;
using System.Globalization;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Kiosque.Wires;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Api;

public sealed record LeadImageRequest(int MediaId, string? Alt, string? Caption, string? Credit);

/// <summary>One "À lire aussi" entry: `{articleId}` for an internal article, else `{url, title, source}`.</summary>
public sealed record RelatedRequest(int? ArticleId, string? Url, string? Title, string? Source);

/// <summary>An article as a client sends it; `version` is the version it read (If-Match works too): newer answers 409.</summary>
public sealed record ArticleRequest(
    string? Section, string? Dossier, string? Kicker, string? Headline, string? Slug, string? Standfirst, string? BodyHtml,
    LeadImageRequest? LeadImage, List<string>? Authors, List<string>? Tags, List<RelatedRequest>? Related,
    ArticleStatus? Status, DateTimeOffset? PublishedAt, bool? CommentsEnabled,
    string? VideoUrl, string? AudioUrl, long? AudioLength, int? AudioDurationSeconds,
    WorkType? WorkType = null, string? SeoTitle = null, string? SeoDescription = null,
    int? Version = null, string? Transcript = null) : IValidatable
{
    /// <summary>The editable fields, by hand; the validation filter has already checked the required ones.</summary>
    public ArticleInput ToInput() => new()
    {
        Section = Section!,
        Dossier = Dossier,
        Kicker = Kicker,
        Headline = Headline!,
        Slug = Slug,
        Standfirst = Standfirst ?? "",
        BodyHtml = BodyHtml ?? "",
        WorkType = WorkType ?? Content.WorkType.News,
        SeoTitle = SeoTitle,
        SeoDescription = SeoDescription,
        LeadImage = LeadImage is null ? null : new LeadImageInput(LeadImage.MediaId, LeadImage.Alt, LeadImage.Caption, LeadImage.Credit),
        Authors = Authors ?? [],
        Tags = Tags ?? [],
        Related = (Related ?? []).Select(r => new RelatedInput(r.ArticleId, r.Url, r.Title, r.Source)).ToList(),
        CommentsEnabled = CommentsEnabled ?? true,
        VideoUrl = VideoUrl,
        AudioUrl = AudioUrl,
        AudioLength = AudioLength,
        AudioDurationSeconds = AudioDurationSeconds,
        Transcript = Transcript,
    };

    /// <summary>Null: the save leaves the status (and publication date) as they are.</summary>
    public StatusChange? ToStatusChange() =>
        Status is null && PublishedAt is null ? null : new StatusChange(Status, PublishedAt?.UtcDateTime);

    public void Validate(Errors errors)
    {
        errors.Required("section", Section, 100);
        errors.Required("headline", Headline, 300);
        errors.MaxLength("kicker", Kicker, 200);
        errors.MaxLength("standfirst", Standfirst, 2000);
        errors.MaxLength("dossier", Dossier, 200);
        errors.MaxLength("seoTitle", SeoTitle, 300);
        errors.MaxLength("seoDescription", SeoDescription, 500);
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
        errors.MaxLength("transcript", Transcript, 500_000);
    }
}

public sealed record ArticleCreated(int Id, string Slug, string Url, ArticleStatus Status, int Version);

public sealed record ScheduleRequest(DateTimeOffset? PublishedAt) : IValidatable
{
    public void Validate(Errors errors)
    {
        if (PublishedAt is null) errors.Add("publishedAt", "Required: when the article goes live.");
    }
}

public sealed record CorrectionRequest(string? Text) : IValidatable
{
    public void Validate(Errors errors) => errors.Required("text", Text, 2000);
}

public sealed record CorrectionResponse(DateTimeOffset At, string Text);

public sealed record RevisionResponse(int Number, DateTimeOffset CreatedAt, string ActorId, string ActorName, RevisionKind Kind, int? RestoredFrom);

public sealed record DiffPieceResponse(DiffKind Kind, string Text);

public sealed record FieldDiffResponse(string Field, IReadOnlyList<DiffPieceResponse> Pieces);

public sealed record RevisionDiffResponse(int From, int To, IReadOnlyList<FieldDiffResponse> Fields);

public sealed record LeadImageResponse(int MediaId, string Url, string Alt, string? Caption, string? Credit, int Width, int Height);

public sealed record RelatedResponse(int? ArticleId, string? Url, string? Title, string? Source);

public sealed record ArticleResponse(
    int Id, string Url, string Section, string? Dossier, string? Kicker, string EffectiveKicker, string Headline, string Slug,
    string Standfirst, string BodyHtml, LeadImageResponse? LeadImage, IReadOnlyList<string> Authors, IReadOnlyList<string> Tags,
    IReadOnlyList<RelatedResponse> Related, ArticleStatus Status, DateTimeOffset? PublishedAt, bool CommentsEnabled,
    string? VideoUrl, string? AudioUrl, long? AudioLength, int? AudioDurationSeconds, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    WorkType WorkType, string? SeoTitle, string? SeoDescription, int Version, IReadOnlyList<CorrectionResponse> Corrections,
    string? Transcript);

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

        // Any token may call these; the workflow decides per role and article (403 problem otherwise).
        var write = read.MapGroup("").RequireAuthorization(ApiAuth.Write);
        write.MapPost("", CreateAsync).WithName("CreateArticle");
        write.MapPut("/{id:int}", UpdateAsync).WithName("UpdateArticle");
        write.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteArticle").RequireAuthorization(ApiAuth.Publish);
        write.MapPost("/{id:int}/submit", (int id, HttpContext http, ArticleWorkflow workflow, CancellationToken ct) =>
            TransitionAsync(http, id, (version, actor) => workflow.SubmitAsync(id, version, actor, ct))).WithName("SubmitArticle");
        write.MapPost("/{id:int}/publish", (int id, HttpContext http, ArticleWorkflow workflow, CancellationToken ct) =>
            TransitionAsync(http, id, (version, actor) => workflow.PublishAsync(id, version, actor, ct))).WithName("PublishArticle");
        write.MapPost("/{id:int}/schedule", (int id, ScheduleRequest request, HttpContext http, ArticleWorkflow workflow, CancellationToken ct) =>
            TransitionAsync(http, id, (version, actor) => workflow.ScheduleAsync(id, request.PublishedAt!.Value.UtcDateTime, version, actor, ct))).WithName("ScheduleArticle");
        write.MapPost("/{id:int}/unpublish", (int id, HttpContext http, ArticleWorkflow workflow, CancellationToken ct) =>
            TransitionAsync(http, id, (version, actor) => workflow.UnpublishAsync(id, version, actor, ct))).WithName("UnpublishArticle");
        write.MapPost("/{id:int}/draft", (int id, HttpContext http, ArticleWorkflow workflow, CancellationToken ct) =>
            TransitionAsync(http, id, (version, actor) => workflow.ReturnToDraftAsync(id, version, actor, ct))).WithName("ReturnArticleToDraft");
        write.MapPost("/{id:int}/corrections", (int id, CorrectionRequest request, HttpContext http, ArticleWorkflow workflow, CancellationToken ct) =>
            TransitionAsync(http, id, (version, actor) => workflow.AddCorrectionAsync(id, request.Text!, version, actor, ct))).WithName("AddArticleCorrection");
        write.MapGet("/{id:int}/revisions", RevisionsAsync).WithName("ListArticleRevisions");
        write.MapGet("/{id:int}/revisions/{from:int}/diff/{to:int}", DiffAsync).WithName("DiffArticleRevisions");
        write.MapPost("/{id:int}/revisions/{number:int}/restore", (int id, int number, HttpContext http, ArticleWorkflow workflow, CancellationToken ct) =>
            TransitionAsync(http, id, (version, actor) => workflow.RestoreAsync(id, number, version, actor, ct))).WithName("RestoreArticleRevision");
    }

    /// <summary>`draft`, `in-review` (or `inreview`), `scheduled`, `published`, `unpublished`.</summary>
    static bool TryParseStatus(string value, out ArticleStatus status) =>
        Enum.TryParse(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out status) && !int.TryParse(value, out _);

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
            if (TryParseStatus(status, out var parsed)) wanted = parsed;
            else errors.Add("status", "One of draft, in-review, scheduled, published, unpublished.");
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
        .Include(a => a.Corrections)
        .Include(a => a.Related.OrderBy(r => r.Position)).ThenInclude(r => r.TargetArticle).ThenInclude(t => t!.Section);

    /// <summary>
    /// The article as JSON; as IPTC ninjs with `Accept: application/ninjs+json` (version=3.1, the default, or
    /// version=2.1), which answers 406 for a version Kiosque does not write.
    /// </summary>
    static async Task<Results<Ok<ArticleResponse>, JsonHttpResult<JsonObject>, ProblemHttpResult>> GetAsync(
        int id, HttpContext http, KiosqueDb db, TimeProvider clock, CancellationToken ct)
    {
        http.Response.Headers.Vary = "Accept";
        var ninjs = NinjsExport.Negotiate(http.Request.Headers.Accept, out var knownVersion);
        if (!knownVersion)
            return TypedResults.Problem(statusCode: StatusCodes.Status406NotAcceptable, title: "Not acceptable",
                detail: $"Kiosque writes ninjs versions 3.1 and 2.1: ask for {NinjsExport.ContentType(NinjsVersion.V3_1)} or {NinjsExport.ContentType(NinjsVersion.V2_1)}.");
        var now = clock.GetUtcNow().UtcDateTime;
        var tokenUser = await ApiAuth.TokenUserAsync(http);
        var article = await WithEverything(Visible(db, tokenUser, now)).AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return ApiProblems.NotFound($"article {id}");
        http.Response.Headers.ETag = $"\"{article.Version.ToString(CultureInfo.InvariantCulture)}\"";
        if (ninjs is { } version)
        {
            var site = await db.SiteSettings.AsNoTracking().Select(s => new { s.Name, s.Language }).FirstOrDefaultAsync(ct);
            var wire = await db.WireItems.AsNoTracking().SingleOrDefaultAsync(w => w.ArticleId == id, ct);
            var item = NinjsExport.Write(article, version,
                new NinjsContext(url => ApiUrls.Absolute(http, url), site?.Name ?? "Kiosque", site?.Language ?? "fr", wire));
            return TypedResults.Json(item, contentType: NinjsExport.ContentType(version));
        }
        return TypedResults.Ok(ToResponse(http, article, tokenUser is null, now));
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
        ApiProblems.Utc(a.CreatedAt), ApiProblems.Utc(a.UpdatedAt), a.WorkType, a.SeoTitle, a.SeoDescription, a.Version,
        a.Corrections.OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => new CorrectionResponse(ApiProblems.Utc(c.At), c.Text)).ToList(),
        a.Transcript);

    static async Task<Results<Created<ArticleCreated>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ArticleRequest request, HttpContext http, ArticleWorkflow workflow, CancellationToken ct)
    {
        if (Actor.From(http.User) is not { } actor) return NoActor();
        var result = await workflow.CreateAsync(request.ToInput(), actor, request.ToStatusChange(), ct);
        if (result.Article is not { } saved) return Refused<Created<ArticleCreated>>(result);
        return TypedResults.Created(ApiUrls.Absolute(http, $"/api/v1/articles/{saved.Id}"), Saved(http, saved));
    }

    static async Task<Results<Ok<ArticleCreated>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, ArticleRequest request, HttpContext http, ArticleWorkflow workflow, CancellationToken ct)
    {
        if (Actor.From(http.User) is not { } actor) return NoActor();
        if (!TryExpectedVersion(http, request.Version, out var version, out var bad)) return bad!;
        var result = await workflow.UpdateAsync(id, request.ToInput(), version, request.ToStatusChange(), actor, ct);
        return result.Article is { } saved ? TypedResults.Ok(Saved(http, saved)) : Refused<Ok<ArticleCreated>>(result, id);
    }

    static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int id, HttpContext http, ArticleWorkflow workflow, CancellationToken ct)
    {
        if (Actor.From(http.User) is not { } actor) return NoActor();
        var result = await workflow.DeleteAsync(id, actor, ct);
        return result.Succeeded ? TypedResults.NoContent() : ProblemFor(result, id);
    }

    /// <summary>Submit, publish, schedule, unpublish, back to draft, correct, restore: the If-Match header carries the version.</summary>
    static async Task<Results<Ok<ArticleCreated>, ValidationProblem, ProblemHttpResult>> TransitionAsync(
        HttpContext http, int id, Func<int?, Actor, Task<WorkflowResult>> act)
    {
        if (Actor.From(http.User) is not { } actor) return NoActor();
        if (!TryExpectedVersion(http, null, out var version, out var bad)) return bad!;
        var result = await act(version, actor);
        return result.Article is { } saved ? TypedResults.Ok(Saved(http, saved)) : Refused<Ok<ArticleCreated>>(result, id);
    }

    static async Task<Results<Ok<ItemList<RevisionResponse>>, ProblemHttpResult>> RevisionsAsync(int id, ArticleHistory history, CancellationToken ct)
    {
        var revisions = await history.ListAsync(id, ct);
        if (revisions is null) return ApiProblems.NotFound($"article {id}");
        return TypedResults.Ok(new ItemList<RevisionResponse>(revisions
            .Select(r => new RevisionResponse(r.Number, ApiProblems.Utc(r.CreatedAt), r.ActorId, r.ActorName, r.Kind, r.RestoredFrom)).ToList()));
    }

    static async Task<Results<Ok<RevisionDiffResponse>, ProblemHttpResult>> DiffAsync(int id, int from, int to, ArticleHistory history, CancellationToken ct)
    {
        var diff = await history.DiffAsync(id, from, to, ct);
        if (diff is null) return ApiProblems.NotFound($"revisions {from} and {to} of article {id}");
        return TypedResults.Ok(new RevisionDiffResponse(diff.From, diff.To, diff.Fields
            .Select(f => new FieldDiffResponse(f.Field, f.Pieces.Select(p => new DiffPieceResponse(p.Kind, p.Text)).ToList())).ToList()));
    }

    static ArticleCreated Saved(HttpContext http, SavedArticle saved) =>
        new(saved.Id, saved.Slug, ApiUrls.Absolute(http, saved.Path), saved.Status, saved.Version);

    /// <summary>The body's `version`, else `If-Match: "N"` (weak or strong; `*` matches any).</summary>
    static bool TryExpectedVersion(HttpContext http, int? fromBody, out int? version, out ValidationProblem? bad)
    {
        (version, bad) = (fromBody, null);
        if (fromBody is not null) return true;
        string? header = http.Request.Headers.IfMatch;
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*") return true;
        var tag = header.Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal)) tag = tag[2..];
        if (int.TryParse(tag.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            version = parsed;
            return true;
        }
        var errors = new Errors();
        errors.Add("If-Match", "Send the article's version as returned in its ETag, e.g. If-Match: \"3\".");
        bad = errors.ToProblem();
        return false;
    }

    static ProblemHttpResult NoActor() => ApiProblems.Forbidden("This credential names no user or role the newsroom knows.");

    static Results<T, ValidationProblem, ProblemHttpResult> Refused<T>(WorkflowResult result, int id = 0) where T : IResult =>
        result.Outcome == WorkflowOutcome.Invalid && result.Errors is { } errors
            ? TypedResults.ValidationProblem(errors, detail: result.Message)
            : ProblemFor(result, id);

    static ProblemHttpResult ProblemFor(WorkflowResult result, int id) => result.Outcome switch
    {
        WorkflowOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: result.Message ?? $"No article {id}."),
        WorkflowOutcome.Forbidden => ApiProblems.Forbidden(result.Message ?? "Not allowed."),
        WorkflowOutcome.Invalid => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid", detail: result.Message),
        _ => ApiProblems.Conflict(result.Message ?? "Conflict."),
    };
}
