using Kiosque.Content;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Api;

public sealed record SiteRequest(string? Name, string? Tagline, string? Language, bool? CommentsSuspended, string? CommentsSuspendedMessage,
    bool? FeedFullText = null)
    : IValidatable
{
    public void Validate(Errors errors)
        => errors.AddAll(ContentRules.Site(Name, Tagline, Language, CommentsSuspended, CommentsSuspendedMessage));
}

public sealed record SiteResponse(string Name, string Tagline, string Language, bool CommentsSuspended, string CommentsSuspendedMessage,
    DateTimeOffset UpdatedAt, bool FeedFullText);

public sealed record NavigationItemRequest(string? Label, string? Url);

/// <summary>The navigation as a whole, a bare JSON array: PUT replaces the list, in the order given.</summary>
public sealed class NavigationRequest : List<NavigationItemRequest?>, IValidatable
{
    public void Validate(Errors errors)
        => errors.AddAll(ContentRules.Navigation(this.Select(x => x is null ? null : ((string?, string?)?)(x.Label, x.Url)).ToList()));
}

public sealed record NavigationItemResponse(string Label, string Url);

public static class SiteApi
{
    public static void MapSiteApi(this RouteGroupBuilder api)
    {
        var read = api.MapGroup("/site").WithTags("Site");
        read.MapGet("", GetAsync).WithName("GetSite");
        read.MapGet("/navigation", GetNavigationAsync).WithName("GetNavigation");

        var write = read.MapGroup("").RequireAuthorization(ApiAuth.Admin);
        write.MapPut("", UpdateAsync).WithName("UpdateSite");
        write.MapPut("/navigation", UpdateNavigationAsync).WithName("UpdateNavigation");
    }

    static SiteResponse ToResponse(SiteSettings s) =>
        new(s.Name, s.Tagline, s.Language, s.CommentsSuspended, s.CommentsSuspendedMessage, ApiProblems.Utc(s.UpdatedAt), s.FeedFullText);

    static async Task<SiteSettings> SettingsAsync(KiosqueDb db, TimeProvider clock, CancellationToken ct)
    {
        var settings = await db.SiteSettings.SingleOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, ct);
        if (settings is not null) return settings;
        // Seeding creates the row at start-up; this covers a database emptied behind the application's back.
        settings = new SiteSettings { UpdatedAt = clock.GetUtcNow().UtcDateTime };
        db.SiteSettings.Add(settings);
        return settings;
    }

    static async Task<Ok<SiteResponse>> GetAsync(KiosqueDb db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await SettingsAsync(db, clock, ct)));

    static async Task<Ok<SiteResponse>> UpdateAsync(SiteRequest request, HttpContext http, KiosqueDb db, TimeProvider clock, CancellationToken ct)
    {
        var settings = await SettingsAsync(db, clock, ct);
        settings.Name = request.Name!.Trim();
        settings.Tagline = request.Tagline?.Trim() ?? "";
        settings.Language = request.Language?.Trim() ?? settings.Language;
        settings.CommentsSuspended = request.CommentsSuspended ?? false;
        settings.CommentsSuspendedMessage = request.CommentsSuspendedMessage?.Trim() ?? "";
        // Added after the first clients: one that does not send it leaves the feeds as they were.
        settings.FeedFullText = request.FeedFullText ?? settings.FeedFullText;
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveAuditedAsync(http, "settings.updated", "site", () => settings.Id, settings.Name, ct);
        return TypedResults.Ok(ToResponse(settings));
    }

    /// <summary>The same bare array that PUT takes, so a client can read, edit and write it back.</summary>
    static async Task<Ok<List<NavigationItemResponse>>> GetNavigationAsync(KiosqueDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.NavigationItems.AsNoTracking().OrderBy(n => n.Position)
            .Select(n => new NavigationItemResponse(n.Label, n.Url)).ToListAsync(ct));

    static async Task<Ok<List<NavigationItemResponse>>> UpdateNavigationAsync(NavigationRequest request, HttpContext http, KiosqueDb db, CancellationToken ct)
    {
        db.NavigationItems.RemoveRange(await db.NavigationItems.ToListAsync(ct));
        var items = request.Select((x, i) => new NavigationItem { Position = i, Label = x!.Label!.Trim(), Url = x.Url!.Trim() }).ToList();
        db.NavigationItems.AddRange(items);
        await db.SaveAuditedAsync(http, "navigation.updated", "site", () => "navigation", $"{items.Count} entries", ct);
        return TypedResults.Ok(items.Select(n => new NavigationItemResponse(n.Label, n.Url)).ToList());
    }
}
