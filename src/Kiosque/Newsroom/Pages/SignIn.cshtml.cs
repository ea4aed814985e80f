using Kiosque.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Newsroom.Pages;

public sealed class SignInInput
{
    [RequiredField, EmailField] public string Email { get; set; } = "";
    [RequiredField] public string Password { get; set; } = "";
    public bool RememberMe { get; set; }
}

public sealed class SignInModel(SignInManager<NewsroomUser> signIn) : PageModel
{
    [BindProperty] public SignInInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [TempData] public string? Notice { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(NewsroomUrls.SafeReturn(ReturnUrl));
        if (result.RequiresTwoFactor)
            return Redirect($"{AccountPaths.SignInTwoFactor}?ReturnUrl={Uri.EscapeDataString(NewsroomUrls.SafeReturn(ReturnUrl))}&RememberMe={Input.RememberMe}");
        // A disabled account gets the same answer as a wrong password: the form does not tell who has an account.
        ModelState.AddModelError("", result.IsLockedOut ? AccountsText.LockedOut : AccountsText.SignInFailed);
        return Page();
    }
}
