using System.Net;
using Kiosque.Content;
using Kiosque.Tests.Accounts;
using Kiosque.Tests.Infrastructure;
using static Kiosque.Tests.Newsroom.ArticlesTestSupport;

namespace Kiosque.Tests.Newsroom;

public sealed class ArticlesRevisionsAndPreviewTests
{
    [Fact]
    public async Task Revisions_show_a_diff_and_restore_after_confirmation()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true);
        var editor = await EditorAsync(app);
        var id = await CreateThroughEditorAsync(editor, "Le premier titre du matin");
        var form = await EditorFormAsync(editor, $"/newsroom/articles/{id}");
        form.Set("Form.Headline", "Le second titre du soir").Set("Form.Slug", "");
        using (var saved = await form.PostAsync(editor, "save")) Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (status, page) = await editor.GetAsync($"/newsroom/articles/{id}/revisions");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, page.QuerySelectorAll("table tbody tr").Length);
        var diff = page.QuerySelector("section.ar-diff")!;
        Assert.Contains(diff.QuerySelectorAll("del"), d => d.TextContent.Contains("premier", StringComparison.Ordinal));
        Assert.Contains(diff.QuerySelectorAll("ins"), d => d.TextContent.Contains("second", StringComparison.Ordinal));

        // Without the confirmation box nothing happens.
        var restore = PostedForm.Of(page, "form.ar-restore");
        using (var unconfirmed = await restore.PostAsync(editor, "", restore.Action))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.Equal("Le second titre du soir", (await ArticleAsync(app, id)).Headline);

        restore.Set("confirme", "true");
        using (var restored = await restore.PostAsync(editor, "", restore.Action))
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal("Le premier titre du matin", (await ArticleAsync(app, id)).Headline);
        (_, page) = await editor.GetAsync($"/newsroom/articles/{id}/revisions?restauree=1");
        Assert.Equal(3, page.QuerySelectorAll("table tbody tr").Length);
        Assert.Contains("Version 1 restaurée.", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_renders_the_reader_markup_with_a_banner_for_newsroom_users_only()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true);
        var editor = await EditorAsync(app);
        var id = await CreateThroughEditorAsync(editor, "Un brouillon vu comme un lecteur", fill: f => f.Set("Form.Kicker", "Exclusif"));

        var (status, page) = await editor.GetAsync($"/newsroom/articles/{id}/apercu");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Aperçu — non publié", page.QuerySelector(".ar-preview-banner strong")!.TextContent);
        Assert.Equal("Un brouillon vu comme un lecteur", page.QuerySelector("article.article h1.headline")!.TextContent);
        Assert.Equal("Exclusif", page.QuerySelector("article.article .kicker")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("article.article .article-body p"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.NotNull(page.QuerySelector("header a[href='/']") ?? page.QuerySelector("a[href='/']"));

        // The reader's own page for a published article has the same structure.
        var published = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Articles.Where(a => a.Status == ArticleStatus.Published).Select(a => "/" + a.Section.Slug + "/" + a.Slug), Ct));
        var reader = await NewsroomSession.ParseAsync(await app.CreateAnonymousClient().GetAsync(published, Ct));
        Assert.Equal(
            reader.QuerySelectorAll("article.article > *").Select(e => e.ClassName).Where(c => c is "article-header" or "article-body" or "share").ToList(),
            page.QuerySelectorAll("article.article > *").Select(e => e.ClassName).Where(c => c is "article-header" or "article-body" or "share").ToList());

        using var anonymous = await app.CreateAnonymousClient().GetAsync($"/newsroom/articles/{id}/apercu", Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        // To signing in (or, on a site without an admin yet, to the installation page): never the draft.
        Assert.Matches("^/newsroom/(connexion|installation)", anonymous.Headers.Location!.PathAndQuery());
        using var anonymousEditor = await app.CreateAnonymousClient().GetAsync($"/newsroom/articles/{id}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymousEditor.StatusCode);
    }

    [Fact]
    public async Task Article_pages_need_no_inline_script_or_style_and_label_every_field()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true);
        var editor = await EditorAsync(app);
        var id = await CreateThroughEditorAsync(editor, "Un article sans style en ligne");
        foreach (var url in new[]
                 {
                     "/newsroom/articles", "/newsroom/articles/nouveau", $"/newsroom/articles/{id}",
                     $"/newsroom/articles/{id}/revisions", $"/newsroom/articles/{id}/apercu",
                 })
        {
            var (status, page) = await editor.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Empty(page.QuerySelectorAll("[style], style"));
            Assert.All(page.Scripts, s => Assert.True(s.Type == "application/ld+json" || !string.IsNullOrEmpty(s.Source), url));
            // Every visible control has a label: a <label for>, a wrapping label or an aria-label.
            foreach (var control in page.QuerySelectorAll("input:not([type=hidden]), select, textarea"))
            {
                var controlId = control.Id;
                var labelled = controlId is { Length: > 0 } && page.QuerySelector($"label[for='{controlId}']") is not null
                               || control.Closest("label") is not null || control.HasAttribute("aria-label");
                Assert.True(labelled, $"{url}: {control.OuterHtml}");
            }
        }
    }
}
