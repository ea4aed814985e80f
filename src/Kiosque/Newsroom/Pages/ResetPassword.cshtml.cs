using Kiosque.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Newsroom.Pages;

/// <summary>The link of the password-reset e-mail. It does not sign in: two-factor sign-in still applies.</summary>
public sealed class ResetPasswordModel(AccountLinks links, NewsroomAccounts accounts) : PageModel
{
    [BindProperty] public NewPasswordInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Jeton { get; set; }
    [TempData] public string? Notice { get; set; }
    public bool LinkValid { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        LinkValid = await links.FindUserAsync(Jeton, AccountLinkPurpose.PasswordReset, ct) is not null;
        if (!LinkValid) Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await links.FindUserAsync(Jeton, AccountLinkPurpose.PasswordReset, ct);
        LinkValid = user is not null;
        if (user is null)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        var result = await accounts.UseLinkAsync(user, Jeton!, AccountLinkPurpose.PasswordReset, Input.Password, null, ct);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("Input.Password", e.Description);
            return Page();
        }
        Notice = NewsroomText.PasswordChanged;
        return Redirect(AccountPaths.SignIn);
    }
}
