using System.ComponentModel.DataAnnotations;
using Kiosque.Accounts;
using Kiosque.Api;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Newsroom.Pages;

public sealed class InviteInput
{
    [RequiredField, EmailField] public string Email { get; set; } = "";
    [StringLength(200)] public string? DisplayName { get; set; }
    [RequiredField] public string Role { get; set; } = Roles.Contributor;
}

public sealed class UserRoleInput
{
    [RequiredField] public string UserId { get; set; } = "";
    [RequiredField] public string Role { get; set; } = "";
}

public sealed class UserIdInput
{
    [RequiredField] public string UserId { get; set; } = "";
}

public sealed class SecurityInput
{
    public bool RequireTwoFactorForAdmins { get; set; }
}

/// <summary>Admins only (see NewsroomFeature): members, invitations, roles, disabling, the two-factor rule.</summary>
public sealed class UsersModel(NewsroomAccounts accounts, UserManager<NewsroomUser> userManager, KiosqueDb db, TimeProvider clock) : PageModel
{
    public InviteInput Invite { get; private set; } = new();
    public SecurityInput Security { get; private set; } = new();
    [TempData] public string? Notice { get; set; }
    public string? InvitationLink { get; private set; }
    public IReadOnlyList<UserSummary> Users { get; private set; } = [];
    public string? CurrentUserId { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    // Each form binds only its own fields, as a handler argument, so one form's empty fields are not another's errors.
    public async Task<IActionResult> OnPostInviteAsync([Bind(Prefix = nameof(Invite))] InviteInput invite, CancellationToken ct)
    {
        Invite = invite;
        if (ModelState.IsValid)
        {
            var result = await accounts.InviteAsync(Invite.Email.Trim(), Invite.Role, Invite.DisplayName,
                NewsroomUrls.RequestBase(Request), NewsroomClaims.DisplayNameOf(User), ct);
            if (result.Succeeded)
            {
                InvitationLink = result.Link;
                Invite = new();
                ModelState.Clear();
            }
            else ModelState.AddModelError("Invite.Email", result.Error!);
        }
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostRoleAsync(UserRoleInput input, CancellationToken ct) =>
        ApplyAsync(() => accounts.ChangeRoleAsync(input.UserId, input.Role, User, ct), ct);

    public Task<IActionResult> OnPostDisableAsync(UserIdInput input, CancellationToken ct) =>
        ApplyAsync(() => accounts.SetDisabledAsync(input.UserId, disabled: true, User, ct), ct);

    public Task<IActionResult> OnPostEnableAsync(UserIdInput input, CancellationToken ct) =>
        ApplyAsync(() => accounts.SetDisabledAsync(input.UserId, disabled: false, User, ct), ct);

    public async Task<IActionResult> OnPostSecurityAsync([Bind(Prefix = nameof(Security))] SecurityInput security, CancellationToken ct)
    {
        var settings = await db.SiteSettings.SingleAsync(ct);
        settings.RequireTwoFactorForAdmins = security.RequireTwoFactorForAdmins;
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        Notice = NewsroomText.Saved;
        return RedirectToPage();
    }

    async Task<IActionResult> ApplyAsync(Func<Task<AccountResult>> change, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await change();
            if (result.Succeeded)
            {
                Notice = NewsroomText.Saved;
                return RedirectToPage();
            }
            ModelState.AddModelError("", result.Error!);
        }
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        CurrentUserId = userManager.GetUserId(User);
        Users = await accounts.ListAsync(ct);
        Security.RequireTwoFactorForAdmins = await db.SiteSettings.Select(s => s.RequireTwoFactorForAdmins).FirstOrDefaultAsync(ct);
    }
}
