using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Site.Pages;

/// <summary>
/// The HTML error page for every reader path (re-executed by the status code and exception middleware).
/// A 404 first looks the original path up: an old article path answers 301, a retired one 410.
/// </summary>
[IgnoreAntiforgeryToken]
[WritesNothing("re-executed for failed requests of any method; renders the error page only")]
public sealed class ErrorModel(SiteContext site, SiteQueries queries) : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";

    public Task<IActionResult> OnGetAsync(int code, CancellationToken ct) => HandleAsync(code, ct);
    public Task<IActionResult> OnPostAsync(int code, CancellationToken ct) => HandleAsync(code, ct);

    async Task<IActionResult> HandleAsync(int code, CancellationToken ct)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        if (Code == 404 && originalPath is not null && (HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method)))
        {
            var moved = await queries.MovedAsync(originalPath, ct);
            if (moved.RedirectTo is not null) return RedirectPermanent(moved.RedirectTo);
            if (moved.Retired) Code = StatusCodes.Status410Gone;
        }

        (Title, Text) = Code switch
        {
            404 => (SiteText.NotFoundTitle, SiteText.NotFoundText),
            410 => (SiteText.GoneTitle, SiteText.GoneText),
            _ => (SiteText.ErrorTitle, SiteText.ErrorText),
        };
        Response.StatusCode = Code;
        await site.LoadAsync(ct);
        site.Meta = new PageMeta { Title = Titles.ForPage(Title, site.Settings.Name), NoIndex = true };
        return Page();
    }
}
