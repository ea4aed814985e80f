using Kiosque.Api;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosque.Webhooks;

/// <summary>A refused field, worded for the API (English) and for the newsroom (French).</summary>
public sealed record WebhookError(string English, string French);

/// <summary>Registering and removing hooks, for the API and the newsroom page alike, audited in the same transaction.</summary>
public sealed class WebhookRegistry(KiosqueDb db, IOptions<WebhooksOptions> options, TimeProvider clock)
{
    /// <summary>Field errors keyed "url", "events", "description", in English for the API and French for the newsroom; empty when valid.</summary>
    public Dictionary<string, WebhookError> Validate(string? url, IReadOnlyCollection<string>? events, string? description)
    {
        var errors = new Dictionary<string, WebhookError>(StringComparer.Ordinal);
        var all = string.Join(", ", WebhookEvents.All);
        if (string.IsNullOrWhiteSpace(url)) errors["url"] = new("Required.", "Obligatoire.");
        else if (WebhookAddresses.Refusal(url.Trim(), options.Value.AllowPrivateNetworks) is { } why) errors["url"] = why;
        if (events is null || events.Count == 0) errors["events"] = new($"Choose at least one of {all}.", "Cochez au moins un événement.");
        else if (events.FirstOrDefault(e => !WebhookEvents.All.Contains(e)) is { } unknown)
            errors["events"] = new($"Unknown event \"{unknown}\": use {all}.", $"Événement inconnu « {unknown} » : {all}.");
        if (description?.Length > 200) errors["description"] = new("At most 200 characters.", "200 caractères au plus.");
        return errors;
    }

