using Kiosque.Caching;
using System.Globalization;
using Kiosque.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Search.Pages;

/// <summary>/recherche?q=&amp;rubrique=&amp;dossier=&amp;du=&amp;au=&amp;page=: a plain GET form and its results.</summary>
public sealed class SearchModel(SiteContext site, SiteSearch search) : PageModel
{
    public SiteContext Site => site;
    public SearchRequest Query { get; private set; } = new(null);
    public SearchResults? Results { get; private set; }
    public SearchRequestErrors Errors { get; private set; } = new();
    public IReadOnlyList<SearchOption> Sections { get; private set; } = [];
    public IReadOnlyList<SearchOption> Dossiers { get; private set; } = [];
    /// <summary>No query yet: the form alone, without an error.</summary>
    public bool Blank { get; private set; }

    public async Task<IActionResult> OnGetAsync(
        [FromQuery(Name = "q")] string? q, [FromQuery(Name = "rubrique")] string? rubrique, [FromQuery(Name = "dossier")] string? dossier,
        [FromQuery(Name = "du")] string? du, [FromQuery(Name = "au")] string? au, [FromQuery(Name = "page")] string? page, CancellationToken ct)
    {
        Query = new SearchRequest(q, rubrique, dossier, du, au, page);
        await site.LoadAsync(ct);
        Sections = await search.SectionsAsync(ct);
        Dossiers = await search.DossiersAsync(ct);
        Blank = HttpContext.Request.Query.Count == 0;
        HttpContext.TagResponse(CacheTags.Search);
        if (!Blank)
        {
            (Results, Errors) = await search.SearchAsync(Query, ct);
            if (Results is null) Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        site.Meta = new PageMeta
        {
            Title = Results is null ? Titles.ForPage(SearchText.Title, site.Settings.Name)
                : Titles.ForPage($"{SearchText.Title} : {Results.Query}", site.Settings.Name),
            SocialTitle = SearchText.Title,
            CanonicalPath = "/recherche",
            // Result pages are endless variations of one page: crawlers should not index them.
            NoIndex = !Blank,
        };
        return Page();
    }

    public string PageUrl(int page)
    {
        var parts = new List<string> { "q=" + Uri.EscapeDataString(Query.Q ?? "") };
        if (!string.IsNullOrEmpty(Query.Rubrique)) parts.Add("rubrique=" + Uri.EscapeDataString(Query.Rubrique));
        if (!string.IsNullOrEmpty(Query.Dossier)) parts.Add("dossier=" + Uri.EscapeDataString(Query.Dossier));
        if (!string.IsNullOrEmpty(Query.Du)) parts.Add("du=" + Uri.EscapeDataString(Query.Du));
        if (!string.IsNullOrEmpty(Query.Au)) parts.Add("au=" + Uri.EscapeDataString(Query.Au));
        if (page > 1) parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        return "/recherche?" + string.Join("&", parts);
    }
}
