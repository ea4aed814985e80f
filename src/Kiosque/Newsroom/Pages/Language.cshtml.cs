using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Newsroom.Pages;

/// <summary>Remembers the newsroom's language (a preference cookie, nothing stored) and goes back.</summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet(string? lang, string? retour)
    {
        var culture = NewsroomFeature.Cultures.FirstOrDefault(c => c.TwoLetterISOLanguageName == lang) ?? NewsroomFeature.Cultures[0];
        Response.Cookies.Append(NewsroomFeature.LanguageCookie,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Path = "/newsroom", HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365), IsEssential = true,
            });
        return LocalRedirect(NewsroomUrls.SafeReturn(retour));
    }
}
