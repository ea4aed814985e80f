using Kiosque.Content;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Api;

public sealed record ItemList<T>(IReadOnlyList<T> Items);

public sealed record SectionRequest(string? Name, string? Slug, int? Position, SectionKind? Kind, string? Description) : IValidatable
{
    public void Validate(Errors errors)
        => errors.AddAll(ContentRules.Section(Name, Slug, Description));
}

public sealed record SectionResponse(int Id, string Name, string Slug, int Position, SectionKind Kind, string? Description, string Url);

public sealed record DossierRequest(string? Name, string? Slug, string? Description) : IValidatable
{
    public void Validate(Errors errors)
        => errors.AddAll(ContentRules.Dossier(Name, Slug, Description));
}

public sealed record DossierResponse(int Id, string Name, string Slug, string? Description, string Url, DateTimeOffset CreatedAt);

public sealed record AuthorRequest(string? Name, string? Slug, string? Bio, int? PhotoMediaId) : IValidatable
{
    public void Validate(Errors errors)
        => errors.AddAll(ContentRules.Author(Name, Slug, Bio));
}

public sealed record AuthorResponse(int Id, string Name, string Slug, string? Bio, int? PhotoMediaId, string? PhotoUrl, string Url);

/// <summary>Sections, dossiers and authors: the site's structure, written by editors and admins.</summary>
public static class TaxonomyApi
{
    public static void MapTaxonomy(this RouteGroupBuilder api)
    {
        var sections = api.MapGroup("/sections").WithTags("Sections");
        sections.MapGet("", ListSectionsAsync).WithName("ListSections");
        sections.MapGet("/{slug}", GetSectionAsync).WithName("GetSection");
        var sectionWrites = sections.MapGroup("").RequireAuthorization(ApiAuth.Publish);
        sectionWrites.MapPost("", CreateSectionAsync).WithName("CreateSection");
        sectionWrites.MapPut("/{slug}", UpdateSectionAsync).WithName("UpdateSection");

        var dossiers = api.MapGroup("/dossiers").WithTags("Dossiers");
        dossiers.MapGet("", ListDossiersAsync).WithName("ListDossiers");
        dossiers.MapGet("/{slug}", GetDossierAsync).WithName("GetDossier");
        var dossierWrites = dossiers.MapGroup("").RequireAuthorization(ApiAuth.Publish);
        dossierWrites.MapPost("", CreateDossierAsync).WithName("CreateDossier");
        dossierWrites.MapPut("/{slug}", UpdateDossierAsync).WithName("UpdateDossier");

        var authors = api.MapGroup("/authors").WithTags("Authors");
        authors.MapGet("", ListAuthorsAsync).WithName("ListAuthors");
        authors.MapGet("/{slug}", GetAuthorAsync).WithName("GetAuthor");
        var authorWrites = authors.MapGroup("").RequireAuthorization(ApiAuth.Publish);
        authorWrites.MapPost("", CreateAuthorAsync).WithName("CreateAuthor");
        authorWrites.MapPut("/{slug}", UpdateAuthorAsync).WithName("UpdateAuthor");
    }

    // ---- sections

    static SectionResponse ToResponse(HttpContext http, Section s) =>
        new(s.Id, s.Name, s.Slug, s.Position, s.Kind, s.Description, ApiUrls.Absolute(http, "/" + s.Slug));

    static async Task<Ok<ItemList<SectionResponse>>> ListSectionsAsync(HttpContext http, KiosqueDb db, CancellationToken ct)
    {
        var sections = await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(ct);
        return TypedResults.Ok(new ItemList<SectionResponse>(sections.Select(s => ToResponse(http, s)).ToList()));
    }

