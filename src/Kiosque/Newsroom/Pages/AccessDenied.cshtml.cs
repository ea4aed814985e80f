using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Newsroom.Pages;

public sealed class AccessDeniedModel : PageModel
{
    // The cookie handler redirects here on a refused page: the page answers 403 so that clients and tests see it.
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
