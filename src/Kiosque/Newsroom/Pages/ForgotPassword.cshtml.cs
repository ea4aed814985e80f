using Kiosque.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Newsroom.Pages;

public sealed class ForgotPasswordInput
{
    [RequiredField, EmailField] public string Email { get; set; } = "";
}

public sealed class ForgotPasswordModel(NewsroomAccounts accounts) : PageModel
{
    [BindProperty] public ForgotPasswordInput Input { get; set; } = new();
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        await accounts.SendPasswordResetAsync(Input.Email.Trim(), NewsroomUrls.RequestBase(Request), ct);
        Sent = true;
        return Page();
    }
}
