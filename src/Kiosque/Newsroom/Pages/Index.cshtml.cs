using System.Globalization;
using Kiosque.Accounts;
using Kiosque.Api;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Newsroom.Pages;

public sealed record DashboardListView(string Id, string Title, string? Hint, string DateLabel,
    IReadOnlyList<DashboardItem> Items, TimeZoneInfo Zone)
{
    public string Format(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone)
            .ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);
}

public sealed class DashboardModel(Dashboard dashboard, KiosqueDb db) : PageModel
{
    public DashboardLists Lists { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var authorId = int.TryParse(User.FindFirst(NewsroomClaims.AuthorId)?.Value, CultureInfo.InvariantCulture, out var id) ? id : (int?)null;
        var role = Roles.All.FirstOrDefault(User.IsInRole) ?? Roles.Contributor;
        Lists = await dashboard.LoadAsync(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "", authorId, role, ct);
        var zone = await db.SiteSettings.Select(s => s.TimeZone).FirstOrDefaultAsync(ct);
        Zone = zone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) ? found : TimeZoneInfo.Utc;
    }
}
