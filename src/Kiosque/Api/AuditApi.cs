using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Api;

public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string ActorId, string ActorName, string Action,
    string EntityType, string EntityId, string Summary);

/// <summary>The editorial audit log, newest first: admins only.</summary>
public static class AuditApi
{
    public const int PageSize = 50;

    public static void MapAuditApi(this RouteGroupBuilder api) =>
        api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(ApiAuth.Admin)
            .MapGet("", ListAsync).WithName("ListAuditEntries");

    static async Task<Results<Ok<Paged<AuditEntryResponse>>, ValidationProblem>> ListAsync(
        KiosqueDb db, CancellationToken ct, int? page = null, int? pageSize = null, string? entityType = null, string? entityId = null)
    {
        var errors = new Errors();
        if (page is < 1 or > 100_000) errors.Add("page", "Between 1 and 100000.");
        if (pageSize is < 1 or > 200) errors.Add("pageSize", "Between 1 and 200.");
        errors.MaxLength("entityType", entityType, 50);
        errors.MaxLength("entityId", entityId, 50);
        if (errors.Any) return errors.ToProblem();

        IQueryable<AuditEntry> query = db.AuditEntries.AsNoTracking();
        if (entityType is not null) query = query.Where(e => e.EntityType == entityType);
        if (entityId is not null) query = query.Where(e => e.EntityId == entityId);
        var (number, size) = (page ?? 1, pageSize ?? PageSize);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(e => new { e.Id, e.At, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Summary })
            .ToListAsync(ct);
        return TypedResults.Ok(new Paged<AuditEntryResponse>(items
            .Select(e => new AuditEntryResponse(e.Id, ApiProblems.Utc(e.At), e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Summary))
            .ToList(), number, size, total));
    }
}
