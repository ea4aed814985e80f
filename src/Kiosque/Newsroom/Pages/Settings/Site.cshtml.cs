using Kiosque.Content;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Newsroom.Pages.Settings;

public sealed class SiteInput
{
    public string? Name { get; set; }
    public string? Tagline { get; set; }
    public string? Language { get; set; }
    public string? TimeZone { get; set; }
    public bool CommentsSuspended { get; set; }
    public string? CommentsSuspendedMessage { get; set; }
}

/// <summary>Admins only: the site's name, tagline, language, time zone and comments policy.</summary>
public sealed class SiteModel(KiosqueDb db, TimeProvider clock) : SettingsPage(db, clock)
{
    [BindProperty] public SiteInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var s = await Db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(x => x.Id == SiteSettings.SingletonId, ct) ?? new SiteSettings();
        Input = new SiteInput
        {
            Name = s.Name, Tagline = s.Tagline, Language = s.Language, TimeZone = s.TimeZone,
            CommentsSuspended = s.CommentsSuspended, CommentsSuspendedMessage = s.CommentsSuspendedMessage,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.AddTo(ContentRules.Site(Input.Name, Input.Tagline, Input.Language, Input.CommentsSuspended, Input.CommentsSuspendedMessage));
        var timeZone = Input.TimeZone?.Trim() ?? "";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _)) ModelState.AddModelError("Input.TimeZone", AdminText.UnknownTimeZone);
        if (!ModelState.IsValid) return Page();

        await InTransactionAsync(async () =>
        {
            var settings = await Db.SiteSettings.SingleOrDefaultAsync(x => x.Id == SiteSettings.SingletonId, ct);
            // Seeding creates the row at start-up; this covers a database emptied behind the application's back.
            settings ??= Db.SiteSettings.Add(new SiteSettings()).Entity;
            settings.Name = Input.Name!.Trim();
            settings.Tagline = Input.Tagline?.Trim() ?? "";
            settings.Language = string.IsNullOrWhiteSpace(Input.Language) ? settings.Language : Input.Language.Trim();
            settings.TimeZone = timeZone;
            settings.CommentsSuspended = Input.CommentsSuspended;
            settings.CommentsSuspendedMessage = Input.CommentsSuspendedMessage?.Trim() ?? "";
            settings.UpdatedAt = Now;
            Audit("settings.updated", "site", SiteSettings.SingletonId,
                settings.CommentsSuspended ? $"{settings.Name} (commentaires suspendus)" : settings.Name);
        }, ct);
        return Saved();
    }
}
