using System.Globalization;
using AngleSharp.Dom;
using System.Net;
using System.Net.Http.Headers;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Tests.Accounts;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kiosque.Tests.Newsroom.ArticlesTestSupport;

namespace Kiosque.Tests.Newsroom;

public sealed class ArticlesEditorTests
{
    [Fact]
    public async Task A_contributor_writes_and_submits_a_draft_but_sees_no_publish_button_and_a_forged_publish_is_refused()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true);
        var contributor = await ContributorAsync(app);
        var id = await CreateThroughEditorAsync(contributor, "Un brouillon de contributrice");

        var (_, page) = await contributor.GetAsync($"/newsroom/articles/{id}");
        var buttons = page.QuerySelectorAll("#article-form button[name=do]").Select(b => b.GetAttribute("value")).ToList();
        Assert.Contains("save", buttons);
        Assert.Contains("submit", buttons);
        Assert.DoesNotContain("publish", buttons);
        Assert.DoesNotContain("schedule", buttons);

        var form = PostedForm.Of(page);
        using (var forged = await form.PostAsync(contributor, "publish"))
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(ArticleStatus.Draft, (await ArticleAsync(app, id)).Status);

        using (var submitted = await form.PostAsync(contributor, "submit"))
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(ArticleStatus.InReview, (await ArticleAsync(app, id)).Status);

        // Once in review it is the editors' piece: the contributor can read it but no longer change it.
        (_, page) = await contributor.GetAsync($"/newsroom/articles/{id}");
        Assert.Empty(page.QuerySelectorAll("#article-form button[name=do][value=save]"));
        Assert.NotNull(page.QuerySelector("fieldset.ar-columns[disabled]"));
    }

    [Fact]
    public async Task A_contributor_cannot_open_someone_elses_draft()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true);
        var other = await CreateAsAsync(app, OtherContributor, "Le brouillon d’un autre");
        var contributor = await ContributorAsync(app);

        using var response = await contributor.Client.GetAsync($"/newsroom/articles/{other}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/newsroom/acces-refuse", response.Headers.Location.PathAndQuery(), StringComparison.Ordinal);
        using var preview = await contributor.Client.GetAsync($"/newsroom/articles/{other}/apercu", Ct);
        Assert.Equal(HttpStatusCode.Redirect, preview.StatusCode);
    }

    [Fact]
    public async Task An_editor_publishes_and_the_article_is_on_the_site()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true);
        var editor = await EditorAsync(app);
        var id = await CreateThroughEditorAsync(editor, "Une information publiée tout de suite", "publish");

        var article = await ArticleAsync(app, id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        using var reader = await app.CreateAnonymousClient().GetAsync(article.Path, Ct);
        Assert.Equal(HttpStatusCode.OK, reader.StatusCode);

        var (_, page) = await editor.GetAsync($"/newsroom/articles/{id}?fait=published");
        Assert.Contains("Article publié.", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var buttons = page.QuerySelectorAll("#article-form button[name=do]").Select(b => b.GetAttribute("value")).ToList();
        Assert.Contains("unpublish", buttons);
        Assert.DoesNotContain("publish", buttons);
        Assert.Contains("redirection", page.QuerySelector("#slug-hint")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_schedules_in_the_site_time_zone()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true);
        var editor = await EditorAsync(app);
        var id = await CreateThroughEditorAsync(editor, "Un article pour demain matin");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone).Date.AddDays(2).AddHours(7);

        var form = await EditorFormAsync(editor, $"/newsroom/articles/{id}");
        form.Set("Form.PublishAt", local.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        using var response = await form.PostAsync(editor, "schedule");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var article = await ArticleAsync(app, id);
        Assert.Equal(ArticleStatus.Scheduled, article.Status);
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(local, zone), article.PublishedAt);

        // A time in the past is refused next to the field, nothing changes.
        form = await EditorFormAsync(editor, $"/newsroom/articles/{id}");
        form.Set("Form.PublishAt", "2020-01-01T08:00");
        using var past = await form.PostAsync(editor, "schedule");
        var page = await NewsroomSession.ParseAsync(past);
        Assert.NotEmpty(page.QuerySelector("#publish-at-error")!.TextContent.Trim());
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(local, zone), (await ArticleAsync(app, id)).PublishedAt);
    }

    [Fact]
    public async Task A_conflicting_save_keeps_what_was_typed_and_writes_nothing()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true);
        var editor = await EditorAsync(app);
        var id = await CreateThroughEditorAsync(editor, "Le titre d’origine");
        var form = await EditorFormAsync(editor, $"/newsroom/articles/{id}");

        // Someone else saves meanwhile.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var workflow = scope.ServiceProvider.GetRequiredService<ArticleWorkflow>();
            var current = await ArticleAsync(app, id);
            var saved = await workflow.UpdateAsync(id, new ArticleInput { Section = current.Section.Slug, Headline = "Le titre de l’autre" }, current.Version, null, OtherEditor, Ct);
            Assert.True(saved.Succeeded);
        }
        var before = await ArticleAsync(app, id);

        form.Set("Form.Headline", "Mon titre à moi").Set("Form.Standfirst", "Mon chapô tapé avec soin.");
        using var response = await form.PostAsync(editor, "save");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await NewsroomSession.ParseAsync(response);
        Assert.Contains("Quelqu’un a modifié cet article pendant que vous écriviez", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Mon titre à moi", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Form_Headline")!.Value);
        Assert.Equal("Mon chapô tapé avec soin.", page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#Form_Standfirst")!.Value);
        Assert.NotNull(page.QuerySelector($"a[href='/newsroom/articles/{id}/apercu']"));

        var after = await ArticleAsync(app, id);
        Assert.Equal("Le titre de l’autre", after.Headline);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
    }

    [Fact]
    public async Task Validation_errors_show_next_to_their_fields_and_keep_the_typed_text()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true);
        var editor = await EditorAsync(app);
        var count = await app.WithDbAsync(db => db.Articles.CountAsync(Ct));
        var form = await EditorFormAsync(editor, "/newsroom/articles/nouveau");
        var media = await app.WithDbAsync(db => db.Media.Select(m => m.Id).FirstAsync(Ct));
        form.Set("Form.Headline", "").Set("Form.Standfirst", "Un chapô à ne pas perdre").Set("Form.Slug", "Pas Un Slug!")
            .Set("Form.LeadImageId", media.ToString(System.Globalization.CultureInfo.InvariantCulture)).Set("Form.LeadImageAlt", "");

        using var response = await form.PostAsync(editor, "save");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await NewsroomSession.ParseAsync(response);
        Assert.Equal("Obligatoire.", page.QuerySelector("#headline-error")!.TextContent.Trim());
        Assert.Equal("Obligatoire.", page.QuerySelector("#alt-error")!.TextContent.Trim());
        Assert.NotEmpty(page.QuerySelector("#slug-error")!.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("#Form_Headline")!.GetAttribute("aria-invalid"));
        Assert.Contains("headline-error", page.QuerySelector("#Form_Headline")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#erreurs[role=alert]"));
        Assert.Equal("Un chapô à ne pas perdre", page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#Form_Standfirst")!.Value);
        Assert.Equal("Pas Un Slug!", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Form_Slug")!.Value);
        Assert.Equal(count, await app.WithDbAsync(db => db.Articles.CountAsync(Ct)));
    }

    [Fact]
    public async Task Read_also_rows_are_added_reordered_and_saved_in_order()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true);
        var editor = await EditorAsync(app);
        var target = await app.WithDbAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Published)
            .OrderByDescending(a => a.PublishedAt).Select(a => new { a.Id, a.Headline }).FirstAsync(Ct));
        var id = await CreateThroughEditorAsync(editor, "Un article avec des liens");

        // Search by a word of the headline, then add the result: all by posting the form, no JavaScript.
        var form = await EditorFormAsync(editor, $"/newsroom/articles/{id}");
        form.Set("Form.RelatedQuery", target.Headline.Split(' ').OrderByDescending(w => w.Length).First());
        using var searched = await form.PostAsync(editor, "related-search");
        var page = await NewsroomSession.ParseAsync(searched);
        var add = page.QuerySelectorAll("[aria-live=polite] .ar-results button").Single(b => b.GetAttribute("value") == $"related-add:{target.Id}");

        form = PostedForm.Of(page);
        using var added = await form.PostAsync(editor, add.GetAttribute("value")!);
        form = PostedForm.Of(await NewsroomSession.ParseAsync(added));
        form.Set("Form.NewLinkUrl", "https://www.example.com/analyse").Set("Form.NewLinkTitle", "Une analyse ailleurs").Set("Form.NewLinkSource", "Le Quotidien");
        using var external = await form.PostAsync(editor, "related-external");
        page = await NewsroomSession.ParseAsync(external);
        Assert.Equal(2, page.QuerySelectorAll(".ar-related li").Length);

        // The external link goes first.
        form = PostedForm.Of(page);
        using var moved = await form.PostAsync(editor, "related-up:1");
        page = await NewsroomSession.ParseAsync(moved);
        Assert.Contains("Une analyse ailleurs", page.QuerySelectorAll(".ar-related li")[0].InnerHtml, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<RelatedItem>().CountAsync(r => r.ArticleId == id, Ct)));

        using var saved = await PostedForm.Of(page).PostAsync(editor, "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var related = (await ArticleAsync(app, id)).Related.OrderBy(r => r.Position).ToList();
        Assert.Equal(2, related.Count);
        Assert.Equal(("https://www.example.com/analyse", "Une analyse ailleurs", "Le Quotidien"), (related[0].Url, related[0].Title, related[0].Source));
        Assert.Equal(target.Id, related[1].TargetArticleId);
    }

    [Fact]
    public async Task The_editor_shows_automatic_read_also_suggestions_and_accepting_one_pins_it()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true);
        var editor = await EditorAsync(app);
        var article = await app.WithDbAsync(db => db.Articles
            .Where(a => a.Status == ArticleStatus.Published && a.DossierId != null && !a.Related.Any())
            .Select(a => new { a.Id, a.DossierId }).FirstAsync(Ct));
        var sameDossier = await app.WithDbAsync(db => db.Articles
            .Where(a => a.DossierId == article.DossierId && a.Id != article.Id).Select(a => new { a.Id, a.Status }).ToListAsync(Ct));

        var (_, page) = await editor.GetAsync($"/newsroom/articles/{article.Id}");
        var offered = page.QuerySelectorAll(".ar-suggestions button[name=do]")
            .Select(b => int.Parse(b.GetAttribute("value")!["related-add:".Length..], CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(offered);
        Assert.DoesNotContain(article.Id, offered);
        var published = sameDossier.Where(a => a.Status == ArticleStatus.Published).Select(a => a.Id).ToHashSet();
        Assert.Contains(offered[0], published);
        Assert.Contains("même dossier", page.QuerySelector(".ar-suggestions li")!.TextContent, StringComparison.Ordinal);
        Assert.All(offered, id => Assert.DoesNotContain(sameDossier, a => a.Id == id && a.Status != ArticleStatus.Published));

        // Accept the first: it becomes a pick, leaves the suggestions, and is stored on save.
        using var accepted = await PostedForm.Of(page).PostAsync(editor, $"related-add:{offered[0]}");
        page = await NewsroomSession.ParseAsync(accepted);
        Assert.Single(page.QuerySelectorAll(".ar-related li"));
        Assert.DoesNotContain(page.QuerySelectorAll(".ar-suggestions button[name=do]"), b => b.GetAttribute("value") == $"related-add:{offered[0]}");
        using var saved = await PostedForm.Of(page).PostAsync(editor, "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(offered[0], Assert.Single((await ArticleAsync(app, article.Id)).Related).TargetArticleId);
    }

    [Fact]
    public async Task A_lead_image_is_uploaded_from_the_editor_and_chosen()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true);
        var editor = await EditorAsync(app);
        var id = await CreateThroughEditorAsync(editor, "Un article illustré");
        var form = await EditorFormAsync(editor, $"/newsroom/articles/{id}");

        using var content = new MultipartFormDataContent();
        foreach (var (k, v) in form.Fields.Where(f => f.Key is not ("do" or "Form.UploadAlt" or "Form.UploadCredit")))
            content.Add(new StringContent(v), k);
        content.Add(new StringContent("Des manifestants sur une place"), "Form.UploadAlt");
        content.Add(new StringContent("©Agence / Test"), "Form.UploadCredit");
        content.Add(new StringContent("upload"), "do");
        var file = new ByteArrayContent(TestImages.Jpeg(800, 450));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "Upload", "photo.jpg");
        using var uploaded = await editor.Client.PostAsync(form.Action, content, Ct);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);

        var page = await NewsroomSession.ParseAsync(uploaded);
        var media = await app.WithDbAsync(db => db.Media.OrderByDescending(m => m.Id).FirstAsync(Ct));
        Assert.Equal("Des manifestants sur une place", media.Alt);
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#media-{media.Id}")!.IsChecked);
        Assert.Equal("©Agence / Test", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Form_LeadImageCredit")!.Value);

        using var saved = await PostedForm.Of(page).PostAsync(editor, "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var article = await ArticleAsync(app, id);
        Assert.Equal((media.Id, "Des manifestants sur une place", "©Agence / Test"), (article.LeadImageId!.Value, article.LeadImageAlt, article.LeadImageCredit));
    }

    [Fact]
    public async Task An_editor_adds_an_update_note_to_a_published_article()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true);
        var editor = await EditorAsync(app);
        var id = await CreateThroughEditorAsync(editor, "Un article corrigé ensuite", "publish");
        var (_, page) = await editor.GetAsync($"/newsroom/articles/{id}");
        var form = PostedForm.Of(page, "section.ar-corrections form").Set("Form.CorrectionText", "Le chiffre du deuxième paragraphe a été corrigé.");
        using var response = await form.PostAsync(editor, "correction");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var article = await ArticleAsync(app, id);
        Assert.Equal("Le chiffre du deuxième paragraphe a été corrigé.", Assert.Single(article.Corrections).Text);
        var reader = await NewsroomSession.ParseAsync(await app.CreateAnonymousClient().GetAsync(article.Path, Ct));
        Assert.Contains("Le chiffre du deuxième paragraphe a été corrigé.", reader.QuerySelector(".corrections")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_editor_post_needs_the_anti_forgery_token()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true);
        var editor = await EditorAsync(app);
        var id = await CreateThroughEditorAsync(editor, "Un article protégé");
        var form = await EditorFormAsync(editor, $"/newsroom/articles/{id}");
        form.Fields.RemoveAll(f => f.Key == "__RequestVerificationToken");
        form.Set("Form.Headline", "Titre forgé");

        foreach (var url in new[]
                 {
                     $"/newsroom/articles/{id}", "/newsroom/articles/nouveau", $"/newsroom/articles/{id}?handler=Autosave",
                     $"/newsroom/articles/{id}/revisions?handler=Restore",
                 })
        {
            using var response = await form.PostAsync(editor, "publish", url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        Assert.Equal("Un article protégé", (await ArticleAsync(app, id)).Headline);
    }

    [Fact]
    public async Task Autosave_saves_a_draft_and_refuses_once_it_is_published()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true);
        var editor = await EditorAsync(app);
        var id = await CreateThroughEditorAsync(editor, "Un brouillon enregistré tout seul");
        var form = await EditorFormAsync(editor, $"/newsroom/articles/{id}");
        var version = (await ArticleAsync(app, id)).Version;

        form.Set("Form.Standfirst", "Tapé puis enregistré automatiquement.");
        using (var response = await form.PostAsync(editor, "", $"/newsroom/articles/{id}?handler=Autosave"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
            Assert.True(json.GetProperty("saved").GetBoolean());
            Assert.Equal(version + 1, json.GetProperty("version").GetInt32());
            Assert.StartsWith("Enregistré à ", json.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        var article = await ArticleAsync(app, id);
        Assert.Equal(("Tapé puis enregistré automatiquement.", ArticleStatus.Draft), (article.Standfirst, article.Status));

        // The same stale version again: a conflict, nothing written.
        using (var stale = await form.PostAsync(editor, "", $"/newsroom/articles/{id}?handler=Autosave"))
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var fresh = await EditorFormAsync(editor, $"/newsroom/articles/{id}");
        using (var published = await fresh.PostAsync(editor, "publish")) Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var afterPublish = await ArticleAsync(app, id);
        fresh = await EditorFormAsync(editor, $"/newsroom/articles/{id}");
        Assert.Equal("off", (await editor.GetAsync($"/newsroom/articles/{id}")).Html.QuerySelector("#article-form")!.GetAttribute("data-autosave"));
        fresh.Set("Form.Standfirst", "Ne doit pas partir tout seul.");
        using (var refused = await fresh.PostAsync(editor, "", $"/newsroom/articles/{id}?handler=Autosave"))
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(afterPublish.Version, (await ArticleAsync(app, id)).Version);
    }
}
