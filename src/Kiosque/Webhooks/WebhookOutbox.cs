using System.Text.Json;
using System.Text.Json.Serialization;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Webhooks;

/// <summary>The "Kiosque:Webhooks" configuration section.</summary>
public sealed class WebhooksOptions
{
    public const string SectionName = "Kiosque:Webhooks";

    /// <summary>Off: this instance sends nothing (another one does); events are still recorded.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>
    /// Lets hooks point at loopback, private, link-local and other internal addresses. Off by default: a webhook
    /// must not become a way to make the server call its own network (SSRF).
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
    public int PollSeconds { get; set; } = 5;
    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public int TimeoutSeconds { get; set; } = 10;
    /// <summary>The first retry waits this long, each next one twice as long (capped at MaxDelayMinutes), with jitter.</summary>
    public int RetryBaseSeconds { get; set; } = 30;
    public int MaxDelayMinutes { get; set; } = 120;
    /// <summary>A delivery still failing this long after its event is given up.</summary>
    public int GiveUpHours { get; set; } = 24;
    /// <summary>How long a claimed delivery stays this instance's; a crashed sender's rows return after it.</summary>
    public int LeaseSeconds { get; set; } = 60;
}

/// <summary>
/// The event types a hook can subscribe to. Payloads are `{ "id", "type", "createdAt", "data" }`; see
/// docs/webhooks.md for each type's data.
/// </summary>
public static class WebhookEvents
{
    public const string ArticlePublished = "article.published";
    public const string ArticleUpdated = "article.updated";
    public const string ArticleUnpublished = "article.unpublished";
    public const string CommentCreated = "comment.created";
    /// <summary>Raised by the newsletter when a subscriber confirms their address: data `{ "email", "lists" }`.</summary>
    public const string SubscriberConfirmed = "subscriber.confirmed";

    public static readonly string[] All = [ArticlePublished, ArticleUpdated, ArticleUnpublished, CommentCreated, SubscriberConfirmed];
}

/// <summary>
/// What a feature calls when something webhook-worthy happened, after its own write committed:
/// `await webhookEvents.RaiseAsync(WebhookEvents.SubscriberConfirmed, new { email, lists }, ct)`. It records one
/// delivery per subscribed hook (the outbox) and returns; sending is <see cref="WebhookDispatcher"/>'s, later and
/// elsewhere, so a slow or dead receiver never slows or fails the caller.
/// </summary>
public interface IWebhookEvents
{
    Task RaiseAsync(string type, object data, CancellationToken ct);
}

public sealed class WebhookOutbox(IServiceScopeFactory scopes, TimeProvider clock, WebhookSignal signal, ILogger<WebhookOutbox> log) : IWebhookEvents
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Receivers read JSON, not HTML: accented text stays readable ("é", not "\u00E9").
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task RaiseAsync(string type, object data, CancellationToken ct)
    {
        if (!WebhookEvents.All.Contains(type)) throw new ArgumentException($"Unknown webhook event type \"{type}\".", nameof(type));
        // A context of its own: the caller's may hold changes it has not saved, which are not ours to commit.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiosqueDb>();
        var hooks = (await db.Webhooks.AsNoTracking().Where(h => h.Active).ToListAsync(ct)).Where(h => h.Wants(type)).ToList();
        if (hooks.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.NewGuid().ToString("N");
        var payload = JsonSerializer.Serialize(new { id, type, createdAt = new DateTimeOffset(now, TimeSpan.Zero), data }, Json);
        foreach (var hook in hooks)
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                WebhookId = hook.Id, EventId = id, EventType = type, Payload = payload, CreatedAt = now,
                Status = DeliveryStatus.Pending, NextAttemptAt = now,
            });
        await db.SaveChangesAsync(ct);
        log.LogDebug("Webhook event {Type} {Id} queued for {Count} hook(s).", type, id, hooks.Count);
        signal.Wake();
    }
}

/// <summary>Wakes this instance's dispatcher when an event was queued here, rather than at its next poll.</summary>
public sealed class WebhookSignal : IDisposable
{
    readonly SemaphoreSlim semaphore = new(0, 1);

    public void Wake()
    {
        try { semaphore.Release(); }
        catch (SemaphoreFullException) { /* already awake */ }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct) => await semaphore.WaitAsync(timeout, ct);

    public void Dispose() => semaphore.Dispose();
}
