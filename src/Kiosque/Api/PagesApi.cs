using Kiosque.Content;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Api;

public sealed record PageRequest(string? Title, string? Slug, string? BodyHtml, PageStatus? Status) : IValidatable
{
    public void Validate(Errors errors)
        => errors.AddAll(ContentRules.Page(Title, Slug));
}

public sealed record PageResponse(int Id, string Title, string Slug, string BodyHtml, PageStatus Status, string Url,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Static pages ("Qui sommes-nous ?") at /{slug}; contributors write drafts, editors publish.</summary>
public static class PagesApi
{
    public static void MapPagesApi(this RouteGroupBuilder api)
    {
        var read = api.MapGroup("/pages").WithTags("Pages");
        read.MapGet("", ListAsync).WithName("ListPages");
        read.MapGet("/{slug}", GetAsync).WithName("GetPage");

        var write = read.MapGroup("").RequireAuthorization(ApiAuth.Write);
        write.MapPost("", CreateAsync).WithName("CreatePage");
        write.MapPut("/{slug}", UpdateAsync).WithName("UpdatePage");
    }

    static PageResponse ToResponse(HttpContext http, Page p) => new(
        p.Id, p.Title, p.Slug, p.BodyHtml, p.Status, ApiUrls.Absolute(http, "/" + p.Slug), ApiProblems.Utc(p.CreatedAt), ApiProblems.Utc(p.UpdatedAt));

    static async Task<IQueryable<Page>> VisibleAsync(HttpContext http, KiosqueDb db) =>
        await ApiAuth.TokenUserAsync(http) is null ? db.Pages.Where(p => p.Status == PageStatus.Published) : db.Pages;

    static async Task<Ok<ItemList<PageResponse>>> ListAsync(HttpContext http, KiosqueDb db, CancellationToken ct)
    {
        var pages = await (await VisibleAsync(http, db)).AsNoTracking().OrderBy(p => p.Title).ToListAsync(ct);
        return TypedResults.Ok(new ItemList<PageResponse>(pages.Select(p => ToResponse(http, p)).ToList()));
    }

    static async Task<Results<Ok<PageResponse>, ProblemHttpResult>> GetAsync(string slug, HttpContext http, KiosqueDb db, CancellationToken ct)
    {
        var page = await (await VisibleAsync(http, db)).AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, ct);
        return page is null ? ApiProblems.NotFound($"page \"{slug}\"") : TypedResults.Ok(ToResponse(http, page));
    }

    static async Task<Results<Created<PageResponse>, ProblemHttpResult>> CreateAsync(
        PageRequest request, HttpContext http, KiosqueDb db, HtmlSanitizing html, TimeProvider clock, CancellationToken ct)
    {
        if (request.Status == PageStatus.Published && !ApiAuth.CanPublish(http.User))
            return ApiProblems.Forbidden("Contributors can only save draft pages; an editor publishes.");
        var slug = request.Slug ?? Slugs.From(request.Title!);
        if (await PublicSlugs.ConflictAsync(db, slug, sectionId: null, pageId: null, ct) is { } conflict)
            return ApiProblems.Conflict(conflict);
        var now = clock.GetUtcNow().UtcDateTime;
        var page = new Page
        {
            Title = request.Title!.Trim(), Slug = slug, BodyHtml = html.Sanitize(request.BodyHtml),
            Status = request.Status ?? PageStatus.Draft, CreatedAt = now, UpdatedAt = now,
        };
        db.Pages.Add(page);
        await db.SaveAuditedAsync(http, "page.created", "page", () => page.Id, page.Title, ct);
        return TypedResults.Created(ApiUrls.Absolute(http, $"/api/v1/pages/{slug}"), ToResponse(http, page));
    }

    static async Task<Results<Ok<PageResponse>, ProblemHttpResult>> UpdateAsync(
        string slug, PageRequest request, HttpContext http, KiosqueDb db, HtmlSanitizing html, TimeProvider clock, CancellationToken ct)
    {
        var page = await db.Pages.SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (page is null) return ApiProblems.NotFound($"page \"{slug}\"");
        var status = request.Status ?? PageStatus.Draft;
        if (!ApiAuth.CanPublish(http.User) && (page.Status != PageStatus.Draft || status != PageStatus.Draft))
            return ApiProblems.Forbidden("Contributors can only change draft pages; an editor publishes.");
        var newSlug = request.Slug ?? page.Slug;
        if (newSlug != page.Slug && await PublicSlugs.ConflictAsync(db, newSlug, sectionId: null, page.Id, ct) is { } conflict)
            return ApiProblems.Conflict(conflict);
        page.Title = request.Title!.Trim();
        page.Slug = newSlug;
        page.BodyHtml = html.Sanitize(request.BodyHtml);
        page.Status = status;
        page.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveAuditedAsync(http, "page.updated", "page", () => page.Id, page.Title, ct);
        return TypedResults.Ok(ToResponse(http, page));
    }
}