    /// <summary>Call after <see cref="Validate"/> found nothing.</summary>
    public async Task<Webhook> AddAsync(string url, IReadOnlyCollection<string> events, string? description, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hook = new Webhook
        {
            Url = url.Trim(), Secret = WebhookSigning.NewSecret(), CreatedAt = now,
            Events = string.Join(' ', WebhookEvents.All.Where(events.Contains)),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Webhooks.Add(hook);
        await db.SaveChangesAsync(ct);
        db.Record(actor, "webhook.created", "webhook", Id(hook.Id), $"{hook.Url} ({hook.Events})", now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return hook;
    }

    public async Task<bool> DeleteAsync(int id, Actor actor, CancellationToken ct)
    {
        var hook = await db.Webhooks.SingleOrDefaultAsync(h => h.Id == id, ct);
        if (hook is null) return false;
        db.Webhooks.Remove(hook);
        db.Record(actor, "webhook.deleted", "webhook", Id(id), hook.Url, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }

    static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Article events as webhook events: published, updated (while live) and unpublished.</summary>
public sealed class WebhookArticleEvents(IWebhookEvents webhooks, KiosqueDb db, IOptions<KiosqueOptions> options) : IArticleEvents
{
    public async Task HandleAsync(ArticleEvent articleEvent, CancellationToken ct)
    {
        var type = articleEvent switch
        {
            ArticlePublished => WebhookEvents.ArticlePublished,
            ArticleUnpublished => WebhookEvents.ArticleUnpublished,
            ArticleChanged => WebhookEvents.ArticleUpdated,
            _ => null,
        };
        if (type is null) return;
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleEvent.ArticleId)
            .Select(a => new { a.Id, a.Headline, a.Status, a.PublishedAt, a.FirstPublishedAt, Section = a.Section.Slug }).SingleOrDefaultAsync(ct);
        if (article is null) return;
        // An edit matters to the outside only while the piece is live, and not in the save that first published it
        // (article.published says it all then).
        if (type == WebhookEvents.ArticleUpdated
            && (article.Status != ArticleStatus.Published || article.FirstPublishedAt is not { } first || first >= articleEvent.At))
            return;
        var publicUrl = options.Value.PublicUrl?.TrimEnd('/');
        await webhooks.RaiseAsync(type, new
        {
            article = new
            {
                id = article.Id,
                headline = article.Headline,
                section = article.Section,
                path = articleEvent.Path,
                url = publicUrl is null ? null : publicUrl + articleEvent.Path,
                status = article.Status,
                publishedAt = article.PublishedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : (DateTimeOffset?)null,
            },
            actor = articleEvent.Actor.Name,
        }, ct);
    }
}

public sealed record WebhookRequest(string? Url, List<string>? Events, string? Description) : IValidatable
{
    public void Validate(Errors errors)
    {
        if (string.IsNullOrWhiteSpace(Url)) errors.Add("url", "Required.");
        if (Events is null || Events.Count == 0) errors.Add("events", "Required: at least one event type.");
    }
}

public sealed record WebhookResponse(int Id, string Url, IReadOnlyList<string> Events, string? Description, bool Active, DateTimeOffset CreatedAt, string? Secret);

public sealed record DeliveryResponse(long Id, string EventId, string EventType, string Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt);

public static class WebhooksFeature
{
    const string NewsroomFolder = "/Webhooks/Pages";

    /// <summary>Admin-registered hooks, an outbox of signed deliveries and the background sender.</summary>
    public static void AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhooksOptions>().BindConfiguration(WebhooksOptions.SectionName);
        builder.Services.AddSingleton<WebhookSignal>();
        builder.Services.AddSingleton<IWebhookEvents, WebhookOutbox>();
        builder.Services.AddScoped<WebhookRegistry>();
        builder.Services.AddScoped<IArticleEvents, WebhookArticleEvents>();
        builder.Services.AddHttpClient(WebhookDispatcher.ClientName, c => c.DefaultRequestHeaders.UserAgent.ParseAdd("Kiosque-Webhooks/1"))
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptionsMonitor<WebhooksOptions>>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false, // a redirect could point anywhere, internal addresses included
                    UseCookies = false,
                    ConnectTimeout = TimeSpan.FromSeconds(5),
                    ConnectCallback = WebhookAddresses.Connect(() => options.CurrentValue.AllowPrivateNetworks),
                };
            });
        builder.Services.AddSingleton<WebhookDispatcher>();
        // Deliveries waiting to be sent (or sent again).
        builder.Services.AddSingleton(new Observability.QueueDepth("webhook-outbox", db => db.WebhookDeliveries.LongCount(d => d.Status == DeliveryStatus.Pending)));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder(NewsroomFolder, Accounts.Policies.Admin);
            o.Conventions.AddFolderApplicationModelConvention(NewsroomFolder, model => model.Filters.Add(new Newsroom.AdminTwoFactorGate()));
        });
    }

    public static void MapWebhooksApi(this RouteGroupBuilder api)
    {
        var hooks = api.MapGroup("/webhooks").WithTags("Webhooks").RequireAuthorization(ApiAuth.Admin);
        hooks.MapGet("", ListAsync).WithName("ListWebhooks");
        hooks.MapPost("", CreateAsync).WithName("CreateWebhook");
        hooks.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteWebhook");
        hooks.MapGet("/{id:int}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries");
    }

    static WebhookResponse Response(Webhook h, bool withSecret) => new(h.Id, h.Url, h.Events.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        h.Description, h.Active, ApiProblems.Utc(h.CreatedAt), withSecret ? h.Secret : null);

    static async Task<Ok<ItemList<WebhookResponse>>> ListAsync(KiosqueDb db, CancellationToken ct) =>
        TypedResults.Ok(new ItemList<WebhookResponse>((await db.Webhooks.AsNoTracking().OrderBy(h => h.Id).ToListAsync(ct))
            .Select(h => Response(h, withSecret: false)).ToList()));

    /// <summary>The answer carries the signing secret: the only time the API shows it.</summary>
    static async Task<Results<Created<WebhookResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        WebhookRequest request, HttpContext http, WebhookRegistry registry, CancellationToken ct)
    {
        if (Actor.From(http.User) is not { } actor) return ApiProblems.Forbidden("This credential names no user or role the newsroom knows.");
        var problems = registry.Validate(request.Url, request.Events, request.Description);
        if (problems.Count > 0)
        {
            var errors = new Errors();
            foreach (var (field, problem) in problems) errors.Add(field, problem.English);
            return errors.ToProblem();
        }
        var hook = await registry.AddAsync(request.Url!, request.Events!, request.Description, actor, ct);
        return TypedResults.Created(ApiUrls.Absolute(http, $"/api/v1/webhooks/{hook.Id}"), Response(hook, withSecret: true));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int id, HttpContext http, WebhookRegistry registry, CancellationToken ct)
    {
        if (Actor.From(http.User) is not { } actor) return ApiProblems.Forbidden("This credential names no user or role the newsroom knows.");
        return await registry.DeleteAsync(id, actor, ct) ? TypedResults.NoContent() : ApiProblems.NotFound($"webhook {id}");
    }

    static async Task<Results<Ok<ItemList<DeliveryResponse>>, ProblemHttpResult>> DeliveriesAsync(int id, KiosqueDb db, CancellationToken ct)
    {
        if (!await db.Webhooks.AnyAsync(h => h.Id == id, ct)) return ApiProblems.NotFound($"webhook {id}");
        var rows = await db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookId == id)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(100).ToListAsync(ct);
        return TypedResults.Ok(new ItemList<DeliveryResponse>(rows.Select(d => new DeliveryResponse(
            d.Id, d.EventId, d.EventType, d.Status.ToString().ToLowerInvariant(), d.Attempts, ApiProblems.Utc(d.CreatedAt),
            ApiProblems.Utc(d.LastAttemptAt), d.LastStatusCode, d.LastError, ApiProblems.Utc(d.NextAttemptAt), ApiProblems.Utc(d.DeliveredAt))).ToList()));
    }
}
