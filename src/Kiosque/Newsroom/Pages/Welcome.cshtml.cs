using System.ComponentModel.DataAnnotations;
using Kiosque.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Newsroom.Pages;

public sealed class NewPasswordInput
{
    [RequiredField, NewPasswordField] public string Password { get; set; } = "";
    [RequiredField, SameAs(nameof(Password))] public string Confirmation { get; set; } = "";
}

public sealed class WelcomeInput
{
    [RequiredField, StringLength(200)] public string DisplayName { get; set; } = "";
    public NewPasswordInput Password { get; set; } = new();
}

/// <summary>The one-time set-up link of `users create-admin` and of invitations: choose a name and a password.</summary>
public sealed class WelcomeModel(AccountLinks links, NewsroomAccounts accounts, SignInManager<NewsroomUser> signIn) : PageModel
{
    [BindProperty] public WelcomeInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Jeton { get; set; }
    public bool LinkValid { get; private set; }
    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await links.FindUserAsync(Jeton, AccountLinkPurpose.SetUp, ct);
        if (user is null) return Invalid();
        (LinkValid, Email) = (true, user.Email ?? "");
        Input.DisplayName = user.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await links.FindUserAsync(Jeton, AccountLinkPurpose.SetUp, ct);
        if (user is null) return Invalid();
        (LinkValid, Email) = (true, user.Email ?? "");
        if (!ModelState.IsValid) return Page();
        var result = await accounts.UseLinkAsync(user, Jeton!, AccountLinkPurpose.SetUp, Input.Password.Password, Input.DisplayName, ct);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("Input.Password.Password", e.Description);
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect(NewsroomUrls.Home);
    }

    PageResult Invalid()
    {
        LinkValid = false;
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
