using Kiosque.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Newsroom.Pages.Account;

public sealed class ChangePasswordInput
{
    [RequiredField] public string Current { get; set; } = "";
    public NewPasswordInput New { get; set; } = new();
}

public sealed class AccountModel(UserManager<NewsroomUser> users, SignInManager<NewsroomUser> signIn) : PageModel
{
    public ChangePasswordInput Password { get; private set; } = new();
    public bool TwoFactorEnabled { get; private set; }
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        TwoFactorEnabled = user.TwoFactorEnabled;
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync([Bind(Prefix = nameof(Password))] ChangePasswordInput password)
    {
        Password = password;
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        TwoFactorEnabled = user.TwoFactorEnabled;
        if (!ModelState.IsValid) return Page();
        var result = await users.ChangePasswordAsync(user, password.Current, password.New.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Password.Current" : "Password.New.Password", e.Description);
            return Page();
        }
        // The new security stamp ends the other sessions; this one gets a fresh cookie.
        await signIn.RefreshSignInAsync(user);
        Notice = NewsroomText.PasswordChanged;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return Redirect(AccountPaths.SignIn);
    }
}
