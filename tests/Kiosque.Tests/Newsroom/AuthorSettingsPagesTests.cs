using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Kiosque.Api;
using Kiosque.Content;
using Kiosque.Tests.Accounts;
using Kiosque.Tests.Infrastructure;
using Kiosque.Tests.Site;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Tests.Newsroom;

/// <summary>The byline settings at /newsroom/reglages/signatures, in process on a real SQLite file; one app per class.</summary>
public sealed class AuthorSettingsPagesTests : IAsyncLifetime
{
    KiosqueApp app = null!;
    NewsroomSession editor = null!;
    NewsroomSession contributor = null!;
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        app = await KiosqueApp.CreateAsync();
        editor = await NewsroomSession.SignedInAsync(app, "cheffe@example.org", Roles.Editor);
        contributor = await NewsroomSession.SignedInAsync(app, "plume@example.org", Roles.Contributor);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    static Dictionary<string, string> Fields(params (string, string)[] f) => f.ToDictionary(x => x.Item1, x => x.Item2);
    static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Author_created_with_photo_and_account_then_edited_and_audited()
    {
        var photo = SiteData.Image("/media/2026/11/portrait.jpg", "Portrait de Léa Martin");
        await app.AddAsync(photo);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "plume@example.org").Select(u => u.Id).SingleAsync(Ct));

        var (formStatus, form) = await editor.GetAsync("/newsroom/reglages/signatures/nouvelle");
        Assert.Equal(HttpStatusCode.OK, formStatus);
        Assert.NotNull(form.QuerySelector($"input[type=radio][name='Input.PhotoId'][value='{photo.Id}']"));
        Assert.NotNull(form.QuerySelector($"select[name='Input.UserId'] option[value='{userId}']"));

        using (var created = await editor.SubmitAsync("/newsroom/reglages/signatures/nouvelle", Fields(
                   ("Input.Name", "Léa Martin"), ("Input.Slug", ""), ("Input.Bio", "Correspondante à Kyiv & Varsovie."),
                   ("Input.PhotoId", Id(photo.Id)), ("Input.UserId", userId)), "Save"))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.StartsWith("/newsroom/reglages/signatures/", created.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        var author = await app.WithDbAsync(db => db.Authors.SingleAsync(a => a.Slug == "lea-martin", Ct));
        Assert.Equal("Correspondante à Kyiv & Varsovie.", author.Bio);
        Assert.Equal(photo.Id, author.PhotoId);
        Assert.Equal(author.Id, await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.AuthorId).SingleAsync(Ct)));

        var url = $"/newsroom/reglages/signatures/{author.Id}";
        var (_, edit) = await editor.GetAsync(url);
        Assert.Equal("Léa Martin", edit.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value);
        Assert.True(edit.QuerySelector<IHtmlInputElement>($"input[name='Input.PhotoId'][value='{photo.Id}']")!.IsChecked);
        using (var edited = await editor.SubmitAsync(url, Fields(
                   ("Input.Name", "Léa Martin-Roy"), ("Input.Slug", "lea-martin-roy"), ("Input.Bio", ""),
                   ("Input.PhotoId", ""), ("Input.UserId", "")), "Save"))
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        author = await app.WithDbAsync(db => db.Authors.AsNoTracking().SingleAsync(a => a.Id == author.Id, Ct));
        Assert.Equal(("lea-martin-roy", null, null), (author.Slug, author.Bio, author.PhotoId));
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.AuthorId).SingleAsync(Ct)));

        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "author").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct));
        Assert.Equal(["author.created", "author.updated"], actions);
        var (_, list) = await editor.GetAsync("/newsroom/reglages/signatures");
        Assert.NotNull(list.QuerySelector($"a[href='{url}']"));
        var (_, settings) = await editor.GetAsync("/newsroom/reglages");
        Assert.NotNull(settings.QuerySelector("a[href='/newsroom/reglages/signatures']"));
    }

    [Fact]
    public async Task Field_errors_keep_what_was_typed_and_save_nothing()
    {
        await app.AddAsync(new Author { Name = "Paul Durand", Slug = "paul-durand" });

        using var badSlug = await editor.SubmitAsync("/newsroom/reglages/signatures/nouvelle", Fields(
            ("Input.Name", "Nina Petit"), ("Input.Slug", "Pas Un Slug!"), ("Input.Bio", "Cheffe du service politique.")), "Save");
        Assert.Equal(HttpStatusCode.OK, badSlug.StatusCode);
        var html = await NewsroomSession.ParseAsync(badSlug);
        Assert.Contains("minuscules", html.QuerySelector("[data-valmsg-for='Input.Slug']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Nina Petit", html.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value);
        Assert.Equal("Pas Un Slug!", html.QuerySelector<IHtmlInputElement>("#Input_Slug")!.Value);
        Assert.Equal("Cheffe du service politique.", html.QuerySelector<IHtmlTextAreaElement>("#Input_Bio")!.Value);

        using var taken = await editor.SubmitAsync("/newsroom/reglages/signatures/nouvelle", Fields(
            ("Input.Name", "Paul Durand"), ("Input.Slug", ""), ("Input.PhotoId", "99999")), "Save");
        html = await NewsroomSession.ParseAsync(taken);
        Assert.Contains("paul-durand", html.QuerySelector("[data-valmsg-for='Input.Slug']")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(html.QuerySelector("[data-valmsg-for='Input.PhotoId']")!.TextContent.Trim());

        using var noName = await editor.SubmitAsync("/newsroom/reglages/signatures/nouvelle", Fields(("Input.Name", "  "), ("Input.Slug", "nina")), "Save");
        html = await NewsroomSession.ParseAsync(noName);
        Assert.Contains("Obligatoire", html.QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("nina", html.QuerySelector<IHtmlInputElement>("#Input_Slug")!.Value);

        Assert.Equal(1, await app.WithDbAsync(db => db.Authors.CountAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(Ct)));
    }

    [Fact]
    public async Task An_author_who_signs_an_article_cannot_be_deleted_an_unused_one_can()
    {
        var section = SiteData.Section("International", "international", 1);
        var article = SiteData.Article(section, "a-kyiv", "À Kyiv");
        var used = new Author { Name = "Signe Souvent", Slug = "signe-souvent" };
        var unused = new Author { Name = "Jamais Lu", Slug = "jamais-lu" };
        article.Authors.Add(new ArticleAuthor { Author = used, Position = 0 });
        await app.AddAsync(section, article, unused);

        var (_, page) = await editor.GetAsync($"/newsroom/reglages/signatures/{used.Id}");
        Assert.DoesNotContain(page.Forms, f => (f.GetAttribute("action") ?? "").Contains("handler=Delete", StringComparison.Ordinal));
        // A stale page or a hand-made request still meets the server's refusal.
        var token = page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        using var refused = await editor.PostAsync($"/newsroom/reglages/signatures/{used.Id}?handler=Delete",
            Fields(("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("ne peut pas être supprimée", (await NewsroomSession.ParseAsync(refused)).QuerySelector(".nr-errors")!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Authors.AnyAsync(a => a.Id == used.Id, Ct)));

        using var deleted = await editor.SubmitAsync($"/newsroom/reglages/signatures/{unused.Id}", Fields(), "Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Authors.AnyAsync(a => a.Id == unused.Id, Ct)));
        Assert.Equal("Jamais Lu", await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "author.deleted").Select(e => e.Summary).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_contributor_cannot_open_or_post_the_author_pages()
    {
        var author = new Author { Name = "Hors d’atteinte", Slug = "hors-d-atteinte" };
        await app.AddAsync(author);
        foreach (var url in new[] { "/newsroom/reglages/signatures", "/newsroom/reglages/signatures/nouvelle", $"/newsroom/reglages/signatures/{author.Id}" })
        {
            var (status, _) = await contributor.GetAsync(url);
            Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{url}: {status}");
        }
        // A token from a page the contributor may open, so only authorization can refuse the post.
        var (_, media) = await contributor.GetAsync("/newsroom/medias");
        var token = media.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        using var post = await contributor.PostAsync($"/newsroom/reglages/signatures/{author.Id}?handler=Save",
            Fields(("__RequestVerificationToken", token), ("Input.Name", "Piraté")));
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, post.StatusCode.ToString());
        Assert.Equal("Hors d’atteinte", await app.WithDbAsync(db => db.Authors.Where(a => a.Id == author.Id).Select(a => a.Name).SingleAsync(Ct)));
    }
}
