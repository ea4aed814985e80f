using System.Text;
using Kiosque.Accounts;
using Kiosque.Api;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Kiosque.Newsroom.Pages.Account;

public sealed class AuthenticatorCodeInput
{
    [RequiredField] public string Code { get; set; } = "";
}

/// <summary>Authenticator app (TOTP) set-up, recovery codes, turning it off.</summary>
public sealed class TwoFactorModel(UserManager<NewsroomUser> users, SignInManager<NewsroomUser> signIn, KiosqueDb db) : PageModel
{
    public AuthenticatorCodeInput Input { get; private set; } = new();
    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync([Bind(Prefix = nameof(Input))] AuthenticatorCodeInput input, CancellationToken ct)
    {
        Input = input;
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (ModelState.IsValid)
        {
            var code = input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
                // A fresh cookie carries the two-factor claim that lets an admin past the gate.
                await signIn.RefreshSignInAsync(user);
                await LoadAsync(user, ct);
                return Page();
            }
            ModelState.AddModelError("Input.Code", AccountsText.WrongCode);
        }
        await LoadAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await LoadAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user, ct);
        if (Required) return Page();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        Notice = NewsroomText.TwoFactorDisabled;
        return RedirectToPage();
    }

    async Task LoadAsync(NewsroomUser user, CancellationToken ct)
    {
        Enabled = user.TwoFactorEnabled;
        Required = await users.IsInRoleAsync(user, Roles.Admin)
            && await db.SiteSettings.Select(s => s.RequireTwoFactorForAdmins).FirstOrDefaultAsync(ct);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = Grouped(key);
        var issuer = await db.SiteSettings.Select(s => s.Name).FirstOrDefaultAsync(ct) ?? "Kiosque";
        var label = Uri.EscapeDataString($"{issuer}:{user.Email}");
        AuthenticatorUri = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";
        using var qr = QRCodeGenerator.GenerateQrCode(AuthenticatorUri, QRCodeGenerator.ECCLevel.M);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(qr).GetGraphic(5));
    }

    static string Grouped(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}
