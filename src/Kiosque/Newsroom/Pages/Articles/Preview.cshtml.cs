using System.Globalization;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Kiosque.Site;
using Kiosque.Site.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Newsroom.Pages.Articles;

/// <summary>
/// The article as a reader will see it, whatever its status: the reader's own layout and article partial, over
/// the saved state, with a banner and noindex. Newsroom users only (the folder's policy).
/// </summary>
public sealed class PreviewModel(KiosqueDb db, TimeProvider clock, SiteContext site, SiteQueries queries) : PageModel
{
    public ArticleBodyView View { get; private set; } = null!;
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (Actor.From(User) is not { } actor) return Forbid();
        var editor = new ArticleEditor(db, clock);
        var loaded = await editor.LoadAsync(id, ct);
        if (loaded is null) return NotFound();
        var authorId = int.TryParse(User.FindFirst(Accounts.NewsroomClaims.AuthorId)?.Value, CultureInfo.InvariantCulture, out var mine) ? mine : (int?)null;
        if (!ArticleEditor.MaySee(actor, authorId, loaded.Value.State, editor.UtcNow)) return Forbid();
        var article = await queries.AnyStatusAsync(id, ct);
        if (article is null) return NotFound();

        await site.LoadAsync(ct);
        Id = id;
        var video = article.SectionKind == Kiosque.Content.SectionKind.Video ? MediaEmbeds.ForVideo(article.VideoUrl) : null;
        View = new ArticleBodyView(article, queries.RelatedLinks(article), video, Share.Links(site.Absolute(article.Path), article.Headline));
        site.Meta = ArticleModel.MetaFor(article, site) with { NoIndex = true };
        // Never cached anywhere: a draft must not outlive its preview.
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        return Page();
    }
}
