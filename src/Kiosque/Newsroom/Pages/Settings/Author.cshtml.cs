using Kiosque.Content;
using Kiosque.Infrastructure;
using Kiosque.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Newsroom.Pages.Settings;

public sealed class AuthorInput
{
    public string? Name { get; set; }
    public string? Slug { get; set; }
    public string? Bio { get; set; }
    public int? PhotoId { get; set; }
    public string? UserId { get; set; }
}

public sealed record PhotoChoice(int Id, string Thumbnail, string Alt);

public sealed record UserChoice(string Id, string Name, string? Email);

/// <summary>
/// Editors and admins: one byline at /newsroom/reglages/signatures/{id}, or a new one at …/nouvelle. Its photo
/// comes from the media library; it may belong to one newsroom account; it can be deleted only while no article uses it.
/// </summary>
public sealed class AuthorModel(KiosqueDb db, TimeProvider clock, ResponsiveImages images) : SettingsPage(db, clock)
{
    public const string NewPath = "/newsroom/reglages/signatures/nouvelle";
    const int RecentPhotos = 24;

    [BindProperty] public AuthorInput Input { get; set; } = new();
    public int? EditingId { get; private set; }
    public string? EditingName { get; private set; }
    public int Articles { get; private set; }
    public IReadOnlyList<PhotoChoice> Photos { get; private set; } = [];
    public IReadOnlyList<UserChoice> Users { get; private set; } = [];
    public string FormAction => EditingId is null ? NewPath : $"/newsroom/reglages/signatures/{EditingId}";

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is not null)
        {
            var author = await Db.Authors.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
            if (author is null) return NotFound();
            var userId = await Db.Users.Where(u => u.AuthorId == id).OrderBy(u => u.Email).Select(u => u.Id).FirstOrDefaultAsync(ct);
            Input = new AuthorInput { Name = author.Name, Slug = author.Slug, Bio = author.Bio, PhotoId = author.PhotoId, UserId = userId };
        }
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        Author? author = null;
        if (id is not null && (author = await Db.Authors.SingleOrDefaultAsync(a => a.Id == id, ct)) is null) return NotFound();

        var slugText = ContentRules.Trimmed(Input.Slug);
        var bio = ContentRules.Trimmed(Input.Bio);
        ModelState.AddTo(ContentRules.Author(Input.Name, slugText, bio));
        var slug = slugText ?? (Input.Name is null ? "" : Slugs.From(Input.Name));
        if (ModelState.IsValid && slug != author?.Slug && await Db.Authors.AnyAsync(a => a.Slug == slug, ct))
            ModelState.AddModelError("Input.Slug", AdminText.Taken(slug));
        if (Input.PhotoId is { } photoId && !await Db.Media.AnyAsync(m => m.Id == photoId, ct))
            ModelState.AddModelError("Input.PhotoId", AdminText.NoSuchPhoto);
        var userId = ContentRules.Trimmed(Input.UserId);
        var user = userId is null ? null : await Db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (userId is not null && user is null) ModelState.AddModelError("Input.UserId", AdminText.NoSuchUser);
        if (!ModelState.IsValid) return await ShowAsync(id, ct);

        var created = author is null;
        var saved = author ?? new Author();
        await InTransactionAsync(async () =>
        {
            if (created) Db.Authors.Add(saved);
            saved.Name = Input.Name!.Trim();
            saved.Slug = slug;
            // The reader's author page prints the bio as text, so it is stored as typed.
            saved.Bio = bio;
            saved.PhotoId = Input.PhotoId;
            if (created) await Db.SaveChangesAsync(ct);
            // One account per byline here: whoever was linked before and is not chosen now is unlinked.
            foreach (var previous in await Db.Users.Where(u => u.AuthorId == saved.Id && u.Id != userId).ToListAsync(ct))
                previous.AuthorId = null;
            if (user is not null) user.AuthorId = saved.Id;
            Audit(created ? "author.created" : "author.updated", "author", saved.Id, saved.Name);
        }, ct);
        return Saved("/Newsroom/Pages/Settings/Author", new { id = saved.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int? id, CancellationToken ct)
    {
        var author = id is null ? null : await Db.Authors.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (author is null) return NotFound();
        if (await Db.Set<ArticleAuthor>().AnyAsync(x => x.AuthorId == author.Id, ct))
        {
            ModelState.AddModelError("", AdminText.AuthorInUse);
            var userId = await Db.Users.Where(u => u.AuthorId == id).Select(u => u.Id).FirstOrDefaultAsync(ct);
            Input = new AuthorInput { Name = author.Name, Slug = author.Slug, Bio = author.Bio, PhotoId = author.PhotoId, UserId = userId };
            return await ShowAsync(id, ct);
        }
        await InTransactionAsync(async () =>
        {
            foreach (var linked in await Db.Users.Where(u => u.AuthorId == author.Id).ToListAsync(ct)) linked.AuthorId = null;
            Db.Authors.Remove(author);
            Audit("author.deleted", "author", author.Id, author.Name);
        }, ct);
        Notice = AdminText.Deleted;
        return RedirectToPage("/Newsroom/Pages/Settings/Authors");
    }

    async Task<IActionResult> ShowAsync(int? id, CancellationToken ct)
    {
        EditingId = id;
        if (id is not null)
        {
            EditingName = await Db.Authors.Where(a => a.Id == id).Select(a => a.Name).SingleAsync(ct);
            Articles = await Db.Set<ArticleAuthor>().CountAsync(x => x.AuthorId == id, ct);
        }
        // The current photo stays offered even when it is older than the recent ones.
        var photos = await Db.Media.AsNoTracking()
            .Where(m => m.ContentType.StartsWith("image/"))
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(RecentPhotos).ToListAsync(ct);
        if (Input.PhotoId is { } chosen && photos.TrueForAll(p => p.Id != chosen)
            && await Db.Media.AsNoTracking().SingleOrDefaultAsync(m => m.Id == chosen, ct) is { } current)
            photos.Insert(0, current);
        Photos = photos.Select(m => new PhotoChoice(m.Id, Media.IndexModel.Thumbnail(m, images), m.Alt)).ToList();
        Users = await Db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new UserChoice(u.Id, u.DisplayName, u.Email)).ToListAsync(ct);
        return Page();
    }
}
