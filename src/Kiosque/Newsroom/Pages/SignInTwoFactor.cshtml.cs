using Kiosque.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Newsroom.Pages;

public sealed class TwoFactorCodeInput
{
    [RequiredField] public string Code { get; set; } = "";
    public bool RememberDevice { get; set; }
}

public sealed class SignInTwoFactorModel(SignInManager<NewsroomUser> signIn) : PageModel
{
    [BindProperty] public TwoFactorCodeInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Expired() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return Expired();
        if (!ModelState.IsValid) return Page();
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, Input.RememberDevice);
        if (result.Succeeded) return LocalRedirect(NewsroomUrls.SafeReturn(ReturnUrl));
        ModelState.AddModelError("", result.IsLockedOut ? AccountsText.LockedOut : AccountsText.WrongCode);
        return Page();
    }

    RedirectResult Expired()
    {
        Notice = AccountsText.SessionExpired;
        return Redirect(AccountPaths.SignIn);
    }
}