    static async Task<Results<Ok<SectionResponse>, ProblemHttpResult>> GetSectionAsync(string slug, HttpContext http, KiosqueDb db, CancellationToken ct)
    {
        var section = await db.Sections.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == slug, ct);
        return section is null ? ApiProblems.NotFound($"section \"{slug}\"") : TypedResults.Ok(ToResponse(http, section));
    }

    static async Task<Results<Created<SectionResponse>, ProblemHttpResult>> CreateSectionAsync(
        SectionRequest request, HttpContext http, KiosqueDb db, CancellationToken ct)
    {
        var slug = request.Slug ?? Slugs.From(request.Name!, 100);
        if (await PublicSlugs.ConflictAsync(db, slug, sectionId: null, pageId: null, ct) is { } conflict)
            return ApiProblems.Conflict(conflict);
        var position = request.Position ?? (await db.Sections.MaxAsync(s => (int?)s.Position, ct) ?? 0) + 1;
        var section = new Section
        {
            Name = request.Name!.Trim(), Slug = slug, Position = position, Kind = request.Kind ?? SectionKind.Standard,
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
        };
        db.Sections.Add(section);
        await db.SaveAuditedAsync(http, "section.created", "section", () => section.Id, section.Name, ct);
        return TypedResults.Created(ApiUrls.Absolute(http, $"/api/v1/sections/{slug}"), ToResponse(http, section));
    }

    static async Task<Results<Ok<SectionResponse>, ProblemHttpResult>> UpdateSectionAsync(
        string slug, SectionRequest request, HttpContext http, KiosqueDb db, TimeProvider clock, CancellationToken ct)
    {
        var section = await db.Sections.SingleOrDefaultAsync(s => s.Slug == slug, ct);
        if (section is null) return ApiProblems.NotFound($"section \"{slug}\"");
        var newSlug = request.Slug ?? section.Slug;
        if (newSlug != section.Slug)
        {
            if (await PublicSlugs.ConflictAsync(db, newSlug, section.Id, pageId: null, ct) is { } conflict)
                return ApiProblems.Conflict(conflict);
            await ContentRules.RedirectSectionArticlesAsync(db, section, newSlug, clock.GetUtcNow().UtcDateTime, ct);
        }
        section.Name = request.Name!.Trim();
        section.Slug = newSlug;
        section.Position = request.Position ?? section.Position;
        section.Kind = request.Kind ?? section.Kind;
        section.Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        await db.SaveAuditedAsync(http, "section.updated", "section", () => section.Id, section.Name, ct);
        return TypedResults.Ok(ToResponse(http, section));
    }

    // ---- dossiers

    static DossierResponse ToResponse(HttpContext http, Dossier d) =>
        new(d.Id, d.Name, d.Slug, d.Description, ApiUrls.Absolute(http, "/dossiers/" + d.Slug), ApiProblems.Utc(d.CreatedAt));

    static async Task<Ok<ItemList<DossierResponse>>> ListDossiersAsync(HttpContext http, KiosqueDb db, CancellationToken ct)
    {
        var dossiers = await db.Dossiers.AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct);
        return TypedResults.Ok(new ItemList<DossierResponse>(dossiers.Select(d => ToResponse(http, d)).ToList()));
    }

    static async Task<Results<Ok<DossierResponse>, ProblemHttpResult>> GetDossierAsync(string slug, HttpContext http, KiosqueDb db, CancellationToken ct)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Slug == slug, ct);
        return dossier is null ? ApiProblems.NotFound($"dossier \"{slug}\"") : TypedResults.Ok(ToResponse(http, dossier));
    }

    static async Task<Results<Created<DossierResponse>, ProblemHttpResult>> CreateDossierAsync(
        DossierRequest request, HttpContext http, KiosqueDb db, TimeProvider clock, CancellationToken ct)
    {
        var slug = request.Slug ?? Slugs.From(request.Name!);
        if (await db.Dossiers.AnyAsync(d => d.Slug == slug, ct)) return ApiProblems.Conflict($"The dossier slug \"{slug}\" is taken.");
        var dossier = new Dossier
        {
            Name = request.Name!.Trim(), Slug = slug, CreatedAt = clock.GetUtcNow().UtcDateTime,
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
        };
        db.Dossiers.Add(dossier);
        await db.SaveAuditedAsync(http, "dossier.created", "dossier", () => dossier.Id, dossier.Name, ct);
        return TypedResults.Created(ApiUrls.Absolute(http, $"/api/v1/dossiers/{slug}"), ToResponse(http, dossier));
    }

    static async Task<Results<Ok<DossierResponse>, ProblemHttpResult>> UpdateDossierAsync(
        string slug, DossierRequest request, HttpContext http, KiosqueDb db, CancellationToken ct)
    {
        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Slug == slug, ct);
        if (dossier is null) return ApiProblems.NotFound($"dossier \"{slug}\"");
        var newSlug = request.Slug ?? dossier.Slug;
        if (newSlug != dossier.Slug && await db.Dossiers.AnyAsync(d => d.Slug == newSlug, ct))
            return ApiProblems.Conflict($"The dossier slug \"{newSlug}\" is taken.");
        dossier.Name = request.Name!.Trim();
        dossier.Slug = newSlug;
        dossier.Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        await db.SaveAuditedAsync(http, "dossier.updated", "dossier", () => dossier.Id, dossier.Name, ct);
        return TypedResults.Ok(ToResponse(http, dossier));
    }

    // ---- authors

    static AuthorResponse ToResponse(HttpContext http, Author a) => new(
        a.Id, a.Name, a.Slug, a.Bio, a.PhotoId, a.Photo is null ? null : ApiUrls.Absolute(http, a.Photo.Url),
        ApiUrls.Absolute(http, "/auteurs/" + a.Slug));

    static async Task<Ok<ItemList<AuthorResponse>>> ListAuthorsAsync(HttpContext http, KiosqueDb db, CancellationToken ct)
    {
        var authors = await db.Authors.AsNoTracking().Include(a => a.Photo).OrderBy(a => a.Name).ToListAsync(ct);
        return TypedResults.Ok(new ItemList<AuthorResponse>(authors.Select(a => ToResponse(http, a)).ToList()));
    }

    static async Task<Results<Ok<AuthorResponse>, ProblemHttpResult>> GetAuthorAsync(string slug, HttpContext http, KiosqueDb db, CancellationToken ct)
    {
        var author = await db.Authors.AsNoTracking().Include(a => a.Photo).SingleOrDefaultAsync(a => a.Slug == slug, ct);
        return author is null ? ApiProblems.NotFound($"author \"{slug}\"") : TypedResults.Ok(ToResponse(http, author));
    }

    static async Task<Results<Created<AuthorResponse>, ValidationProblem, ProblemHttpResult>> CreateAuthorAsync(
        AuthorRequest request, HttpContext http, KiosqueDb db, HtmlSanitizing html, CancellationToken ct)
    {
        var slug = request.Slug ?? Slugs.From(request.Name!);
        var author = new Author();
        if (await ApplyAsync(request, author, db, html, ct) is { } invalid) return invalid;
        if (await db.Authors.AnyAsync(a => a.Slug == slug, ct)) return ApiProblems.Conflict($"The author slug \"{slug}\" is taken.");
        author.Slug = slug;
        db.Authors.Add(author);
        await db.SaveAuditedAsync(http, "author.created", "author", () => author.Id, author.Name, ct);
        return TypedResults.Created(ApiUrls.Absolute(http, $"/api/v1/authors/{slug}"), ToResponse(http, author));
    }

    static async Task<Results<Ok<AuthorResponse>, ValidationProblem, ProblemHttpResult>> UpdateAuthorAsync(
        string slug, AuthorRequest request, HttpContext http, KiosqueDb db, HtmlSanitizing html, CancellationToken ct)
    {
        var author = await db.Authors.Include(a => a.Photo).SingleOrDefaultAsync(a => a.Slug == slug, ct);
        if (author is null) return ApiProblems.NotFound($"author \"{slug}\"");
        var newSlug = request.Slug ?? author.Slug;
        if (newSlug != author.Slug && await db.Authors.AnyAsync(a => a.Slug == newSlug, ct))
            return ApiProblems.Conflict($"The author slug \"{newSlug}\" is taken.");
        if (await ApplyAsync(request, author, db, html, ct) is { } invalid) return invalid;
        author.Slug = newSlug;
        await db.SaveAuditedAsync(http, "author.updated", "author", () => author.Id, author.Name, ct);
        return TypedResults.Ok(ToResponse(http, author));
    }

    static async Task<ValidationProblem?> ApplyAsync(AuthorRequest request, Author author, KiosqueDb db, HtmlSanitizing html, CancellationToken ct)
    {
        MediaItem? photo = null;
        if (request.PhotoMediaId is { } photoId)
        {
            photo = await db.Media.SingleOrDefaultAsync(m => m.Id == photoId, ct);
            if (photo is null)
            {
                var errors = new Errors();
                errors.Add("photoMediaId", $"No media item {photoId}.");
                return errors.ToProblem();
            }
        }
        author.Name = request.Name!.Trim();
        author.Bio = string.IsNullOrWhiteSpace(request.Bio) ? null : html.Sanitize(request.Bio);
        author.Photo = photo;
        author.PhotoId = photo?.Id;
        return null;
    }
}

/// <summary>Sections and static pages share the URL space /{slug}, beside the application's own routes.</summary>
public static class PublicSlugs
{
    public static async Task<string?> ConflictAsync(KiosqueDb db, string slug, int? sectionId, int? pageId, CancellationToken ct) =>
        await ContentRules.PublicSlugConflictAsync(db, slug, sectionId, pageId, ct) switch
        {
            SlugConflict.Reserved => $"\"{slug}\" is reserved for the application's own routes.",
            SlugConflict.Section => $"The section \"{slug}\" already uses /{slug}.",
            SlugConflict.Page => $"The page \"{slug}\" already uses /{slug}.",
            _ => null,
        };
}
