using System.Net;
using System.Net.Http.Headers;
using Kiosque.Api;
using Kiosque.Content;
using Kiosque.Tests.Accounts;
using Kiosque.Tests.Infrastructure;
using Kiosque.Tests.Site;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Tests.Newsroom;

/// <summary>The media library, front page, settings and audit pages, in process on a real SQLite file; one app per class.</summary>
public sealed class NewsroomAdminPagesTests : IAsyncLifetime
{
    KiosqueApp app = null!;
    NewsroomSession editor = null!;
    NewsroomSession admin = null!;
    NewsroomSession contributor = null!;
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        app = await KiosqueApp.CreateAsync();
        editor = await NewsroomSession.SignedInAsync(app, "redaction@example.org", Roles.Editor);
        admin = await NewsroomSession.SignedInAsync(app, "admin@example.org", Roles.Admin);
        contributor = await NewsroomSession.SignedInAsync(app, "pigiste@example.org", Roles.Contributor);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    static Dictionary<string, string> Fields(params (string, string)[] f) => f.ToDictionary(x => x.Item1, x => x.Item2);

    [Fact]
    public async Task Empty_sections_dossiers_and_pages_are_deleted_with_an_audit_entry_and_a_section_in_use_is_kept()
    {
        var empty = SiteData.Section("Sciences", "sciences", 10);
        var used = SiteData.Section("Monde", "monde", 11);
        var dossier = new Dossier { Name = "Élections", Slug = "elections", CreatedAt = SiteData.Published };
        var page = new Page { Title = "Mentions", Slug = "mentions", BodyHtml = "<p>Texte.</p>", Status = PageStatus.Published, CreatedAt = SiteData.Published, UpdatedAt = SiteData.Published };
        await app.AddAsync(empty, used, dossier, page, SiteData.Article(used, "un-article-du-monde", "Un article du monde"));

        // A section that still has articles is refused (the list offers no button for it; a hand-made POST gets the error).
        using (var kept = await editor.SubmitAsync("/newsroom/reglages/rubriques", Fields(("Id", used.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))), "Delete"))
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        foreach (var (url, id) in new[] { ("/newsroom/reglages/rubriques", empty.Id), ("/newsroom/reglages/dossiers", dossier.Id), ("/newsroom/reglages/pages", page.Id) })
            using (var deleted = await editor.SubmitAsync(url, Fields(("Id", id.ToString(System.Globalization.CultureInfo.InvariantCulture))), "Delete"))
                Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        Assert.Equal(["monde"], await app.WithDbAsync(db => db.Sections.Where(s => s.Slug == "sciences" || s.Slug == "monde").Select(s => s.Slug).ToListAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.Dossiers.AnyAsync(d => d.Slug == "elections", Ct)));
        Assert.False(await app.WithDbAsync(db => db.Pages.AnyAsync(p => p.Slug == "mentions", Ct)));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action.EndsWith(".deleted")).OrderBy(e => e.Id).Select(e => e.Action + " " + e.Summary).ToListAsync(Ct));
        Assert.Equal(["section.deleted Sciences", "dossier.deleted Élections", "page.deleted Mentions"], audit);
    }

    [Fact]
    public async Task Section_created_then_reserved_slug_refused_with_typed_text_kept_and_audited()
    {
        var (listStatus, list) = await editor.GetAsync("/newsroom/reglages/rubriques");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Contains(list.Forms, f => f.GetAttribute("action") == "/newsroom/reglages/rubriques?handler=Save");
        using (var created = await editor.SubmitAsync("/newsroom/reglages/rubriques",
                   Fields(("Input.Name", "Décryptages"), ("Input.Slug", ""), ("Input.Kind", "Standard")), "Save"))
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Sections.AnyAsync(s => s.Slug == "decryptages", Ct)));

        using var refused = await editor.SubmitAsync("/newsroom/reglages/rubriques",
            Fields(("Input.Name", "Ma rubrique"), ("Input.Slug", "newsroom"), ("Input.Kind", "Video")), "Save");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await NewsroomSession.ParseAsync(refused);
        Assert.Contains("réservé", html.QuerySelector("[data-valmsg-for='Input.Slug']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ma rubrique", html.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Name")!.Value);
        Assert.False(await app.WithDbAsync(db => db.Sections.AnyAsync(s => s.Slug == "newsroom", Ct)));

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "section.created").ToListAsync(Ct));
        Assert.Equal("Décryptages", Assert.Single(audit).Summary);
        var (status, journal) = await admin.GetAsync("/newsroom/journal?Action=section.created");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Décryptages", journal.QuerySelector("table.nr-audit")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contributor_is_refused_editor_and_admin_pages_and_editor_admin_pages()
    {
        foreach (var url in new[] { "/newsroom/une", "/newsroom/reglages/rubriques", "/newsroom/reglages/site", "/newsroom/journal" })
        {
            var (status, _) = await contributor.GetAsync(url);
            Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{url}: {status}");
        }
        foreach (var url in new[] { "/newsroom/reglages/site", "/newsroom/reglages/navigation", "/newsroom/journal" })
        {
            var (status, _) = await editor.GetAsync(url);
            Assert.NotEqual(HttpStatusCode.OK, status);
        }
        var (mediaStatus, _) = await contributor.GetAsync("/newsroom/medias");
        Assert.Equal(HttpStatusCode.OK, mediaStatus);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var forged = await editor.PostAsync("/newsroom/reglages/rubriques?handler=Save",
            Fields(("Input.Name", "Forgée"), ("Input.Kind", "Standard")));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Sections.AnyAsync(s => s.Name == "Forgée", Ct)));
    }

    [Fact]
    public async Task Curated_order_leads_the_reader_home_and_an_unpublished_article_drops_out()
    {
        var section = SiteData.Section("International", "international", 1);
        var older = SiteData.Article(section, "plus-ancien", "Le plus ancien", SiteData.Published.AddDays(-3));
        var newest = SiteData.Article(section, "plus-recent", "Le plus récent", SiteData.Published);
        var middle = SiteData.Article(section, "milieu", "Celui du milieu", SiteData.Published.AddDays(-1));
        await app.AddAsync(section, older, newest, middle);

        foreach (var a in new[] { older, middle })
            using (var added = await editor.SubmitAsync("/newsroom/une", Fields(("ArticleId", a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))), "Add")) { }
        // Without JavaScript: the add buttons are forms; post them like a browser would.
        var (_, page) = await editor.GetAsync("/newsroom/une");
        Assert.Equal(2, page.QuerySelectorAll("ol.nr-slots > li").Length);

        var home = await app.CreateAnonymousClient().GetDocumentAsync("/");
        Assert.Equal("Le plus ancien", home.QuerySelector(".lead-title")!.TextContent.Trim());
        var curated = home.QuerySelector(".home-curated")!.TextContent;
        Assert.Contains("Celui du milieu", curated, StringComparison.Ordinal);

        await app.WithDbAsync(async db =>
        {
            var a = await db.Articles.SingleAsync(x => x.Id == older.Id, Ct);
            a.Status = ArticleStatus.Unpublished;
            return await db.SaveChangesAsync(Ct);
        });
        home = await app.CreateAnonymousClient().GetDocumentAsync("/");
        Assert.Equal("Celui du milieu", home.QuerySelector(".lead-title")!.TextContent.Trim());
        Assert.DoesNotContain("Le plus ancien", home.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigation_rows_keep_their_order_and_comments_suspension_reaches_readers()
    {
        using (var saved = await admin.SubmitAsync("/newsroom/reglages/navigation", Fields(
                   ("Items[0].Label", "Qui sommes-nous ?"), ("Items[0].Url", "/qui-sommes-nous"),
                   ("Items[1].Label", "Newsletter"), ("Items[1].Url", "/newsletter")), "Save"))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using (var moved = await admin.SubmitAsync("/newsroom/reglages/navigation", Fields(
                   ("Items[0].Label", "Qui sommes-nous ?"), ("Items[0].Url", "/qui-sommes-nous"),
                   ("Items[1].Label", "Newsletter"), ("Items[1].Url", "ftp://mauvais")), "Save"))
        {
            var html = await NewsroomSession.ParseAsync(moved);
            Assert.NotEmpty(html.QuerySelector("[data-valmsg-for='Items[1].Url']")!.TextContent.Trim());
            Assert.Equal("ftp://mauvais", html.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Items_1__Url")!.Value);
        }
        var labels = await app.WithDbAsync(db => db.NavigationItems.OrderBy(n => n.Position).Select(n => n.Label).ToListAsync(Ct));
        Assert.Equal(["Qui sommes-nous ?", "Newsletter"], labels);

        using (var site = await admin.SubmitAsync("/newsroom/reglages/site", Fields(
                   ("Input.Name", "Le Quotidien"), ("Input.Tagline", ""), ("Input.Language", "fr"), ("Input.TimeZone", "Europe/Paris"),
                   ("Input.CommentsSuspended", "true"), ("Input.CommentsSuspendedMessage", "Commentaires fermés après des débordements."))))
            Assert.Equal(HttpStatusCode.Redirect, site.StatusCode);
        var section = SiteData.Section("Monde", "monde", 1);
        var article = SiteData.Article(section, "un-article", "Un article");
        await app.AddAsync(section, article);
        var page = await app.CreateAnonymousClient().GetDocumentAsync("/monde/un-article");
        Assert.Contains("Commentaires fermés après des débordements.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "settings.updated", Ct)));
    }

    [Fact]
    public async Task Upload_accepts_images_refuses_non_images_and_oversized_files_writing_nothing()
    {
        var (_, page) = await contributor.GetAsync("/newsroom/medias");
        Assert.NotNull(page.QuerySelector("form[enctype='multipart/form-data'] input[type=file][multiple]"));
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("form[data-media-upload] input[name=__RequestVerificationToken]")!.Value;

        async Task<HttpResponseMessage> UploadAsync(params (string Name, byte[] Bytes)[] files)
        {
            var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            foreach (var (name, bytes) in files)
            {
                var part = new ByteArrayContent(bytes);
                part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                form.Add(part, "files", name);
            }
            return await contributor.Client.PostAsync("/newsroom/medias?handler=Upload", form, Ct);
        }

        using (var refused = await UploadAsync(("photo.jpg", TestImages.Jpeg(800, 450)), ("faux.jpg", "pas une image"u8.ToArray())))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = await NewsroomSession.ParseAsync(refused);
            Assert.Contains("faux.jpg", html.QuerySelector(".nr-upload-results")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Media.CountAsync(Ct)));
        Assert.Empty(Directory.Exists(Path.Combine(app.DataPath, "media")) ? Directory.EnumerateFiles(Path.Combine(app.DataPath, "media"), "*", SearchOption.AllDirectories) : []);

        using (var accepted = await UploadAsync(("photo.jpg", TestImages.Jpeg(800, 450))))
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var item = await app.WithDbAsync(db => db.Media.SingleAsync(Ct));

        // Metadata: the uploader may edit; deleting is for editors, and refused while an article uses the image.
        using (var edited = await contributor.SubmitAsync($"/newsroom/medias/{item.Id}", Fields(("Input.Alt", "Un phare"), ("Input.Credit", "©Photo Test"))))
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("Un phare", (await app.WithDbAsync(db => db.Media.SingleAsync(Ct))).Alt);
        var section = SiteData.Section("Monde", "monde", 1);
        var article = SiteData.Article(section, "avec-photo", "Avec photo");
        await app.AddAsync(section, article);
        await app.WithDbAsync(async db =>
        {
            (await db.Articles.SingleAsync(a => a.Id == article.Id, Ct)).LeadImageId = item.Id;
            return await db.SaveChangesAsync(Ct);
        });
        using (var refusedDelete = await editor.SubmitAsync($"/newsroom/medias/{item.Id}", Fields(), "Delete"))
        {
            Assert.Equal(HttpStatusCode.OK, refusedDelete.StatusCode);
            Assert.Contains("Avec photo", (await NewsroomSession.ParseAsync(refusedDelete)).Body!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.Media.CountAsync(Ct)));
    }
}
