using Kiosque.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Newsroom.Pages;

public sealed class RecoveryCodeInput
{
    [RequiredField] public string Code { get; set; } = "";
}

public sealed class SignInRecoveryModel(SignInManager<NewsroomUser> signIn) : PageModel
{
    [BindProperty] public RecoveryCodeInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect(AccountPaths.SignIn) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return Redirect(AccountPaths.SignIn);
        if (!ModelState.IsValid) return Page();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded) return LocalRedirect(NewsroomUrls.SafeReturn(ReturnUrl));
        ModelState.AddModelError("", result.IsLockedOut ? AccountsText.LockedOut : AccountsText.WrongCode);
        return Page();
    }
}
