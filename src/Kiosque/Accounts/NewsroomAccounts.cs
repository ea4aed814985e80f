using System.Security.Claims;
using Kiosque.Api;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Accounts;

public sealed record AccountResult(bool Succeeded, string? Error = null, string? Link = null)
{
    public static AccountResult Fail(string error) => new(false, error);
}

public sealed record UserSummary(string Id, string Email, string DisplayName, string Role, bool TwoFactorEnabled,
    bool Disabled, bool Pending, DateTime CreatedAt);

/// <summary>Creating, inviting and managing newsroom members: shared by the CLI and the users page.</summary>
public sealed class NewsroomAccounts(KiosqueDb db, UserManager<NewsroomUser> users, AccountLinks links,
    AccountMails mails, TimeProvider clock)
{
    public Task<bool> AnyActiveAdminAsync(CancellationToken ct) => db.AnyActiveAdminAsync(ct);

    /// <summary>Creates the admin (or renews the set-up link of one who has not chosen a password yet).</summary>
    public async Task<AccountResult> CreateAdminAsync(string email, CancellationToken ct)
    {
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null && existing.PasswordHash is not null)
            return AccountResult.Fail(AccountsText.AlreadyHasAccount(email));
        if (existing is not null && !await users.IsInRoleAsync(existing, Roles.Admin))
            await SetRoleAsync(existing, Roles.Admin);
        var user = existing ?? (await CreateAsync(email, null, Roles.Admin) is { } created ? created : null);
        if (user is null) return AccountResult.Fail(AccountsText.InvalidEmail(email));
        var token = await links.CreateAsync(user.Id, AccountLinkPurpose.SetUp, ct);
        return new(true, Link: links.Url(AccountPaths.Welcome, token));
    }

    /// <summary>Creates a pending account with a role and e-mails it a set-up link, which is also returned.</summary>
    public async Task<AccountResult> InviteAsync(string email, string role, string? displayName, string? requestBase,
        string invitedBy, CancellationToken ct)
    {
        if (!Roles.All.Contains(role)) return AccountResult.Fail(AccountsText.UnknownRole(role));
        var user = await users.FindByEmailAsync(email);
        if (user is { PasswordHash: not null }) return AccountResult.Fail(AccountsText.AlreadyHasAccount(email));
        user ??= await CreateAsync(email, displayName, role);
        if (user is null) return AccountResult.Fail(AccountsText.InvalidEmail(email));
        if (user.DisabledAt is not null)
        {
            // Accounts made by an import wait, disabled, for this invitation.
            user.DisabledAt = null;
            await users.UpdateAsync(user);
        }
        await SetRoleAsync(user, role);
        var token = await links.CreateAsync(user.Id, AccountLinkPurpose.SetUp, ct);
        var link = links.Url(AccountPaths.Welcome, token, requestBase);
        await mails.SendInvitationAsync(email, invitedBy, role, link, ct);
        return new(true, Link: link);
    }

    /// <summary>Sends a reset link when the address belongs to an active account; says nothing either way.</summary>
    public async Task SendPasswordResetAsync(string email, string? requestBase, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.DisabledAt is not null || user.PasswordHash is null) return;
        var token = await links.CreateAsync(user.Id, AccountLinkPurpose.PasswordReset, ct);
        await mails.SendPasswordResetAsync(email, links.Url(AccountPaths.ResetPassword, token, requestBase), ct);
    }

    /// <summary>Sets the password chosen through a one-time link, which is used up.</summary>
    public async Task<IdentityResult> UseLinkAsync(NewsroomUser user, string token, AccountLinkPurpose purpose,
        string password, string? displayName, CancellationToken ct)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, user, password);
            if (!valid.Succeeded) return valid;
        }
        if (!await links.TryUseAsync(token, purpose, ct))
            return IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = AccountsText.LinkInvalid });
        if (!string.IsNullOrWhiteSpace(displayName)) user.DisplayName = displayName.Trim();
        var result = user.PasswordHash is null
            ? await users.AddPasswordAsync(user, password)
            : await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (result.Succeeded)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }
        return result;
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct)
    {
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId into urs
                          from ur in urs.DefaultIfEmpty()
                          join r in db.Roles on ur.RoleId equals r.Id into rs
                          from r in rs.DefaultIfEmpty()
                          orderby u.Email
                          select new { u.Id, u.Email, u.DisplayName, Role = r == null ? null : r.Name, u.TwoFactorEnabled,
                              u.DisabledAt, u.PasswordHash, u.CreatedAt }).ToListAsync(ct);
        return [.. rows.GroupBy(x => x.Id).Select(g =>
        {
            var u = g.First();
            return new UserSummary(u.Id, u.Email ?? "", u.DisplayName, HighestRole(g.Select(x => x.Role)), u.TwoFactorEnabled,
                u.DisabledAt is not null, u.PasswordHash is null, u.CreatedAt);
        })];
    }

    public async Task<AccountResult> ChangeRoleAsync(string userId, string role, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (!Roles.All.Contains(role)) return AccountResult.Fail(AccountsText.UnknownRole(role));
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AccountResult.Fail(AccountsText.UserNotFound);
        if (users.GetUserId(actor) == user.Id) return AccountResult.Fail(AccountsText.NotYourself);
        await SetRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        return new(true);
    }

    public async Task<AccountResult> SetDisabledAsync(string userId, bool disabled, ClaimsPrincipal actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AccountResult.Fail(AccountsText.UserNotFound);
        if (users.GetUserId(actor) == user.Id) return AccountResult.Fail(AccountsText.NotYourself);
        user.DisabledAt = disabled ? clock.GetUtcNow().UtcDateTime : null;
        await users.UpdateAsync(user);
        // A new stamp ends the account's open sessions at their next check.
        await users.UpdateSecurityStampAsync(user);
        return new(true);
    }

    async Task<NewsroomUser?> CreateAsync(string email, string? displayName, string role)
    {
        var user = new NewsroomUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return null;
        await users.AddToRoleAsync(user, role);
        return user;
    }

    async Task SetRoleAsync(NewsroomUser user, string role)
    {
        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == role) return;
        if (current.Count > 0) await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
    }

    static string HighestRole(IEnumerable<string?> roles)
    {
        var set = roles.OfType<string>().ToHashSet();
        return Roles.All.FirstOrDefault(set.Contains) ?? "";
    }
}
