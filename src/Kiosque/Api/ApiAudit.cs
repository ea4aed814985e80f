using System.Globalization;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;

namespace Kiosque.Api;

/// <summary>Site-structure writes through the API leave the same audit trail as the newsroom's settings pages.</summary>
static class ApiAudit
{
    /// <summary>
    /// Saves the change and its audit entry in one transaction. The entry names the saved entity, whose id a
    /// created row only has after the first save.
    /// </summary>
    public static async Task SaveAuditedAsync(this KiosqueDb db, HttpContext http, string action, string entityType,
        Func<object> entityId, string summary, CancellationToken ct)
    {
        var actor = Actor.From(http.User) ?? throw new InvalidOperationException("An API write without an authenticated caller.");
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.Record(actor, action, entityType, Convert.ToString(entityId(), CultureInfo.InvariantCulture) ?? "", summary, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
