using Microsoft.EntityFrameworkCore;

namespace Kiosque.Webhooks;

/// <summary>An address an admin registered to be told about events; deliveries are signed with its secret.</summary>
public sealed class Webhook
{
    public int Id { get; set; }
    public string Url { get; set; } = "";
    /// <summary>The HMAC-SHA256 key of <see cref="WebhookSigning"/>: shown to admins, never sent.</summary>
    public string Secret { get; set; } = "";
    /// <summary>Space-separated event types (see <see cref="WebhookEvents.All"/>).</summary>
    public string Events { get; set; } = "";
    public string? Description { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }

    public bool Wants(string type) => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(type, StringComparer.Ordinal);
}

public enum DeliveryStatus { Pending, Delivered, GivenUp }

/// <summary>
/// One event for one hook: an outbox row, written when the event happens and sent later by
/// <see cref="WebhookDispatcher"/>, which claims it with a lease (ClaimedBy/ClaimedUntil) so that two instances
/// never send it at once and a crashed sender's row is retried once the lease expires.
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public int WebhookId { get; set; }
    public Webhook Webhook { get; set; } = null!;
    /// <summary>The event's id, the same for every hook: receivers use it to drop duplicates.</summary>
    public string EventId { get; set; } = "";
    public string EventType { get; set; } = "";
    /// <summary>The JSON body, fixed when the event happened: every retry sends the same bytes.</summary>
    public string Payload { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
}

public static class WebhookModel
{
    public static void ConfigureWebhooks(this ModelBuilder b)
    {
        b.Entity<Webhook>(e =>
        {
            e.Property(x => x.Url).HasMaxLength(1000);
            e.Property(x => x.Secret).HasMaxLength(100);
            e.Property(x => x.Events).HasMaxLength(500);
            e.Property(x => x.Description).HasMaxLength(200);
        });
        b.Entity<WebhookDelivery>(e =>
        {
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.HasIndex(x => new { x.WebhookId, x.CreatedAt });
            e.Property(x => x.EventId).HasMaxLength(50);
            e.Property(x => x.EventType).HasMaxLength(50);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.Property(x => x.ClaimedBy).HasMaxLength(100);
            e.HasOne(x => x.Webhook).WithMany().HasForeignKey(x => x.WebhookId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
