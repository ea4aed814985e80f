using Kiosque.Api;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosque.Newsletter;

public sealed record NewsletterResponse(int Id, string Name, string Slug, string Description, bool Open, int Subscribers);

public sealed record EditionFiguresResponse(int Recipients, int Pending, int Sent, int Failed, int Bounced, int Skipped, int Unsubscribed);

public sealed record EditionResponse(int Id, int NewsletterId, string Subject, string Intro, string Status, IReadOnlyList<int> ArticleIds,
    DateTimeOffset CreatedAt, DateTimeOffset? ScheduledAt, DateTimeOffset? SentAt, string? ArchiveUrl, string? LastError, EditionFiguresResponse Figures);

public sealed record CreateEditionRequest(string? Subject, string? Intro, List<int>? ArticleIds);

/// <summary>"scheduledAt" absent or in the past: now.</summary>
public sealed record SendEditionRequest(DateTimeOffset? ScheduledAt);

/// <summary>/api/v1/newsletters: editors and admins list newsletters, create editions from article ids, send or schedule them, read figures.</summary>
public static class NewsletterApi
{
    public static void MapNewsletterApi(this WebApplication app)
    {
        var v1 = app.MapGroup("/api/v1/newsletters").WithTags("Newsletter").RequireAuthorization(ApiAuth.Publish)
            .AddEndpointFilter<ValidationFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapGet("", ListAsync).WithName("ListNewsletters");
        v1.MapPost("/{id:int}/editions", CreateAsync).WithName("CreateEdition");
        v1.MapGet("/editions/{id:int}", GetAsync).WithName("GetEdition");
        v1.MapPost("/editions/{id:int}/send", SendAsync).WithName("SendEdition");
    }

    static async Task<Ok<List<NewsletterResponse>>> ListAsync(KiosqueDb db, CancellationToken ct)
    {
        var lists = await db.NewsletterLists.AsNoTracking().OrderBy(l => l.Position).ThenBy(l => l.Id)
            .Select(l => new NewsletterResponse(l.Id, l.Name, l.Slug, l.Description, l.Open,
                db.NewsletterSubscriptions.Count(s => s.ListId == l.Id && s.Status == SubscriptionStatus.Active)))
            .ToListAsync(ct);
        return TypedResults.Ok(lists);
    }

    static async Task<Results<Created<EditionResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(int id, CreateEditionRequest request,
        HttpContext http, Editions editions, KiosqueDb db, NewsletterOutbox outbox, CancellationToken ct)
    {
        if (!await db.NewsletterLists.AnyAsync(l => l.Id == id, ct)) return ApiProblems.NotFound("newsletter with this id");
        var actor = Actor.From(http.User);
        if (actor is null) return ApiProblems.Forbidden("This token has no role.");
        var (edition, errors) = await editions.CreateAsync(new EditionInput(id, request.Subject, request.Intro, request.ArticleIds), actor, ct);
        if (edition is null)
        {
            var problem = new Errors();
            foreach (var (field, message) in errors) problem.Add(field, message);
            return problem.ToProblem();
        }
        var response = await ResponseAsync(edition.Id, http, db, outbox, ct);
        return TypedResults.Created($"/api/v1/newsletters/editions/{edition.Id}", response!);
    }

    static async Task<Results<Ok<EditionResponse>, ProblemHttpResult>> GetAsync(int id, HttpContext http, KiosqueDb db, NewsletterOutbox outbox,
        CancellationToken ct) =>
        await ResponseAsync(id, http, db, outbox, ct) is { } response ? TypedResults.Ok(response) : ApiProblems.NotFound("edition with this id");

    static async Task<Results<Accepted<EditionResponse>, ProblemHttpResult>> SendAsync(int id, SendEditionRequest? request, HttpContext http,
        KiosqueDb db, NewsletterOutbox outbox, TimeProvider clock, IOptions<KiosqueOptions> kiosque, CancellationToken ct)
    {
        var status = await db.NewsletterEditions.Where(e => e.Id == id).Select(e => (EditionStatus?)e.Status).FirstOrDefaultAsync(ct);
        if (status is null) return ApiProblems.NotFound("edition with this id");
        var now = clock.GetUtcNow().UtcDateTime;
        var at = request?.ScheduledAt?.UtcDateTime is { } when && when > now ? when : now;
        if (!await outbox.ScheduleAsync(id, at, BaseUrl(http, kiosque.Value), ct))
            return ApiProblems.Conflict($"This edition is {status.ToString()!.ToLowerInvariant()}: only a draft or a scheduled edition can be sent.");
        var actor = Actor.From(http.User);
        if (actor is not null)
        {
            db.Record(actor, at > now ? "schedule" : "send", "edition", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Envoi de l’édition demandé", now);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Accepted($"/api/v1/newsletters/editions/{id}", (await ResponseAsync(id, http, db, outbox, ct))!);
    }

    public static string BaseUrl(HttpContext http, KiosqueOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicUrl) ? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}" : options.PublicUrl.TrimEnd('/');

    static async Task<EditionResponse?> ResponseAsync(int id, HttpContext http, KiosqueDb db, NewsletterOutbox outbox, CancellationToken ct)
    {
        var e = await db.NewsletterEditions.AsNoTracking().Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        var f = await outbox.FiguresAsync(id, ct);
        return new EditionResponse(e.Id, e.ListId, e.Subject, e.Intro, e.Status.ToString().ToLowerInvariant(),
            e.Items.OrderBy(i => i.Position).Select(i => i.ArticleId).ToList(), ApiProblems.Utc(e.CreatedAt), ApiProblems.Utc(e.ScheduledAt),
            ApiProblems.Utc(e.SentAt), e.Status == EditionStatus.Sent ? ApiUrls.Absolute(http, NewsletterPaths.Archive(e.Id)) : null, e.LastError,
            new EditionFiguresResponse(f.Recipients, f.Pending, f.Sent, f.Failed, f.Bounced, f.Skipped, f.Unsubscribed));
    }
}
