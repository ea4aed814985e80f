using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Kiosque.Newsletter.Pages.Newsroom;

/// <summary>
/// The edition exactly as the HTML part of the e-mail. E-mail HTML needs inline styles, so this response alone gets a
/// policy that allows them and nothing active: no scripts, no forms, sandboxed.
/// </summary>
public sealed class PreviewModel(EditionRenderer renderer, IOptions<KiosqueOptions> kiosque) : PageModel
{
    public const string Policy = "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox allow-popups allow-popups-to-escape-sandbox";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var edition = await renderer.RenderAsync(id, NewsletterApi.BaseUrl(HttpContext, kiosque.Value), ct);
        if (edition is null) return NotFound();
        var placeholder = NewsletterPaths.SignUp;
        var (html, _) = edition.For(placeholder, placeholder);
        SecurityHeaders.UsePolicy(HttpContext, Policy);
        Response.Headers.CacheControl = "no-store";
        return Content(html, "text/html; charset=utf-8");
    }
}
