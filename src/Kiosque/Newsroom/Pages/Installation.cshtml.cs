using Kiosque.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Newsroom.Pages;

public sealed class InstallationModel(NewsroomAccounts accounts) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await accounts.AnyActiveAdminAsync(ct) ? Redirect(AccountPaths.SignIn) : Page();
}
