using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Newsroom.Pages.Settings;

public sealed record AuthorRow(int Id, string Name, string Slug, int Articles, IReadOnlyList<string> Users);

/// <summary>Editors and admins: the bylines, with how many articles each signs and the newsroom account it belongs to.</summary>
public sealed class AuthorsModel(KiosqueDb db) : PageModel
{
    [Microsoft.AspNetCore.Mvc.TempData] public string? Notice { get; set; }
    public IReadOnlyList<AuthorRow> Authors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var authors = await db.Authors.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, a.Slug, Articles = db.Set<Content.ArticleAuthor>().Count(x => x.AuthorId == a.Id) })
            .ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.AuthorId != null)
            .Select(u => new { u.AuthorId, Name = u.DisplayName == "" ? u.Email! : u.DisplayName }).ToListAsync(ct);
        Authors = authors.Select(a => new AuthorRow(a.Id, a.Name, a.Slug, a.Articles,
            users.Where(u => u.AuthorId == a.Id).Select(u => u.Name).Order(StringComparer.CurrentCulture).ToList())).ToList();
    }
}
